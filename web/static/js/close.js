// The close (a table's "closed" stage, or the end of the workshop): the path the table walked
// (outcomes met), its poem, and a pledge wall of everyone's "I will ..." cards in their
// colours, each printable as a card to keep (one A6 card per page), then everything else the
// table said, read-only.

import { el } from "./live.js";
import { swap } from "./dom.js";
import { pathList, perspectiveLabels, progressWords } from "./board.js";
import { footprint } from "./legend.js";
import { poemLines } from "./poem.js";
import { setting } from "./store.js";
import { perspectiveWords, saidList, voiced } from "./voices.js";

// Print only the chosen pledge card(s), each on its own A6 page: pledge-cards.css is linked
// for this print only (an @page size cannot be switched on by a class).
function printCards(cards) {
  document.body.classList.add("print-pledges");
  cards.forEach((card) => card.classList.add("print-me"));
  const sheet = el("link", { rel: "stylesheet", media: "print", href: "/static/css/pledge-cards.css" });
  window.addEventListener("afterprint", () => {
    document.body.classList.remove("print-pledges");
    cards.forEach((card) => card.classList.remove("print-me"));
    sheet.remove();
  }, { once: true });
  sheet.addEventListener("load", () => window.print(), { once: true });
  document.head.append(sheet);
}

// "2027-03-01" as the reader's own way of writing a date.
function localDate(day) {
  const date = new Date(`${day}T12:00:00`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
}

function pledgeCard(pledge, table, view) {
  const textId = `pledge-${pledge.id}`;
  const name = pledge.author_name; // a card to keep: no "(you)"
  const as = perspectiveWords(pledge, table);
  const card = voiced("article", pledge, { class: "pledge-card", "aria-labelledby": textId },
    el("div", { class: "pledge-mark", "aria-hidden": "true" }, footprint(pledge.perspective || "anyone", { size: 44 })),
    el("p", { class: "said pledge-text", id: textId, text: pledge.text }),
    el("p", { class: "pledge-who" }, el("strong", { text: name || "" }), as ? `, ${as}` : ""),
    pledge.who || pledge.by
      ? el("p", { class: "pledge-when", text: [pledge.who ? `Who: ${pledge.who}` : "", pledge.by ? `By: ${localDate(pledge.by)}` : ""].filter(Boolean).join(" · ") })
      : null,
    el("p", { class: "pledge-where", text: `${view.room.title} · In Our Shoes` }));
  card.append(el("button", {
    type: "button",
    class: "button button-quiet pledge-print",
    "aria-describedby": textId,
    text: "Print as a card",
    onclick: () => printCards([card]),
  }));
  return card;
}

// Everyone's "I will ..." as cards in their colours (also on the pledge screen).
export function pledgeWall(table, view, empty = "No pledges.") {
  if (!table.pledges.length) return [el("p", { class: "empty", text: empty })];
  const cards = table.pledges.map((p) => pledgeCard(p, table, view));
  return [
    el("div", { class: "pledge-wall" }, ...cards),
    table.pledges.length > 1
      ? el("button", { type: "button", class: "button", text: "Print all our pledge cards", onclick: () => printCards(cards) })
      : null,
  ];
}

export function closedScreen({ meId }) {
  const heading = el("h2", { tabindex: "-1", text: "Thank you for taking part" });
  const lead = el("p", { class: "lead" });
  const summary = el("div", { class: "summary" });
  const node = el("div", { class: "stage closed" }, el("section", { class: "panel" }, heading, lead), summary);
  const part = (title, items, table, empty) => el("section", { class: "panel" },
    el("h3", { text: title }), saidList(items, table, meId(), empty));
  const block = (id, title, cls, ...children) => el("section", { class: `panel ${cls}`, "aria-labelledby": id },
    el("h3", { id, text: title }), ...children);
  return {
    node,
    heading,
    update(view) {
      lead.textContent = view.room.ended
        ? "The workshop has ended. Here is what your table made together. You can read it, but nothing more can be added."
        : "This part of the workshop is finished. Here is what your table made together.";
      const t = view.table;
      if (!t) {
        swap(summary);
        return;
      }
      const board = t.board;
      const notes = (kind) => t.notes.filter((n) => n.kind === kind);
      swap(summary,
        board ? block("close-path", "Our path", "close-path",
          el("p", { class: "board-progress", text: progressWords(board) }),
          pathList(board, { easy: setting("easy", view.room.deck.easy_first), labels: perspectiveLabels(t) })) : null,
        t.poem.length ? block("close-poem", "Our poem", "close-poem", poemLines(t, meId())) : null,
        block("close-pledges", "Our pledge wall", "close-pledges", ...pledgeWall(t, view)),
        part("What we agreed", notes("agreed"), t, "Nothing was agreed on a card."),
        part("What is working", notes("working"), t, "Nothing written."),
        part("What is not working", notes("not_working"), t, "Nothing written."),
        part("What matters most", notes("matters"), t, "Nothing written."),
        part("Notes", notes("note"), t, "No notes."));
    },
  };
}
