// Answers with a picture on a three-point scale (as in Talking Mats): good, not sure, not
// good; a picture, a word and a colour each. Three toggle buttons; the spread ("3 good,
// 1 not sure") with who chose what, by perspective. Styles: easy.css.

import { el } from "./live.js";
import { footprint } from "./legend.js";
import { picture, say } from "./words.js";

export const SYMBOLS = ["good", "unsure", "not_good"];
const PICTURES = { good: "good", unsure: "unsure", not_good: "not-good" };

export function symbolWord(symbol) {
  return say(`symbol.${symbol}`);
}

export function symbolBadge(symbol, cls = "") {
  if (!SYMBOLS.includes(symbol)) return null;
  return el("span", { class: `symbol-badge symbol-${symbol} ${cls}`.trim() },
    picture(PICTURES[symbol], "symbol-picture"),
    el("span", { class: "sr-only", text: say("symbol.picked", { word: "" }) }),
    el("span", { class: "symbol-word", text: symbolWord(symbol) }));
}

// Bubbles from a picture chosen or a recording made: the form's "give an answer" goes.
export const FILLED = "say-filled";

export function symbolPicker(id) {
  let chosen = null;
  const buttons = SYMBOLS.map((symbol) => el("button", {
    type: "button",
    class: `symbol-choice symbol-${symbol}`,
    "data-key": `${id}-${symbol}`,
    "data-symbol": symbol,
    "aria-pressed": "false",
    onclick: () => set(chosen === symbol ? null : symbol),
  }, picture(PICTURES[symbol], "symbol-picture"), el("span", { class: "symbol-word", text: symbolWord(symbol) })));
  const node = el("div", { class: "symbol-picker", role: "group", "aria-labelledby": `${id}-legend`, "aria-describedby": `${id}-hint` },
    el("p", { class: "symbol-legend", id: `${id}-legend`, text: say("symbol.legend") }),
    el("p", { class: "hint", id: `${id}-hint`, text: say("symbol.hint") }),
    el("div", { class: "symbol-choices" }, ...buttons));

  function set(symbol) {
    chosen = symbol;
    for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.symbol === symbol));
    if (symbol) node.dispatchEvent(new CustomEvent(FILLED, { bubbles: true }));
  }
  return { node, value: () => chosen, set, reset: () => set(null) };
}

export function spreadWords(spread) {
  const parts = SYMBOLS.filter((s) => spread && spread[s]).map((s) => say("spread.count", { n: spread[s], word: symbolWord(s).toLowerCase() }));
  return parts.join(", ");
}

export function spreadView(table, labelOf) {
  const spread = table.spread;
  if (!spread || !SYMBOLS.some((s) => spread[s])) return null;
  const rows = SYMBOLS.filter((s) => spread[s]).map((symbol) => {
    const people = table.responses.filter((r) => r.symbol === symbol && r.author_name);
    return el("li", { class: `spread-row symbol-${symbol}` },
      symbolBadge(symbol),
      el("span", { class: "spread-count", text: String(spread[symbol]) }),
      el("ul", { class: "spread-people" }, ...people.map((r) => el("li", {},
        r.perspective ? footprint(r.perspective, { size: 24 }) : null,
        el("span", { text: r.author_name }),
        labelOf(r) ? el("span", { class: "spread-as", text: ` (${labelOf(r)})` }) : null))));
  });
  return el("section", { class: "spread", "aria-labelledby": "spread-heading" },
    el("h3", { id: "spread-heading", class: "spread-heading", text: say("spread.heading") }),
    el("p", { class: "spread-words", text: spreadWords(spread) }),
    el("ul", { class: "spread-rows" }, ...rows));
}
