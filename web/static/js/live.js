// The live connection to the server, shared by every screen.
// Wraps the Socket.IO client (served from /vendor, installed from npm): connect, keep only the
// newest view, show the "offline" banner while the connection is down, and send actions so
// that nothing a person does is lost or doubled:
// - each action keeps ONE id until the server answers it; after a dropped connection or a
//   late answer it is sent again with the same id, and the server does it only once;
// - actions made while offline wait here, in order, and go once the page has joined again
//   (`onConnect` rejoins; the page calls `ready()` if that takes longer);
// - `onWait("offline" | "sending")` tells the button what is happening meanwhile.
// Views come as patches (`join`/`host` ask for them): the whole view once, then only what
// changed, applied here (patch.js), so the page still gets whole views.

/* global io */

import { applyOps } from "./patch.js";
import { say } from "./words.js";

const ANSWER_WITHIN = 10000; // ms before an unanswered action is sent again (same id)

export function connect({ onView, onNotice, onRemoved, onConnect, banner }) {
  const socket = io({ transports: ["websocket", "polling"], reconnectionDelayMax: 4000 });
  let newest = -1;
  let joined = false; // joined again on this connection: held actions may go
  let connection = 0;
  let inFlight = null; // the action on its way (one at a time, so they arrive in order)
  let closed = false;
  const outbox = [];

  function showBanner(offline) {
    if (!banner) return;
    banner.hidden = !offline || closed;
    const held = banner.querySelector("[data-held]");
    if (held) {
      held.textContent = outbox.length ? say("offline.waiting", { n: outbox.length }) : "";
    }
  }

  socket.on("connect", async () => {
    const mine = ++connection;
    joined = false;
    showBanner(false);
    const answer = onConnect ? await onConnect() : true;
    if (answer !== false && mine === connection && socket.connected) ready();
  });
  socket.on("disconnect", () => {
    joined = false;
    showBanner(true);
    for (const entry of outbox) if (entry.onWait) entry.onWait("offline");
  });
  // The browser knows at once when the network goes; the socket would only notice when a
  // ping goes unanswered (up to 25 s). Closing the transport says "offline" now, holds what
  // is sent meanwhile, and reconnects as usual when the network is back.
  window.addEventListener("offline", () => {
    if (socket.connected && socket.io.engine) socket.io.engine.close();
  });
  function show(view) {
    if (view.n >= newest) {
      newest = view.n;
      onView(view);
    }
  }
  let held = null; // { v, view }: the view the next patch applies to
  let resyncing = false; // joining again for a whole view: once, until it comes
  socket.on("view", show);
  socket.on("patch", (message) => {
    if (message.view) {
      held = { v: message.v, view: message.view };
      resyncing = false;
    } else if (held && message.from === held.v) {
      held = { v: message.v, view: applyOps(held.view, message.ops) };
    } else {
      held = null; // a patch for a view we do not hold: join again for a whole one
      if (onConnect && !resyncing) {
        resyncing = true;
        Promise.resolve(onConnect()).finally(() => { if (!held) resyncing = false; });
      }
      return;
    }
    show(held.view);
  });
  if (onNotice) socket.on("notice", onNotice);
  if (onRemoved) socket.on("removed", onRemoved);

  // A join or host message: sent when connected; never "no answer" just for being offline.
  function call(event, payload) {
    if (event === "join" || event === "host") payload = { ...payload, patches: true };
    return new Promise((resolve) => {
      const send = () => socket.timeout(ANSWER_WITHIN).emit(event, payload, (err, ack) => {
        if (err) {
          resolve(socket.connected
            ? { ok: false, error: { code: "timeout", message: say("no_answer") } }
            : { ok: false, error: { code: "offline", message: say("dropped") } });
          return;
        }
        if (ack && ack.view && ack.view.n >= newest) newest = ack.view.n;
        resolve(ack);
      });
      if (socket.connected) send();
      else socket.once("connect", send);
    });
  }

  // Send the oldest waiting action, if the page has joined on a live connection.
  function pump() {
    const entry = outbox[0];
    if (!entry || inFlight || !joined || !socket.connected || closed) return;
    inFlight = entry;
    const attempt = ++entry.attempts;
    if (entry.onWait) entry.onWait("sending");
    socket.timeout(ANSWER_WITHIN).emit("act", entry.command, (err, ack) => {
      if (inFlight !== entry || entry.attempts !== attempt) return;
      inFlight = null;
      if (err) {
        // dropped: it goes again after rejoining; late: it goes again now (same id either way)
        if (socket.connected && joined) pump();
        return;
      }
      outbox.shift();
      showBanner(!socket.connected);
      entry.resolve(ack);
      pump();
    });
  }

  // The page has joined (again): send what is waiting, in order.
  function ready() {
    joined = true;
    pump();
  }

  // `id`: keep the same id for the same action (a form remembers it across reloads).
  function act(type, fields = {}, { id, onWait } = {}) {
    return new Promise((resolve) => {
      if (closed) {
        resolve({ ok: false, error: { code: "closed", message: say("left") } });
        return;
      }
      outbox.push({ command: { id: id || newId(), type, ...fields }, resolve, onWait, attempts: 0 });
      if (!socket.connected && onWait) onWait("offline");
      showBanner(!socket.connected);
      pump();
    });
  }

  // Leave for good (removed from the workshop): nothing waiting will be sent.
  function close() {
    closed = true;
    socket.disconnect();
    for (const entry of outbox.splice(0)) {
      entry.resolve({ ok: false, error: { code: "closed", message: say("left") } });
    }
    showBanner(false);
  }

  return { socket, call, act, ready, close, resetViews: () => { newest = -1; } };
}

// A random id for each action; works on plain http too, where crypto.randomUUID is missing.
export function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// A room code as people see it everywhere, in two threes: "XBJ J9B" (server/rooms.py shown_code).
export function shownCode(code) {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

// Build an element with text content only: user text never goes through innerHTML.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child);
    }
  }
  return node;
}
