// Small DOM helpers shared by the participant's screens.

import { el } from "./live.js";
import { put, say } from "./words.js";

// Say something to screen readers through the page's polite live region.
// Things said within a moment of each other are read together, in order.
let pending = [];
let flushing = null;
export function announce(text) {
  const region = document.getElementById("announce");
  if (!region || !text) return;
  pending.push(text);
  region.textContent = "";
  clearTimeout(flushing);
  // a short gap, so the same words said twice are still read twice
  flushing = setTimeout(() => {
    region.textContent = pending.join(" ");
    pending = [];
  }, 80);
}

// Replace a container's children; if focus was on an element with a data-key inside it,
// put focus back on the new element with the same key (so re-rendering never loses your place).
export function swap(container, ...children) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  if (key) {
    const again = container.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (again) again.focus();
  }
}

// A polite live region next to a control, for the server's answer when something fails.
export function statusLine(id) {
  return el("p", { id, class: "error", role: "status" });
}

// --- one action per press, never two ------------------------------------------------
// A double-click must not vote and take the vote back. A press on a control (named by its
// `key`, which survives redrawing) does nothing while that control's last action is on its
// way, nor within QUIET_MS of the last press. While waiting, the control is aria-disabled
// (it keeps focus, unlike `disabled`) and its status line says "Sending..." or "Offline...".
export const QUIET_MS = 500;
const SLOW_MS = 1000; // say "Sending..." only when the answer takes this long
const waiting = new Set();
const lastPress = new Map();
let pressing = null; // the press whose task is starting now (see `waitNotice`)

function markWaiting(key, on) {
  for (const node of document.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) {
    if (on) node.setAttribute("aria-disabled", "true");
    else node.removeAttribute("aria-disabled");
  }
}

// Run `task` (which may return a promise) for a press on the control `key`, unless that
// control is still waiting or was pressed less than half a second ago. `status`: where to
// say that it is sending or waiting for the connection. Returns the task's promise, or null
// when the press was ignored.
export function guardedPress(key, task, status = null) {
  const now = performance.now();
  if (waiting.has(key) || now - (lastPress.get(key) ?? -Infinity) < QUIET_MS) return null;
  lastPress.set(key, now);
  waiting.add(key);
  markWaiting(key, true);
  pressing = { status, still: () => waiting.has(key) };
  let result;
  try {
    result = Promise.resolve(task());
  } catch (err) {
    result = Promise.reject(err);
  } finally {
    pressing = null;
  }
  return result.finally(() => {
    waiting.delete(key);
    markWaiting(key, false);
    if (status) status.classList.remove("pending");
  });
}

// True while the action of the control `key` is on its way.
export const isWaiting = (key) => waiting.has(key);

// For `live.act(..., { onWait })`: tells a status line whether an action waits for the
// connection or is slow to be answered, while `still()` is true. Without arguments: the
// status line of the press now starting (null outside a press).
export function waitNotice(status = pressing && pressing.status, still = pressing ? pressing.still : () => true) {
  if (!status) return null;
  let slow = null;
  return (state) => {
    clearTimeout(slow);
    status.classList.remove("good");
    status.classList.add("pending");
    if (state === "offline") {
      status.textContent = say("offline.held");
    } else if (status.textContent) {
      status.textContent = say("sending");
    } else {
      slow = setTimeout(() => { if (still()) status.textContent = say("sending"); }, SLOW_MS);
    }
  };
}

// A button whose action goes once per press (see `guardedPress`), then reports any error in
// `status` or calls `after` when it worked. `words` (a word key, filled with `vars`) shows
// the words with their picture in Easy Read; `text` shows text as it is.
export function actionButton({ key, text, words, vars, cls = "button", status, run, after, describedby }) {
  const button = el("button", {
    type: "button",
    class: cls,
    "data-key": key,
    "aria-describedby": describedby,
    "aria-disabled": waiting.has(key) ? "true" : null,
    text,
    onclick: () => guardedPress(key, run, status)?.then((ack) => {
      if (status) status.textContent = ack && !ack.ok ? ack.error.message : "";
      if (ack && ack.ok && after) after();
    }),
  });
  return words ? put(button, words, vars) : button;
}

// Focus is lost when nothing has it, or what has it was removed or hidden.
export function focusLost() {
  const active = document.activeElement;
  return !active || active === document.body || !document.contains(active) || active.getClientRects().length === 0;
}

// After an action that removes or hides its own button, put focus somewhere sensible.
export function refocus(target) {
  if (target && focusLost()) target.focus();
}

// A side panel that folds away on a phone (a <details> under `summary`, closed), and is
// simply open on a wide screen, where the summary is not shown (phone.css).
export const WIDE = "(min-width: 60rem)";
export function fold(summary, panel) {
  const details = el("details", { class: "fold" }, el("summary", { text: summary }), panel);
  const wide = window.matchMedia(WIDE);
  details.open = wide.matches;
  wide.addEventListener("change", () => { details.open = wide.matches; });
  return details;
}

// Easy Read on a phone: one thing at a time. What is not needed to act (who else it is
// from, leaving it out of the notes) folds away under a small summary (`words`: a word
// key), closed; on a wide screen it is simply open, its summary not shown (easy.css).
export function easyFold(words, ...nodes) {
  const details = el("details", { class: "easy-fold" }, put(el("summary"), words), ...nodes.filter(Boolean));
  const wide = window.matchMedia(WIDE);
  details.open = wide.matches;
  wide.addEventListener("change", () => { details.open = wide.matches; });
  return details;
}

// A decorative icon: the words always sit beside it, so it has empty alt text.
export function icon(name, cls = "icon") {
  return el("img", { class: cls, src: `/static/icons/${name}.svg`, alt: "", width: 40, height: 40 });
}
