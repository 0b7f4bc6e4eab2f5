// What one table is saying, for the facilitator: the card in play, the answers as they come
// (hidden ones stay hidden until the table shows them), their votes, a tie the host can
// settle for the table (`agree {response, table}`), and what the table agreed, with the card
// each agreement came from. Notes and pledges one click away.

import { el } from "./live.js";
import { footprint, legendOf } from "./legend.js";
import { cardType, plural } from "./host-util.js";
import { saidBody, saidLabel } from "./said.js";
import { spreadWords } from "./symbols.js";
import { say } from "./words.js";

const HOW = { votes: "agreed by votes", chosen: "chosen together after a tie", facilitator: "chosen by the facilitator after a tie" };
const NOTE_KINDS = {
  note: "Note",
  working: "What is working",
  not_working: "What is not working",
  matters: "What matters most",
};

// The left edge of an answer or agreement in its author's colour (the footprint and words
// beside it say the same, so colour is never the only signal).
function tint(node, perspective) {
  if (perspective) node.style.borderLeftColor = legendOf(perspective).colour;
  return node;
}

export function short(text, most = 90) {
  return text.length > most ? `${text.slice(0, most - 1)}…` : text;
}

function sideName(perspectives, id) {
  return (perspectives && perspectives[id]) || legendOf(id).name || "";
}

// "[footprint] Ana, a family carer, entered by Sam" (or "words written down by Sam"; + "kept in the room")
export function whoSaid(item, perspectives) {
  const words = [item.author_name, item.perspective ? sideName(perspectives, item.perspective) : null]
    .filter(Boolean).join(", ");
  const entered = (item.entered_by_name ? `, entered by ${item.entered_by_name}` : "")
    + (item.words_by_name ? `, words written down by ${item.words_by_name}` : "");
  return el("span", { class: "who-said" },
    item.perspective ? footprint(item.perspective, { size: 18 }) : null,
    `${words}${entered}`,
    item.private ? el("span", { class: "tag", text: say("say.private_tag", {}, false) }) : null);
}

export function cardNow(table) {
  if (!table.card) {
    return el("p", { class: "quiet", text: table.stage === "play" ? "No card on the table just now." : "No card: not playing just now." });
  }
  const { card } = table;
  const told = card.perspective && card.perspective !== "anyone" && card.perspective_label
    ? `Told by ${card.perspective_label}` : "For everyone at the table";
  const tinted = card.perspective && card.perspective !== "anyone" ? card.perspective : null;
  return tint(el("div", { class: "table-card-now", "data-perspective": card.perspective || "anyone" },
    el("p", { class: "h-card-meta" },
      footprint(card.perspective || "anyone", { size: 22 }),
      ` Card ${table.round} · ${cardType(card.type)} · ${told}`),
    el("p", { class: "h-card-text", text: card.type === "reflection" ? card.text.split(" / ").join("\n") : card.text })), tinted);
}

function answerItem(response, index, table, perspectives) {
  const proposed = table.proposed === response.id;
  const tied = (table.tie || []).includes(response.id);
  const votes = el("span", { class: "votes", text: plural(response.votes, "vote", "votes") });
  const marks = [
    response.entered_votes && response.entered_votes.length
      ? el("span", { class: "quiet", text: ` (${plural(response.entered_votes.length, "vote", "votes")} entered for someone)` }) : null,
    proposed ? el("span", { class: "tag tag-good", text: "Most votes" }) : null,
    tied ? el("span", { class: "tag tag-warn", text: "Tied" }) : null,
  ];
  if (response.text === null) {
    return el("li", { class: "answer is-hidden" },
      el("p", { class: "answer-text quiet", text: `Answer ${index + 1}: hidden until the table shows the answers` }),
      el("p", { class: "answer-meta" }, votes));
  }
  return tint(el("li", { class: "answer", "data-perspective": response.perspective || "anyone" },
    ...saidBody(response, { place: "host", cls: "answer-text" }),
    el("p", { class: "answer-meta" }, whoSaid(response, perspectives), " · ", votes, ...marks)), response.perspective);
}

