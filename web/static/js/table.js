// The participant's room: a header (where you are, the timer, "I need more time"), then the
// screen for the table's stage, and a calm full-screen message while the workshop is paused.
// Every view from the server goes through `update`; screens are rebuilt only when the stage
// changes, so what you are typing is never lost.

import { el } from "./live.js";
import { useLegend } from "./legend.js";
import { announce, guardedPress, statusLine } from "./dom.js";
import { createTimer } from "./timer.js";
import { nameOf, playScreen } from "./play.js";
import { closedScreen } from "./close.js";
import { lobbyScreen, pledgeScreen, reflectScreen, seatScreen } from "./stages.js";
import { lookBackScreen } from "./lookback.js";

const SCREENS = {
  seat: seatScreen,
  lobby: lobbyScreen,
  look_back: lookBackScreen,
  play: playScreen,
  reflect: reflectScreen,
  pledge: pledgeScreen,
  closed: closedScreen,
};

const STAGE_NEWS = {
  lobby: "Back to the start: waiting for the facilitator.",
  look_back: "Time to look back: what happened since the last workshop?",
  play: "The game has started.",
  reflect: "Time to look back together: what is working, what is not, what matters most.",
  pledge: "Time for pledges: one thing you will do.",
  closed: "This part is finished. Thank you for taking part.",
};

export function screenKey(view) {
  if (view.room.ended) return "closed";
  if (!view.table) return view.room.stage === "closed" ? "closed" : "seat";
  return SCREENS[view.table.stage] ? view.table.stage : "lobby";
}

function header({ code, act, meId, savedName }) {
  const title = el("h1", { class: "room-title" });
  const where = el("p", { class: "whoami" });
  const timer = createTimer();
  const moreStatus = el("p", { class: "good", role: "status" });
  const moreError = statusLine("more-time-status");
  let asked = null; // the timer we asked more time for
  const more = el("button", {
    type: "button",
    class: "button button-quiet",
    "data-key": "more-time",
    text: "I need more time",
    onclick: () => guardedPress("more-time", async () => {
      const ack = await act("more_time");
      if (ack.ok) {
        moreStatus.textContent = "Thank you. The facilitator knows you need more time.";
        moreError.textContent = "";
        asked = current;
      } else {
        moreError.textContent = ack.error.message;
      }
    }, moreError),
  });
  let current = null;
  const node = el("header", { class: "room-header" },
    el("p", { class: "kicker" }, "In Our Shoes · room ", el("span", { class: "room-code", text: `${code.slice(0, 3)} ${code.slice(3)}` })),
    title,
    where,
    el("div", { class: "status-row" }, timer.node, more, moreStatus, moreError));

  function update(view) {
    title.textContent = view.room.title;
    const t = view.table;
    const me = t && t.players.find((p) => p.id === meId());
    where.replaceChildren();
    const name = me ? me.name : savedName();
    if (name) where.append("You are ", el("strong", { text: name }));
    if (me) where.append(` (here as ${me.perspective_label})`);
    if (t) where.append(name ? " at " : "You are at ", el("strong", { text: t.name }));
    if (where.childNodes.length) where.append(".");
    timer.update(view.room.timer, view.now);
    current = view.room.timer ? view.room.timer.ends_at : null;
    if (asked !== current) moreStatus.textContent = "";
    more.hidden = view.room.ended || !t || !["look_back", "play", "reflect", "pledge"].includes(t.stage);
  }
  return { node, update };
}

function pausedPanel() {
  return el("section", { class: "paused-screen", "aria-labelledby": "paused-heading", hidden: true },
    el("div", { class: "paused-inner" },
      el("h2", { id: "paused-heading", tabindex: "-1", text: "Paused" }),
      el("p", { text: "The facilitator has paused the workshop for a moment." }),
      el("p", { text: "Take a breath. Nothing is lost. We will carry on soon." })));
}

// Said in words when the facilitator seats or moves you (not when you chose a table yourself).
function movedWords(prev, view, chosen) {
  const from = prev && prev.table;
  const to = view.table;
  if (!prev || view.room.ended || (from && to && from.id === to.id) || (!from && !to)) return null;
  if (to && to.id === chosen) return null;
  if (!to) return `The facilitator has moved you off ${from.name}. Choose a table, or wait to be seated.`;
  return from ? `The facilitator has moved you to ${to.name}.` : `The facilitator has seated you at ${to.name}.`;
}

