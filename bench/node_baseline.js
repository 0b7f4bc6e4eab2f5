// The Node reference: socket.io 4.8 and better-sqlite3, the same contract as bench/baseline.py.
// Per action: one SQLite commit (WAL, synchronous=NORMAL), one emit of
// `view {n, payload}` to the sender's table, then the acknowledgement `{ok: true, n}`.
// Installed into bench/node_modules by the benchmark (`npm ci` in bench/), never by `make run`.
//
//     node bench/node_baseline.js --port 5001 --db /tmp/node.db
"use strict";
const http = require("http");
const { Server } = require("socket.io");
const Database = require("better-sqlite3");

const arg = (name) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const db = new Database(arg("db"));
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, room TEXT, cid TEXT, data TEXT)");
const insert = db.prepare("INSERT INTO events (room, cid, data) VALUES (?, ?, ?)");
const commit = db.transaction((payload) => insert.run("R", payload.id, JSON.stringify(payload)).lastInsertRowid);

const server = http.createServer((req, res) => {
  res.writeHead(req.url === "/healthz" ? 200 : 404, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ ok: req.url === "/healthz" }));
});
server.on("connection", (socket) => socket.setNoDelay(true));
const io = new Server(server);

io.on("connection", (socket) => {
  socket.on("join", (payload, ack) => {
    socket.join(`t:${payload.table}`);
    ack({ ok: true });
  });
  socket.on("act", (payload, ack) => {
    const n = Number(commit(payload));
    io.to(`t:${payload.table}`).emit("view", { n, payload });
    ack({ ok: true, n });
  });
});

server.listen(Number(arg("port")), "127.0.0.1");
