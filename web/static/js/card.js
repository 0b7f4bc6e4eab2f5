// The card on the table: large and readable, with its type, whose side it is told from,
// its icon, an Easy Read toggle and a "Read aloud" button (browser speech, when there is one).

import { el } from "./live.js";
import { icon } from "./dom.js";
import { saveSetting, setting } from "./store.js";

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
export function cardView(card, { easyFirst, number }) {
  let easy = Boolean(card.easy) && setting("easy", easyFirst);
  const text = el("p", { class: "card-text", id: "card-text", lang: "en-GB" });
  const note = el("p", { class: "card-mode" });

  function show() {
    const words = easy ? card.easy : card.text;
    // a reflection is often a short poem: " / " marks the end of a line
    text.textContent = card.type === "reflection" ? words.split(" / ").join("\n") : words;
    note.textContent = easy ? "Easy Read words" : "";
    note.hidden = !easy;
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
  if (card.perspective === "anyone" || !card.perspective_label) {
    told = el("p", { class: "card-told", text: "For everyone at the table" });
  } else {
    told = el("p", { class: "card-told" }, "Told by: ", el("strong", { text: card.perspective_label }));
  }

  const node = el("article", { class: `card card-${card.type}`, "aria-labelledby": "card-heading" },
    el("div", { class: "card-top" },
      icon(card.icon || "chat", "card-icon"),
      el("div", {},
        el("h2", { id: "card-heading", class: "card-type", tabindex: "-1" },
          TYPES[card.type] || "A card",
          number ? el("span", { class: "sr-only", text: ` (card ${number})` }) : null),
        told)),
    text,
    note,
    el("div", { class: "card-tools" }, card.easy ? toggle : null, canSpeak ? read : null));
  show();
  return node;
}
