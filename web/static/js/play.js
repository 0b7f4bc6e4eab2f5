// The play screen, a game board: the table's path of outcomes at the centre, whose turn it
// is, the card on the table, your answer (a picture, words or your voice), everyone's
// answers (answers.js), Poet's Corner after a reflection card, moving on together, who is at
// the table, and the table's notes.

import { el } from "./live.js";
import { actionButton, fold, icon, refocus, statusLine, swap } from "./dom.js";
import { answersSection } from "./answers.js";
import { boardView } from "./board.js";
import { cardView } from "./card.js";
import { sayForm } from "./forms.js";
import { moveOnBox } from "./moveon.js";
import { peopleSection } from "./people.js";
import { poetsCorner } from "./poem.js";
import { sayExtras } from "./say-extras.js";
import { readButton, stopReading } from "./speak.js";
import { saidList, voiced } from "./voices.js";
import { saidLabel } from "./said.js";
import { symbolBadge } from "./symbols.js";
import { easyRead, put, say } from "./words.js";
import { nameOf } from "./names.js";
import { footprint, legendOf } from "./legend.js";
import { agreedFold } from "./agreed-fold.js";
import { othersWriting, signalTyping } from "./writing.js";

const short = (text) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

// Once a card is drawn, the "Draw a card" button is gone: take the reader to the card.
function focusCard() {
  refocus(document.getElementById("card-heading"));
}

// "We agreed: “...”"; a picture agreed without words shows the picture itself, not the
// sentence "A picture: Not sure" in quotes.
function agreedWords(note) {
  if (note.text || !note.symbol) return el("span", { text: say("turn.agreed", { text: short(saidLabel(note)) }) });
  return el("span", { class: "turn-agreed-picture" }, `${say("turn.agreed_lead")} `, symbolBadge(note.symbol));
}

// The footprint an agreed card left on the path is in the colours of whoever the card was
// told by, not of whoever wrote the answer: said in words, so the board does not look wrong.
function footprintLine(table, note) {
  const outcome = table.board && note.card && table.board.outcomes.find((o) => o.tiles.some((t) => t.card === note.card));
  if (!outcome) return null;
  const side = note.card_perspective || "anyone";
  const name = (easyRead() && outcome.easy) || outcome.name;
  const words = side === "anyone" ? say("turn.footprint_plain", { outcome: name })
    : say("turn.footprint", { side: (easyRead() && legendOf(side).easy) || legendOf(side).name, outcome: name });
  return el("p", { class: "turn-footprint" }, footprint(side, { size: 28 }), el("span", { text: words }));
}

function turnBox({ act, meId }) {
  const heading = el("h2", { id: "turn-heading", class: "turn-heading", tabindex: "-1" });
  const detail = el("p", { class: "turn-detail" });
  const action = el("div", { class: "turn-action" });
  const status = statusLine("draw-status");
  // the prompt of this moment, read aloud on request
  const read = readButton(() => `${heading.textContent}. ${detail.textContent}`, { key: "read-turn" });
  const agreed = el("div"); // between cards: what the table has just agreed, in its author's colours
  const node = el("section", { class: "turn-box", "aria-labelledby": "turn-heading" }, agreed, heading, detail, action, status,
    read ? el("div", { class: "item-tools" }, read) : null);

  function update(table) {
    const me = meId();
    const notes = table.notes.filter((n) => n.kind === "agreed");
    const ended = !table.card && table.last_round ? table.last_round.outcome : null;
    const last = ended === "agreed" && notes[notes.length - 1];
    const placed = last ? footprintLine(table, last) : null;
    // the table chose your words: said to you (written for you by a neighbour counts too)
    const yours = last && last.author === me ? el("p", { class: "turn-yours" }, icon("star", "turn-yours-icon"), say("turn.yours_agreed")) : null;
    swap(agreed, last ? el("div", {}, voiced("p", last, { class: "turn-agreed" }, icon("check", "turn-agreed-icon"), agreedWords(last)), yours, placed)
      : ended ? el("p", { class: "turn-agreed turn-ended", text: say(ended === "skipped" ? "turn.skipped" : "turn.none_agreed") })
      : null);
    const holder = table.players.find((p) => p.id === table.turn);
    const mine = table.turn === me;
    if (table.card) {
      put(heading, mine ? "turn.you_drew" : "turn.drew", { name: nameOf(table, table.turn) });
      detail.textContent = say("turn.everyone");
      swap(action);
      return;
    }
    if (mine || !table.turn) {
      put(heading, mine ? "turn.mine" : "turn.anyone");
      detail.textContent = say("turn.draw_hint");
      swap(action, actionButton({
        key: "draw", words: "turn.draw", cls: "button button-strong button-big", status, after: focusCard,
        run: () => act("draw"),
      }));
    } else if (holder && !holder.device) {
      put(heading, "turn.theirs", { name: nameOf(table, holder.id) });
      detail.textContent = say("turn.helped", { name: nameOf(table, holder.id) });
      swap(action, actionButton({
        key: "draw", words: "turn.draw_for", vars: { name: nameOf(table, holder.id) }, cls: "button button-strong button-big", status, after: focusCard,
        run: () => act("draw", { for: holder.id }),
      }));
    } else {
      put(heading, "turn.theirs", { name: nameOf(table, table.turn) });
      detail.textContent = say("turn.waiting", { name: nameOf(table, table.turn) });
      swap(action);
    }
  }
  return { node, heading, update };
}

