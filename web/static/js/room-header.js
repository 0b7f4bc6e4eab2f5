// Around the participant's screen: the header (where you are, the timer, "I need more
// time", Easy Read), the calm pause screen, and the note when the facilitator moves you.

import { el, shownCode } from "./live.js";
import { guardedPress, statusLine } from "./dom.js";
import { footprint, legendOf } from "./legend.js";
import { createTimer } from "./timer.js";
import { easyRead, picture, put, say, sayNodes } from "./words.js";

// The same element throughout (the small bar watches it); `redraw`: the other wording.
export function header({ code, act, meId, savedName, easySwitch }) {
  const node = el("header", { class: "room-header" });
  let parts = null;
  let asked = null; // the timer, stage and card we asked more time on
  let current = null;
  let last = null;

  function build() {
    if (parts) parts.timer.update(null); // the old timer must not tick (or speak) on
    const title = el("h1", { class: "room-title" });
    const where = el("p", { class: "whoami" });
    const timer = createTimer();
    const moreStatus = el("p", { class: "good", role: "status" });
    const moreError = statusLine("more-time-status");
    const more = put(el("button", {
      type: "button",
      class: "button button-quiet",
      "data-key": "more-time",
      onclick: () => guardedPress("more-time", async () => {
        const ack = await act("more_time");
        if (ack.ok) {
          moreStatus.textContent = say("more_time.thanks");
          moreError.textContent = "";
          asked = current;
        } else {
          moreError.textContent = ack.error.message;
        }
      }, moreError),
    }), "more_time.button");
    node.replaceChildren(
      el("p", { class: "kicker" }, `${say("room.kicker")} `, el("span", { class: "room-code", text: shownCode(code) })),
      title,
      where,
      el("div", { class: "status-row" }, timer.node, more, easySwitch, moreStatus, moreError));
    parts = { title, where, timer, moreStatus, more };
  }

  function update(view) {
    last = view;
    const { title, where, timer, moreStatus, more } = parts;
    title.textContent = view.room.title;
    const t = view.table;
    const me = t && t.players.find((p) => p.id === meId());
    const name = me ? me.name : savedName();
    const strong = (text) => el("strong", { text });
    const as = me ? (easyRead() && legendOf(me.perspective).easy) || me.perspective_label : "";
    let line = [];
    if (me && t) line = sayNodes("who.full", { name: strong(name), as, table: strong(t.name) });
    else if (name && t) line = sayNodes("who.name_at", { name: strong(name), table: strong(t.name) });
    else if (t) line = sayNodes("who.at", { table: strong(t.name) });
    else if (name) line = sayNodes("who.name", { name: strong(name) });
    // your own footprint first: the one to look for on the board and in the answers
    where.replaceChildren(...(me && t ? [footprint(me.perspective, { size: 28 })] : []), ...line);
    // the close and the end: no "Time is up" beside "Thank you"
    timer.update(view.room.ended || (t && t.stage === "closed") ? null : view.room.timer, view.now);
    // "The facilitator knows" holds for this timer, card and stage only
    current = JSON.stringify([view.room.timer ? view.room.timer.ends_at : null, t && t.stage, t && t.round]);
    more.hidden = view.room.ended || !t || !["look_back", "play", "reflect", "pledge"].includes(t.stage);
    if (asked !== current || more.hidden) moreStatus.textContent = "";
  }

  build();
  return {
    node,
    update,
    redraw() {
      build();
      if (last) update(last);
    },
  };
}

export function pausedPanel() {
  return el("section", { class: "paused-screen", "aria-labelledby": "paused-heading", hidden: true },
    el("div", { class: "paused-inner" },
      easyRead() ? picture("cup", "paused-picture") : null,
      el("h2", { id: "paused-heading", tabindex: "-1", text: say("paused.heading") }),
      el("p", { text: say("paused.why") }),
      el("p", { text: say("paused.calm") }),
      el("p", { class: "paused-notice", hidden: true })));
}

// The facilitator's message stays readable during the break (it is often about the break).
export function pausedNotice(panel, notice) {
  const line = panel.querySelector(".paused-notice");
  const text = notice && notice.text;
  line.hidden = !text;
  line.replaceChildren(...(text ? [el("strong", { text: say("notice.from") }), text] : []));
}

// Said in words when the facilitator seats or moves you (not when you chose a table yourself).
export function movedWords(prev, view, chosen) {
  const from = prev && prev.table;
  const to = view.table;
  if (!prev || view.room.ended || (from && to && from.id === to.id) || (!from && !to)) return null;
  if (to && to.id === chosen) return null;
  if (!to) return say("moved.off", { table: from.name });
  return say(from ? "moved.to" : "moved.seated", { table: to.name });
}

// A visible note of the move, until it is closed or the next move.
export function movedNote() {
  const text = el("p", { class: "moved-text" });
  const node = el("div", { class: "moved-note", hidden: true },
    text,
    put(el("button", { type: "button", class: "button button-quiet", onclick: () => { node.hidden = true; } }), "ok"));
  return {
    node,
    show(words) {
      text.textContent = words;
      node.hidden = false;
    },
    hide() {
      node.hidden = true;
    },
  };
}
