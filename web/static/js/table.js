// The participant's room: a header (where you are, the timer, "I need more time"), then the
// screen for the table's stage, and a calm full-screen message while the workshop is paused
// (room-header.js). Every view from the server goes through `update`; screens are rebuilt
// only when the stage changes, so what you are typing is never lost (and when Easy Read is
// switched, when they are drawn again in the other wording, drafts are kept: forms.js).

import { el } from "./live.js";
import { useLegend } from "./legend.js";
import { announce } from "./dom.js";
import { answerNews } from "./answer-news.js";
import { cardKind } from "./card.js";
import { header, movedNote, movedWords, pausedNotice, pausedPanel } from "./room-header.js";
import { saidLabel } from "./said.js";
import { stopReading } from "./speak.js";
import { EASY_EVENT, say } from "./words.js";
import { nameOf } from "./names.js";
import { playScreen } from "./play.js";
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

export function screenKey(view) {
  if (view.room.ended) return "closed";
  if (!view.table) return view.room.stage === "closed" ? "closed" : "seat";
  return SCREENS[view.table.stage] ? view.table.stage : "lobby";
}

// Other people's answers to the card in play that are new in this view (none while they
// are hidden: whose they are is not known then).
function newAnswers(p, t, meId) {
  if (!p || !t.card || p.round !== t.round || t.hidden) return 0;
  const known = new Set(p.responses.map((r) => r.id));
  return t.responses.filter((r) => !known.has(r.id) && r.author !== meId && r.entered_by !== meId).length;
}

// What a screen reader user hears when something changes at the table.
function news(prev, view, meId, moved) {
  const said = [];
  const t = view.table;
  const p = prev && prev.table;
  if (prev && prev.room.paused !== view.room.paused) {
    said.push(say(view.room.paused ? "news.paused" : "news.resumed"));
  }
  if (prev && !prev.room.ended && view.room.ended) return [...said, say("news.ended")]; // the same screen: nothing else says so
  if (!t) return moved ? [...said, moved] : said;
  if (!p) {
    said.push(say("news.at", { table: t.name }));
  } else if (p.id !== t.id) {
    said.push(moved || say("news.now_at", { table: t.name }));
  } else if (p.stage !== t.stage) {
    said.push(say(`stage.${t.stage}`));
  }
  if (t.stage !== "play") return said;
  if (t.card && p && p.round !== t.round) {
    const kind = cardKind(t.card).toLowerCase();
    said.push(t.turn === meId ? say("news.you_drew", { kind }) : say("news.drew", { name: nameOf(t, t.turn), kind }));
  }
  if (p && p.card && !t.card) {
    const before = p.notes.filter((n) => n.kind === "agreed").length;
    const agreed = t.notes.filter((n) => n.kind === "agreed");
    if (agreed.length > before) said.push(say("news.agreed", { text: saidLabel(agreed[agreed.length - 1]) }));
    else if (t.last_round && t.last_round.outcome === "skipped") said.push(say("news.skipped"));
  }
  if (!t.card && (!p || p.turn !== t.turn || p.card || p.stage !== t.stage)) {
    if (t.turn === meId) said.push(say("news.your_turn"));
    else if (t.turn && p) said.push(say("news.turn", { name: nameOf(t, t.turn) }));
  }
  if (p && p.hidden && !t.hidden && t.card && p.round === t.round) said.push(say("news.shown"));
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
  let paused = pausedPanel();
  root.replaceChildren(top.node, moved.node, body, paused);
  let screen = null;
  let key = null;
  let prev = null;
  const answers = answerNews();

  // Easy Read switched on or off: everything is drawn again in the other wording.
  document.addEventListener(EASY_EVENT, () => {
    if (!prev || !root.isConnected) return;
    const active = document.activeElement; // the switch itself, mostly: it keeps focus
    stopReading();
    top.redraw();
    const calm = pausedPanel();
    calm.hidden = paused.hidden;
    paused.replaceWith(calm);
    paused = calm;
    key = null; // a fresh screen
    const last = prev;
    prev = null;
    update(last, { quiet: true, keep: active });
  });

  // `keep`: what had focus before the page was drawn again (in the other wording)
  function update(view, { quiet = false, keep = null } = {}) {
    useLegend(view.room.legend); // every perspective's colour and pattern, before drawing
    const movedBy = quiet ? null : movedWords(prev, view, chosen);
    const changed = prev && (prev.table && prev.table.id) !== (view.table && view.table.id);
    // the note belongs to the moment of the move: a new stage (reflect, the close) puts it away
    const nextStage = prev && view.table && prev.table && prev.table.stage !== view.table.stage;
    if (movedBy) moved.show(movedBy);
    else if ((changed || nextStage) && !quiet) moved.hide();
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
    pausedNotice(paused, view.room.notice);
    top.node.inert = !paused.hidden;
    body.inert = !paused.hidden;
    document.body.classList.toggle("is-paused", !paused.hidden);
    // Move focus only when what had it went away (a new screen, the end of a pause), never
    // just because a view arrived: someone reading the page must not be scrolled about.
    const active = document.activeElement;
    const lost = !active || active === document.body || !document.contains(active);
    if (!paused.hidden && !wasPaused) paused.querySelector("h2").focus();
    else if (keep && keep !== document.body && keep.isConnected && !keep.closest("[inert]")) keep.focus({ preventScroll: true });
    else if (paused.hidden && wasPaused && (lost || paused.contains(active))) screen.heading.focus({ preventScroll: true });
    else if (paused.hidden && rebuilt && lost) screen.heading.focus();
    if (!quiet) {
      news(prev, view, ctx.meId(), movedBy).forEach(announce);
      // the end: nothing more to hear of answers (hidden ones shown at the end said "1 new answer")
      if (view.room.ended || !prev || !prev.table || !view.table || prev.table.round !== view.table.round) answers.clear();
      else answers.add(newAnswers(prev.table, view.table, ctx.meId()));
    }
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