function agreedPanel(list) {
  const box = agreedFold("play", el("section", { class: "panel", "aria-labelledby": "agreed-heading" },
    put(el("h2", { id: "agreed-heading" }), "agreed.heading"), list));
  box.count(0);
  return box;
}

export function playScreen(ctx) {
  const { act, meId } = ctx;
  const board = boardView(ctx);
  const turn = turnBox(ctx);
  const cardSlot = el("div", { class: "card-slot" });
  const respond = sayForm({
    key: "answer",
    label: "answer.label",
    hint: "answer.hint",
    button: "answer.button",
    type: "respond",
    act,
    meId,
    extra: sayExtras({ id: "say-answer", code: ctx.code, button: say("answer.button") }),
  });
  if (ctx.typing) signalTyping(respond.node.querySelector("textarea"), ctx.typing);
  const answers = answersSection(ctx);
  const poem = poetsCorner(ctx);
  const next = moveOnBox(ctx, { afterMove: () => refocus(turn.heading) });
  const people = peopleSection(ctx);
  const agreed = el("div");
  const agreedBox = agreedPanel(agreed);
  const notes = el("div");
  const noteForm = sayForm({
    key: "note", label: "note.label", button: "note.button", type: "note", fields: { kind: "note" }, act, meId, rows: 2,
    extra: sayExtras({ id: "say-note", code: ctx.code, button: say("note.button"), pictures: false, record: "record.start_note" }),
  });
  let shownRound;
  let table = null;
  let writing = [];

  const node = el("div", { class: "play" },
    board.node,
    el("div", { class: "play-main" }, turn.node, cardSlot, poem.node, respond.node, answers.node, next.node),
    el("div", { class: "play-side" },
      fold(say("people.heading"), people.node),
      agreedBox.node,
      fold(say("notes.heading"), el("section", { class: "panel", "aria-labelledby": "notes-heading" },
        put(el("h2", { id: "notes-heading" }), "notes.heading"), notes, noteForm.node))));

  // Who else is writing just now: under the answers, and asked about before "Next card".
  function showWriting() {
    const others = othersWriting(table, writing, meId());
    answers.update(table, others);
    next.update(table, others);
  }

  return {
    node,
    heading: turn.heading,
    writing(ids) {
      writing = ids;
      if (table) showWriting();
    },
    update(view) {
      const t = view.table;
      table = t;
      board.update(view);
      turn.update(t);
      if (t.round !== shownRound) {
        shownRound = t.round;
        stopReading();
        const outcome = t.card && t.board ? t.board.outcomes.find((o) => o.id === t.card.outcome) : null;
        swap(cardSlot, t.card ? cardView(t.card, { number: t.cards_drawn, outcome }) : null);
      }
      respond.node.hidden = !t.card;
      respond.update(t);
      showWriting();
      poem.update(t);
      people.update(t, view.room.legend);
      const kept = t.notes.filter((n) => n.kind === "agreed");
      agreedBox.count(kept.length);
      swap(agreed, saidList(kept, t, meId(), say("agreed.empty")));
      swap(notes, saidList(t.notes.filter((n) => n.kind === "note"), t, meId(), say("notes.empty")));
      noteForm.update(t);
    },
  };
}
