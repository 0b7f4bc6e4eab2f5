// The close (a table's "closed" stage, or the end of the workshop): the path the table walked
// (outcomes met), its poem, and a pledge wall of everyone's "I will ..." cards in their
// colours, each printable as a card to keep (one A6 card per page), then everything else the
// table said, read-only.

import { el } from "./live.js";
import { swap } from "./dom.js";
import { pathList, perspectiveLabels, progressWords } from "./board.js";
import { footprint } from "./legend.js";
import { dayLabel } from "./plan-words.js";
import { poemLines } from "./poem.js";
import { saidBody, saidLabel } from "./said.js";
import { perspectiveWords, saidList, voiced } from "./voices.js";
import { easyRead, put, say } from "./words.js";
import { agreedFold } from "./agreed-fold.js";

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

function pledgeCard(pledge, table, view) {
  const textId = `pledge-${pledge.id}`;
  const name = pledge.author_name; // a card to keep: no "(you)"
  const as = perspectiveWords(pledge, table);
  const card = voiced("article", pledge, {
    class: "pledge-card", "aria-labelledby": pledge.text ? textId : null, "aria-label": pledge.text ? null : saidLabel(pledge),
  },
    el("div", { class: "pledge-mark", "aria-hidden": "true" }, footprint(pledge.perspective || "anyone", { size: 44 })),
    ...saidBody(pledge, { place: "pledge", id: textId, cls: "said pledge-text" }),
    // a pledge said out loud has no words to print: on paper, lines to write it on instead
    pledge.audio && !pledge.text ? el("p", { class: "pledge-write", "aria-hidden": "true", text: say("pledge.label") }) : null,
    el("p", { class: "pledge-who" }, el("strong", { text: name || "" }), as ? `, ${as}` : "",
      pledge.private ? el("span", { class: "tag pledge-private", text: say("say.private_tag") }) : null), // as on answers and notes
    pledge.who || pledge.by
      ? el("p", { class: "pledge-when", text: [pledge.who ? say("look.who", { name: pledge.who }) : "", pledge.by ? say("look.by", { date: dayLabel(pledge.by) }) : ""].filter(Boolean).join(" · ") })
      : null,
    el("p", { class: "pledge-where", text: `${view.room.title} · In Our Shoes` }));
  card.append(put(el("button", {
    type: "button",
    class: "button button-quiet pledge-print",
    "aria-describedby": pledge.text ? textId : null,
    onclick: () => printCards([card]),
  }), "pledge.print"));
  return card;
}

// Everyone's "I will ..." as cards in their colours (also on the pledge screen).
export function pledgeWall(table, view, empty = say("close.no_pledges")) {
  if (!table.pledges.length) return [el("p", { class: "empty", text: empty })];
  const cards = table.pledges.map((p) => pledgeCard(p, table, view));
  return [
    el("div", { class: "pledge-wall" }, ...cards),
    table.pledges.length > 1
      ? put(el("button", { type: "button", class: "button", onclick: () => printCards(cards) }), "pledge.print_all")
      : null,
  ];
}

// Every footprint the table left on its path: each one an answer it agreed together.
const steps = (board) => board.outcomes.reduce((n, o) => n + o.tiles.length, 0);

export function closedScreen({ meId }) {
  const heading = put(el("h2", { tabindex: "-1" }), "close.heading");
  const lead = el("p", { class: "lead" });
  const summary = el("div", { class: "summary" });
  const node = el("div", { class: "stage closed" }, el("section", { class: "panel" }, heading, lead), summary);
  const part = (title, items, table, empty) => el("section", { class: "panel" },
    put(el("h3"), title), saidList(items, table, meId(), empty));
  const block = (id, title, cls, ...children) => el("section", { class: `panel ${cls}`, "aria-labelledby": id },
    put(el("h3", { id }), title), ...children);
  // "What we agreed" folds away on a phone as it does in play (one tap to open; the choice
  // is kept when a view draws the close again); the list inside is drawn afresh each time.
  const agreedList = el("div");
  const agreed = agreedFold("close", el("section", { class: "panel", "aria-labelledby": "close-agreed" },
    put(el("h3", { id: "close-agreed" }), "close.agreed"), agreedList));
  return {
    node,
    heading,
    update(view) {
      lead.textContent = view.room.ended
        ? say("close.ended")
        : say(view.table ? "close.part" : "close.part_no_table");
      const t = view.table;
      if (!t) {
        swap(summary);
        return;
      }
      const board = t.board;
      const notes = (kind) => t.notes.filter((n) => n.kind === kind);
      agreed.count(notes("agreed").length);
      swap(agreedList, saidList(notes("agreed"), t, meId(), say("close.no_agreed")));
      swap(summary,
        board ? block("close-path", "close.path", "close-path",
          el("p", { class: "board-progress", text: progressWords(board) }),
          steps(board) ? el("p", { class: "close-steps", text: say("close.steps", { n: steps(board) }) }) : null,
          pathList(board, { easy: easyRead(), labels: perspectiveLabels(view.room.legend, easyRead()) })) : null,
        t.poem.length ? block("close-poem", "close.poem", "close-poem", poemLines(t, meId())) : null,
        block("close-pledges", "close.pledges", "close-pledges", ...pledgeWall(t, view)),
        agreed.node,
        part("close.working", notes("working"), t, say("close.nothing")),
        part("close.not_working", notes("not_working"), t, say("close.nothing")),
        part("close.matters", notes("matters"), t, say("close.nothing")),
        part("close.notes", notes("note"), t, say("close.no_notes")));
    },
  };
}