// The tie: the table chooses between the answers with the most votes; the host may choose
// on the table's behalf (or agree none of them).
function tieBox(table, perspectives, choose) {
  const byId = Object.fromEntries(table.responses.map((r) => [r.id, r]));
  return el("div", { class: "tie", role: "group", "aria-label": `${table.name}: answers with the same votes` },
    el("p", { class: "tie-text", text: `${plural(table.tie.length, "answer has", "answers have")} the same votes. The table is choosing one together; you can choose for them.` }),
    ...table.tie.map((id) => el("button", {
      type: "button",
      class: "h-btn h-btn-quiet tie-choice",
      "data-key": `tie-${table.id}-${id}`,
      onclick: () => choose(id),
    }, "Agree: ", short((byId[id] && saidLabel(byId[id])) || "this answer", 70))),
    el("button", {
      type: "button",
      class: "h-btn h-btn-quiet",
      "data-key": `tie-${table.id}-none`,
      text: "Agree none of them",
      onclick: () => choose(null),
    }));
}

function agreedItem(note, perspectives) {
  const from = note.card_text ? `From the card: ${short(note.card_text, 80)}` : "";
  return el("li", { class: "agreed", "data-perspective": note.perspective || "anyone" },
    ...saidBody(note, { place: "host-agreed", cls: "agreed-text" }),
    el("p", { class: "answer-meta" }, whoSaid(note, perspectives), note.how && HOW[note.how] ? ` · ${HOW[note.how]}` : ""),
    from ? el("p", { class: "agreed-from", text: from }) : null);
}

// The parts that change with every answer and vote; rebuilt together.
export function talk(table, perspectives, choose) {
  const parts = [cardNow(table)];
  if (table.card) {
    const answered = table.to_answer ? `${table.answered} of ${table.to_answer} have answered` : "";
    parts.push(el("p", { class: "answered" },
      `${plural(table.responses.length, "answer", "answers")}${table.hidden ? " (hidden until the table shows them)" : ""}`,
      answered ? ` · ${answered}` : "",
      table.spread && spreadWords(table.spread) ? ` · ${spreadWords(table.spread)}` : ""));
    if (table.responses.length) {
      parts.push(el("ol", { class: "answers", "aria-label": `${table.name}: answers to this card` },
        ...table.responses.map((r, i) => answerItem(r, i, table, perspectives))));
    }
    if (table.tie) parts.push(tieBox(table, perspectives, choose));
  }
  const agreed = table.notes.filter((n) => n.kind === "agreed");
  parts.push(el("h5", { class: "agreed-heading", text: `What this table agreed (${agreed.length})` }));
  parts.push(agreed.length
    ? agreedList(agreed.slice(-RECENT), agreed.length, perspectives)
    : el("p", { class: "quiet", text: "Nothing agreed yet." }));
  return parts;
}

// A table's newest agreements are in sight; the ones before fold away (`olderAgreed`), so a
// long workshop does not make every table's card screens long.
export const RECENT = 3;

function agreedList(notes, last, perspectives) {
  return el("ol", { class: "agreed-list", reversed: true, start: last }, ...notes.slice().reverse().map((n) => agreedItem(n, perspectives)));
}

// The agreements before the newest RECENT, newest first (null when there are none).
export function olderAgreed(table, perspectives) {
  const agreed = table.notes.filter((n) => n.kind === "agreed");
  const older = agreed.slice(0, Math.max(0, agreed.length - RECENT));
  return older.length ? agreedList(older, older.length, perspectives) : null;
}

// Notes (with their kind: "What is working: ...") or pledges, each with who said it.
export function saidList(items, perspectives) {
  return el("ul", { class: "said" }, ...items.map((item) => el("li", {},
    item.kind && NOTE_KINDS[item.kind] ? el("p", { class: "answer-text" }, el("strong", { text: `${NOTE_KINDS[item.kind]}:` })) : null,
    ...saidBody(item, { place: "host-said", cls: "answer-text" }),
    el("p", { class: "answer-meta" }, whoSaid(item, perspectives)))));
}