// A visible note of the move, until it is closed or the next move.
function movedNote() {
  const text = el("p", { class: "moved-text" });
  const node = el("div", { class: "moved-note", hidden: true },
    text,
    el("button", { type: "button", class: "button button-quiet", text: "OK", onclick: () => { node.hidden = true; } }));
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

// What a screen reader user hears when something changes at the table.
function news(prev, view, meId, moved) {
  const said = [];
  const t = view.table;
  const p = prev && prev.table;
  if (prev && prev.room.paused !== view.room.paused) {
    said.push(view.room.paused ? "The workshop is paused." : "We are carrying on.");
  }
  if (!t) return moved ? [...said, moved] : said;
  if (!p) {
    said.push(`You are at ${t.name}.`);
  } else if (p.id !== t.id) {
    said.push(moved || `You are now at ${t.name}.`);
  } else if (p.stage !== t.stage) {
    said.push(STAGE_NEWS[t.stage] || "");
  }
  if (t.stage !== "play") return said;
  if (t.card && p && p.round !== t.round) {
    said.push(t.turn === meId ? "You drew a card." : `${nameOf(t, t.turn)} drew a card.`);
  }
  if (p && p.card && !t.card) {
    const before = p.notes.filter((n) => n.kind === "agreed").length;
    const agreed = t.notes.filter((n) => n.kind === "agreed");
    if (agreed.length > before) said.push(`Kept in What we agreed: ${agreed[agreed.length - 1].text}`);
  }
  if (!t.card && (!p || p.turn !== t.turn || p.card || p.stage !== t.stage)) {
    if (t.turn === meId) said.push("It is your turn. You can draw a card.");
    else if (t.turn && p) said.push(`It is ${nameOf(t, t.turn)}'s turn.`);
  }
  if (p && p.hidden && !t.hidden && t.card && p.round === t.round) said.push("The answers are showing now. You can vote.");
  return said;
}

export function createRoom(root, given) {
  let chosen = null; // the table you asked to sit at yourself: moving there is not news
  const ctx = {
    ...given,
    act: (type, fields, options) => {
      if (type === "sit") chosen = fields.table;
      return given.act(type, fields, options); // options: the same id for a re-sent action (forms.js)
    },
  };
  const top = header(ctx);
  const moved = movedNote();
  const body = el("div", { class: "screen" });
  const paused = pausedPanel();
  root.replaceChildren(top.node, moved.node, body, paused);
  let screen = null;
  let key = null;
  let prev = null;

  function update(view) {
    useLegend(view.room.legend); // every perspective's colour and pattern, before drawing
    const movedBy = movedWords(prev, view, chosen);
    const changed = prev && (prev.table && prev.table.id) !== (view.table && view.table.id);
    if (movedBy) moved.show(movedBy);
    else if (changed) moved.hide();
    if (changed) chosen = null;
    const kind = screenKey(view);
    const next = `${kind}:${view.table ? view.table.id : ""}`; // a new table gets a fresh screen
    const rebuilt = next !== key;
    if (rebuilt) {
      key = next;
      screen = SCREENS[kind](ctx);
      body.replaceChildren(screen.node);
      if (changed) writers = []; // another table: its writers are not known yet
      if (screen.writing) screen.writing(writers);
    }
    top.update(view);
    screen.update(view);
    const wasPaused = !paused.hidden;
    paused.hidden = !view.room.paused || view.room.ended;
    top.node.inert = !paused.hidden;
    body.inert = !paused.hidden;
    document.body.classList.toggle("is-paused", !paused.hidden);
    // Move focus only when what had it went away (a new screen, the end of a pause), never
    // just because a view arrived: someone reading the page must not be scrolled about.
    const active = document.activeElement;
    const lost = !active || active === document.body || !document.contains(active);
    if (!paused.hidden && !wasPaused) paused.querySelector("h2").focus();
    else if (paused.hidden && wasPaused && (lost || paused.contains(active))) screen.heading.focus({ preventScroll: true });
    else if (paused.hidden && rebuilt && lost) screen.heading.focus();
    news(prev, view, ctx.meId(), movedBy).forEach(announce);
    prev = view;
  }

  // `writing {players}` from the server: who at this table is writing just now
  let writers = [];
  function writing(ids) {
    writers = ids;
    if (screen && screen.writing) screen.writing(ids);
  }

  return { update, writing };
}
