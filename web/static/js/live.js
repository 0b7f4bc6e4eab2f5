// The live connection to the server, shared by every screen.
// Wraps the Socket.IO client (served from /vendor, installed from npm): connect, send an
// action with a fresh id and get its acknowledgement as a promise, keep only the newest view,
// and show a "reconnecting..." banner while the connection is down.

/* global io */

export function connect({ onView, onNotice, onRemoved, onConnect, banner }) {
  const socket = io({ transports: ["websocket", "polling"], reconnectionDelayMax: 4000 });
  let newest = -1;

  socket.on("connect", () => {
    if (banner) banner.hidden = true;
    if (onConnect) onConnect();
  });
  socket.on("disconnect", () => {
    if (banner) banner.hidden = false;
  });
  socket.on("view", (view) => {
    if (view.n >= newest) {
      newest = view.n;
      onView(view);
    }
  });
  if (onNotice) socket.on("notice", onNotice);
  if (onRemoved) socket.on("removed", onRemoved);

  function call(event, payload) {
    return new Promise((resolve) => {
      socket.timeout(10000).emit(event, payload, (err, ack) => {
        if (err) {
          resolve({ ok: false, error: { code: "timeout", message: "No answer from the server. Please try again." } });
        } else {
          if (ack && ack.view && ack.view.n >= newest) {
            newest = ack.view.n;
          }
          resolve(ack);
        }
      });
    });
  }

  function act(type, fields = {}) {
    return call("act", { id: newId(), type, ...fields });
  }

  return { socket, call, act, resetViews: () => { newest = -1; } };
}

// A random id for each action; works on plain http too, where crypto.randomUUID is missing.
function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
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
