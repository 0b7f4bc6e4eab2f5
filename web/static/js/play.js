// The play screen, a game board: the table's path of outcomes at the centre, whose turn it
// is, the card on the table, your answer, everyone's answers (each in its author's colours)
// with votes, Poet's Corner after a reflection card, moving on together, who is at the table,
// and the table's notes.

import { el } from "./live.js";
import { actionButton, fold, refocus, statusLine, swap } from "./dom.js";
import { boardView } from "./board.js";
import { cardView, stopReading } from "./card.js";
import { forChooser, sayForm } from "./forms.js";
import { moveOnBox } from "./moveon.js";
import { peopleSection } from "./people.js";
import { poetsCorner } from "./poem.js";
import { saidList, voiced, who } from "./voices.js";
import { othersWriting, signalTyping, writingLine } from "./writing.js";

export function nameOf(table, playerId) {
  const player = table.players.find((p) => p.id === playerId);
  return player ? player.name : "someone";
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// Once a card is drawn, the "Draw a card" button is gone: take the reader to the card.
function focusCard() {
  refocus(document.getElementById("card-heading"));
}

function turnBox({ act, meId }) {
  const heading = el("h2", { id: "turn-heading", class: "turn-heading", tabindex: "-1" });
  const detail = el("p", { class: "turn-detail" });
  const action = el("div", { class: "turn-action" });
  const status = statusLine("draw-status");
  const node = el("section", { class: "turn-box", "aria-labelledby": "turn-heading" }, heading, detail, action, status);

  function update(table) {
    const me = meId();
    const holder = table.players.find((p) => p.id === table.turn);
    const mine = table.turn === me;
    if (table.card) {
      heading.textContent = mine ? "You drew this card" : `${nameOf(table, table.turn)} drew this card`;
      detail.textContent = "Everyone can add an answer, then vote for the answers they like.";
      swap(action);
      return;
    }
    if (mine || !table.turn) {
      heading.textContent = mine ? "It is your turn" : "Anyone can start";
      detail.textContent = "Draw a card. Everyone at the table will see it.";
      swap(action, actionButton({
        key: "draw", text: "Draw a card", cls: "button button-strong button-big", status, after: focusCard,
        run: () => act("draw"),
      }));
    } else if (holder && !holder.device) {
      heading.textContent = `It is ${holder.name}'s turn`;
      detail.textContent = `${holder.name} has no device, so you can draw the card for them.`;
      swap(action, actionButton({
        key: "draw", text: `Draw a card for ${holder.name}`, cls: "button button-strong button-big", status, after: focusCard,
        run: () => act("draw", { for: holder.id }),
      }));
    } else {
      heading.textContent = `It is ${nameOf(table, table.turn)}'s turn`;
      detail.textContent = `Waiting for ${nameOf(table, table.turn)} to draw a card.`;
      swap(action);
    }
  }
  return { node, heading, update };
}

function answersSection({ act, meId }) {
  const heading = el("h2", { id: "answers-heading", tabindex: "-1", text: "Answers" });
  const chooser = forChooser("vote-for", "Vote on behalf of:");
  const left = el("p", { class: "votes-left" });
  const body = el("div", { class: "answers-body" });
  const writing = writingLine();
  const status = statusLine("vote-status");
  const node = el("section", { class: "panel answers", "aria-labelledby": "answers-heading" },
    heading, chooser.field, left, body, writing.node, status);
  let table = null;
  chooser.select.addEventListener("change", () => table && update(table));

  // Hidden answers show neither words nor names: only how many people have answered. Anyone
  // may show them once everyone with a device has answered, or when the turn-holder has no
  // device; the turn-holder may at any time.
  function hiddenAnswers(t) {
    const holder = t.players.find((p) => p.id === t.turn);
    const mayReveal = !holder || holder.id === meId() || !holder.device || t.answered >= t.to_answer;
    return [
      el("p", { class: "hidden-note", text: "Answers are hidden until everyone has answered." }),
      t.answered
        ? el("p", { class: "answered", text: `${t.answered} of ${t.to_answer} ${t.to_answer === 1 ? "person has" : "people have"} answered.` })
        : el("p", { class: "empty", text: "Nobody has answered yet." }),
      mayReveal
        ? actionButton({
          key: "reveal", text: "Show answers", cls: "button", status, run: () => act("reveal"),
          after: () => refocus(heading),
        })
        : el("p", { class: "hint", text: `${holder.name} can show the answers now. Anyone can once everyone has answered.` }),
    ];
  }

  function answer(r, voter, t) {
    const voted = r.voters.includes(voter);
    const textId = `answer-${r.id}`;
    const tags = [];
    if (t.tie && t.tie.includes(r.id)) tags.push(el("span", { class: "tag tag-tie", text: "Tied for most votes" }));
    else if (t.proposed === r.id) tags.push(el("span", { class: "tag tag-lead", text: "Most votes" }));
    return voiced("li", r, { class: voted ? "said-item answer voted" : "said-item answer" },
      el("p", { class: "said", id: textId, text: r.text }),
      who(r, t, meId()),
      el("div", { class: "answer-votes" },
        el("span", { class: "vote-count", text: plural(r.votes, "vote") }),
        ...tags,
        actionButton({
          key: `vote-${r.id}`,
          text: voted ? "Take vote back" : "Vote",
          cls: voted ? "button button-quiet" : "button",
          describedby: textId,
          status,
          run: () => {
            const fields = { response: r.id };
            if (voter !== meId()) fields.for = voter;
            return act(voted ? "unvote" : "vote", fields);
          },
        })));
  }

  function update(t, writers = []) {
    table = t;
    node.hidden = !t.card;
    if (!t.card) return;
    writing.update(writers);
    heading.textContent = t.responses.length ? `Answers (${t.responses.length})` : "Answers";
    chooser.update(t, meId());
    if (t.hidden) {
      chooser.field.hidden = true;
      left.hidden = true;
      swap(body, hiddenAnswers(t));
      return;
    }
    const voter = chooser.value() || meId();
    const used = t.responses.filter((r) => r.voters.includes(voter)).length;
    const remaining = Math.max(0, t.votes_per_card - used);
    left.hidden = false;
    left.textContent = voter === meId()
      ? `You have ${remaining} of ${t.votes_per_card} votes left for this card.`
      : `${nameOf(t, voter)} has ${remaining} of ${t.votes_per_card} votes left for this card.`;
    swap(body, t.responses.length
      ? el("ul", { class: "said-list" }, ...t.responses.map((r) => answer(r, voter, t)))
      : el("p", { class: "empty", text: "No answers yet. Be the first!" }));
  }
  return { node, update };
}

export function playScreen(ctx) {
  const { act, meId } = ctx;
  const board = boardView(ctx);
  const turn = turnBox(ctx);
  const cardSlot = el("div", { class: "card-slot" });
  const respond = sayForm({
    key: "answer",
    label: "Your answer",
    hint: "What would you do? How would it feel? There are no wrong answers.",
    button: "Add my answer",
    type: "respond",
    act,
    meId,
  });
  if (ctx.typing) signalTyping(respond.node.querySelector("textarea"), ctx.typing);
  const answers = answersSection(ctx);
  const poem = poetsCorner(ctx);
  const next = moveOnBox(ctx, { afterMove: () => refocus(turn.heading) });
  const people = peopleSection(ctx);
  const agreed = el("div");
  const notes = el("div");
  const noteForm = sayForm({
    key: "note", label: "Add a note for the table", button: "Add note", type: "note", fields: { kind: "note" }, act, meId, rows: 2,
  });
  let shownRound;
  let table = null;
  let writing = [];

  const node = el("div", { class: "play" },
    board.node,
    el("div", { class: "play-main" }, turn.node, cardSlot, poem.node, respond.node, answers.node, next.node),
    el("div", { class: "play-side" },
      fold("At this table", people.node),
      el("section", { class: "panel", "aria-labelledby": "agreed-heading" },
        el("h2", { id: "agreed-heading", text: "What we agreed" }), agreed),
      fold("Notes", el("section", { class: "panel", "aria-labelledby": "notes-heading" },
        el("h2", { id: "notes-heading", text: "Notes" }), notes, noteForm.node))));

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
        swap(cardSlot, t.card ? cardView(t.card, { easyFirst: view.room.deck.easy_first, number: t.cards_drawn, outcome }) : null);
      }
      respond.node.hidden = !t.card;
      respond.update(t);
      showWriting();
      poem.update(t);
      people.update(t, view.room.legend);
      swap(agreed, saidList(t.notes.filter((n) => n.kind === "agreed"), t, meId(), "Nothing yet. When the table moves on, the answer you agree on goes here."));
      swap(notes, saidList(t.notes.filter((n) => n.kind === "note"), t, meId(), "No notes yet."));
      noteForm.update(t);
    },
  };
}
