"""The floor we measure against (DESIGN section 5): a bare Flask-SocketIO server that, per
action, commits one SQLite row and emits one view to the sender's table, then acknowledges.

Same contract as bench/node_baseline.js and as In Our Shoes where the benchmark reads it:
`join {"table"}` puts the socket in that table's room; `act {"id", "table", ...}` commits
a row, emits `view {"n", "payload"}` to the table (`n` is the row's number) and answers
`{"ok": true, "n"}`. The row keeps the command id, so the benchmark can check afterwards
that every acknowledged action is in the log.
"""
import eventlet

eventlet.monkey_patch()

import argparse  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import sqlite3  # noqa: E402

import eventlet.wsgi  # noqa: E402
from flask import Flask  # noqa: E402
from flask_socketio import SocketIO, join_room  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    app = Flask(__name__)
    io = SocketIO(app, async_mode="eventlet")
    db = sqlite3.connect(args.db, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, room TEXT, cid TEXT, data TEXT)")

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    @io.on("join")
    def on_join(payload):
        join_room(f"t:{payload['table']}")
        return {"ok": True}

    @io.on("act")
    def on_act(payload):
        db.execute("BEGIN IMMEDIATE")
        n = db.execute(
            "INSERT INTO events (room, cid, data) VALUES (?, ?, ?)", ("R", payload.get("id"), json.dumps(payload))
        ).lastrowid
        db.execute("COMMIT")
        io.emit("view", {"n": n, "payload": payload}, to=f"t:{payload.get('table')}")
        return {"ok": True, "n": n}

    listener = eventlet.listen(("127.0.0.1", args.port))
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    eventlet.wsgi.server(listener, app, log_output=False)


if __name__ == "__main__":
    main()
