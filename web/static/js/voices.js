// Whose voice it is: every answer, note, pledge and line of the poem shows its author's
// perspective in the shared legend (colour, pattern, icon) and in words, so colour is never
// the only signal. Agreed notes also say how they were agreed and which card they came from.

import { el } from "./live.js";
import { footprint, legendOf } from "./legend.js";
import { saidBody, saidWords } from "./said.js";
import { readButton } from "./speak.js";
import { easyRead, say } from "./words.js";

const HOW = {
  votes: "agreed.votes",
  chosen: "agreed.chosen",
  facilitator: "agreed.facilitator",
};

// The author's perspective in words ("a family carer"; in Easy Read, its Easy Read name):
// from the people at the table, or the room's legend for someone who has left it.
export function perspectiveWords(item, table) {
  if (easyRead() && item.perspective && legendOf(item.perspective).easy) return legendOf(item.perspective).easy;
  const author = table && table.players.find((p) => p.id === item.author);
  if (author) return author.perspective_label;
  return item.perspective ? legendOf(item.perspective).name || "" : "";
}

// Paint an element in a perspective's colour: board.css reads --p-colour and --p-ink
// (set through the CSSOM, which the page's strict style policy allows).
export function paint(node, perspective) {
  const entry = legendOf(perspective || "anyone");
  node.dataset.perspective = perspective || "anyone";
  if (entry.pattern === "none") return node; // no colour: board.css's neutral stands
  node.style.setProperty("--p-colour", entry.colour);
  node.style.setProperty("--p-ink", entry.ink);
  return node;
}

// An element drawn in the colours of the perspective of whoever said `item`.
export function voiced(tag, item, attrs, ...children) {
  const cls = [attrs.class, "voiced"].filter(Boolean).join(" ");
  return paint(el(tag, { ...attrs, class: cls }, ...children), item.perspective);
}

// "[footprint] Priya, entered by Sam · a family carer [Not in the notes]"
export function who(item, table, meId) {
  const meta = el("p", { class: "meta who" });
  if (item.perspective) meta.append(footprint(item.perspective, { size: 24 }));
  const words = [];
  if (item.author_name) words.push(item.author === meId ? `${item.author_name} (you)` : item.author_name);
  if (item.entered_by && item.entered_by_name) words.push(say("say.by_for", { name: item.entered_by_name }));
  if (item.words_by_name) words.push(say("add_words.by", { name: item.words_by_name }));
  const as = perspectiveWords(item, table);
  meta.append(el("span", { class: "who-words" }, words.join(", "),
    as && words.length ? el("span", { class: "sr-only", text: ", " }) : null,
    as ? el("span", { class: "who-as", text: as }) : null));
  if (item.private) meta.append(" ", el("span", { class: "tag", text: say("say.private_tag") }));
  return meta;
}

// A card's words, shortened: at the end of a sentence when one ends far enough in (a half
// sentence is hard to read, most of all in Easy Read), else at a word.
function shorten(text, most = 90) {
  if (!text || text.length <= most) return text;
  const cut = text.slice(0, most);
  const slash = cut.lastIndexOf(" / "); // an Easy Read card's line break
  const at = Math.max(slash, ...[". ", "! ", "? "].map((end) => cut.lastIndexOf(end) + 1)); // after the mark
  if (at >= 30) return `${cut.slice(0, at).trim()} …`;
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), most - 20))}…`;
}

// Where an agreed note came from: how the table agreed it, and the card it answers.
export function agreedFrom(note) {
  const parts = [];
  if (HOW[note.how]) parts.push(el("span", { class: `tag tag-how tag-${note.how}`, text: say(HOW[note.how]) }));
  const card = (easyRead() && note.card_easy) || note.card_text; // the card's words as the table saw them
  // whose side the card was told from: the footprint the board shows for it (a card for
  // everyone leaves one of no colour)
  const side = note.card_perspective || null;
  const told = side && side !== "anyone" ? (easyRead() && legendOf(side).easy) || legendOf(side).name : "";
  if (card) {
    parts.push(el("span", { class: "from-card" },
      side ? footprint(side, { size: 20 }) : null,
      told ? say("agreed.card_told", { as: told }) : say(side === "anyone" ? "agreed.card_anyone" : "agreed.card"),
      el("q", { text: shorten(card) })));
  }
  return parts.length ? el("p", { class: "meta agreed-from" }, ...parts) : null;
}

// What to read aloud for something said: the picture, the words, who said it.
export function readWords(item, table) {
  const as = perspectiveWords(item, table);
  const by = !item.author_name ? "" : say(as ? "read.by" : "read.by_name", { name: item.author_name, as });
  return [saidWords(item), by].filter(Boolean).join(" ");
}

// A list of things people said, each in its author's colours, or a quiet line when empty.
// An agreed note can be read aloud.
export function saidList(items, table, meId, empty) {
  if (!items.length) return el("p", { class: "empty", text: empty });
  return el("ul", { class: "said-list" },
    ...items.map((item) => voiced("li", item, { class: "said-item" },
      ...saidBody(item, { place: `said-${item.kind || "pledge"}`, id: `said-${item.id}` }),
      who(item, table, meId),
      item.kind === "agreed" ? agreedFrom(item) : null,
      item.kind === "agreed" ? readButton(() => readWords(item, table), { key: `read-${item.id}`, describedby: item.text ? `said-${item.id}` : null }) : null)));
}
