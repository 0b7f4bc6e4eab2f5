// The card on the table: large and readable, in the colours and footprint of the side it is
// told from, with its type, its icon, the outcome on the path it counts for, an Easy Read
// toggle and a "Read aloud" button (browser speech, when there is one).

import { el } from "./live.js";
import { icon } from "./dom.js";
import { footprint } from "./legend.js";
import { saveSetting, setting } from "./store.js";
import { paint } from "./voices.js";

export const EASY_EVENT = "inourshoes:easy-read"; // the board listens, to rename its spaces

const TYPES = {
  scenario: "A situation",
  reflection: "A reflection",
  question: "A question",
  wild: "A wild card",
  working: "What is working?",
};

const canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;

export function stopReading() {
  if (canSpeak) window.speechSynthesis.cancel();
}

// `easyFirst`: the deck's default; the person's own choice, once made, wins.
// `outcome`: the space on the board this card counts for (none in open play).
export function cardView(card, { easyFirst, number, outcome }) {
  let easy = Boolean(card.easy) && setting("easy", easyFirst);
  const text = el("p", { class: "card-text", id: "card-text", lang: "en-GB" });
  const note = el("p", { class: "card-mode" });
  const goal = el("span", { class: "card-outcome-name" });

  function show() {
    const words = easy ? card.easy : card.text;
    // a reflection is often a short poem: " / " marks the end of a line
    text.textContent = card.type === "reflection" ? words.split(" / ").join("\n") : words;
    note.textContent = easy ? "Easy Read words" : "";
    note.hidden = !easy;
    if (outcome) goal.textContent = easy && outcome.easy ? outcome.easy : outcome.name;
    toggle.setAttribute("aria-pressed", String(easy));
  }

  const toggle = el("button", {
    type: "button",
    class: "button button-quiet",
    "data-key": "easy-read",
    text: "Easy Read",
    onclick: () => {
      easy = !easy;
      saveSetting("easy", easy);
      show();
      document.dispatchEvent(new CustomEvent(EASY_EVENT));
    },
  });

  const read = el("button", {
    type: "button",
    class: "button button-quiet",
    "data-key": "read-aloud",
    text: "Read aloud",
    onclick: () => {
      stopReading();
      const intro = [TYPES[card.type], told ? told.textContent : ""].filter(Boolean).join(". ");
      const utterance = new SpeechSynthesisUtterance(`${intro}. ${text.textContent}`);
      utterance.lang = "en-GB";
      utterance.rate = 0.9;
      window.speechSynthesis.speak(utterance);
    },
  });

  let told = null;
  const side = card.perspective && card.perspective_label && card.perspective !== "anyone" ? card.perspective : "anyone";
  if (side === "anyone") {
    told = el("p", { class: "card-told", text: "For everyone at the table" });
  } else {
    told = el("p", { class: "card-told" }, footprint(side, { size: 36 }), "Told by: ", el("strong", { text: card.perspective_label }));
  }
  const path = outcome
    ? el("p", { class: "card-outcome" }, icon(outcome.icon || "star", "card-outcome-icon"), el("span", {}, "On our path: ", goal))
    : null;

  const node = el("article", {
    class: `card card-${card.type} voiced card-lands`, "aria-labelledby": "card-heading",
  },
    el("div", { class: "card-top" },
      icon(card.icon || "chat", "card-icon"),
      el("div", {},
        el("h2", { id: "card-heading", class: "card-type", tabindex: "-1" },
          TYPES[card.type] || "A card",
          number ? el("span", { class: "sr-only", text: ` (card ${number})` }) : null),
        told)),
    path,
    text,
    note,
    el("div", { class: "card-tools" }, card.easy ? toggle : null, canSpeak ? read : null));
  paint(node, side);
  show();
  return node;
}
