// The card on the table: large and readable, in the colours and footprint of the side it is
// told from, with its type, its icon, the outcome on the path it counts for, and "Read aloud"
// (browser speech; a plain message where there is none). In Easy Read mode (words.js) the
// card, its side and its outcome show their Easy Read words, and those are what is read.

import { el } from "./live.js";
import { icon } from "./dom.js";
import { footprint, legendOf } from "./legend.js";
import { readOrSay } from "./speak.js";
import { paint } from "./voices.js";
import { easyRead, say } from "./words.js";

const TYPES = ["scenario", "reflection", "question", "wild", "working"];
let landed = null; // the card that last landed: drawn again (Easy Read switched), it does not land again

// "a situation", "a question": what kind of card it is, in words.
export function cardKind(card) {
  return say(TYPES.includes(card.type) ? `card.${card.type}` : "card.other");
}

// `outcome`: the space on the board this card counts for (none in open play).
export function cardView(card, { number, outcome }) {
  const easy = easyRead();
  const words = easy && card.easy ? card.easy : card.text;
  // a reflection is often a short poem: " / " marks the end of a line
  const text = el("p", { class: "card-text", id: "card-text", lang: "en-GB",
    text: card.type === "reflection" ? words.split(" / ").join("\n") : words });
  const side = card.perspective && card.perspective_label && card.perspective !== "anyone" ? card.perspective : "anyone";
  const sideName = easy ? legendOf(side).easy || card.perspective_label : card.perspective_label;
  const told = side === "anyone"
    ? el("p", { class: "card-told", text: say("card.everyone") })
    : el("p", { class: "card-told" }, footprint(side, { size: 36 }), say("card.told"), el("strong", { text: sideName }));
  const goal = outcome ? (easy && outcome.easy) || outcome.name : "";
  const path = outcome
    ? el("p", { class: "card-outcome" }, icon(outcome.icon || "star", "card-outcome-icon"),
      el("span", {}, say("card.path"), el("span", { class: "card-outcome-name", text: goal })))
    : null;
  const kind = cardKind(card);
  const lands = landed !== `${card.id}:${number}`;
  landed = `${card.id}:${number}`;
  const aloud = () => [kind, told.textContent, path ? path.textContent : "", text.textContent]
    .filter(Boolean).map((part) => part.trim().replace(/:$/, "").replace(/([^.?!])$/, "$1.")).join(" ");

  const node = el("article", {
    class: `card card-${card.type} voiced${lands ? " card-lands" : ""}`, "aria-labelledby": "card-heading",
  },
    el("div", { class: "card-top" },
      icon(card.icon || "chat", "card-icon"),
      el("div", {},
        el("h2", { id: "card-heading", class: "card-type", tabindex: "-1" },
          kind,
          number ? el("span", { class: "sr-only", text: say("card.number", { n: number }) }) : null),
        told)),
    path,
    text,
    el("div", { class: "card-tools" }, readOrSay(aloud, { key: "read-card", label: "read.card", describedby: "card-text" })));
  paint(node, side);
  return node;
}
