// The board: the table's path of outcomes ("I choose who supports me and how"). Each agreed
// card leaves a footprint on its outcome in the colour and pattern of the card's perspective;
// an outcome is met when `needed` different colours meet there. Meeting one is a shared
// moment (the space lights up, its statement is shown and said); the whole path, a bigger one.
// On a phone the path is a compact strip of spaces; nothing scrolls sideways.

import { el } from "./live.js";
import { announce, icon, swap } from "./dom.js";
import { footprint } from "./legend.js";
import { paint } from "./voices.js";
import { easyRead, put, say } from "./words.js";
import { nameOf } from "./names.js";

function colours(tiles) {
  return new Set(tiles.map((t) => t.perspective).filter((p) => p !== "anyone"));
}

export function outcomeName(outcome, easy) {
  return easy && outcome.easy ? outcome.easy : outcome.name;
}

function tileWords(outcome, labels) {
  if (!outcome.tiles.length) return say("board.no_prints");
  return say("board.prints", { list: outcome.tiles.map((t) => labels(t.perspective)).join(", ") });
}

// "Met", or "2 of 4 colours": how far a space is.
function countWords(outcome, needed) {
  return outcome.met ? say("board.met") : say("board.colours", { have: colours(outcome.tiles).size, needed });
}

// One space on the path: its icon and name, a footprint per tile, empty prints for the
// colours still needed, and "Met" with its statement once met.
function space(outcome, { needed, easy, current, labels, fresh }) {
  const missing = Math.max(0, needed - colours(outcome.tiles).size);
  const cls = ["space", outcome.met ? "is-met" : "", current ? "is-current" : "", fresh ? "just-met" : ""];
  const count = countWords(outcome, needed);
  return el("li", { class: cls.filter(Boolean).join(" "), "data-outcome": outcome.id },
    outcome.met ? el("span", { class: "space-badge", "aria-hidden": "true", text: "★" }) : null,
    el("div", { class: "space-head" },
      icon(outcome.icon || "star", "space-icon"),
      el("span", { class: "space-name", text: outcomeName(outcome, easy) })),
    outcome.met && outcome.statement ? el("p", { class: "space-statement", text: `“${outcome.statement}”` }) : null,
    el("div", { class: "space-tiles", "aria-hidden": "true" },
      ...outcome.tiles.map((t) => footprint(t.perspective, { size: 32 })),
      ...Array.from({ length: missing }, () => el("span", { class: "print-empty" }))),
    el("p", { class: outcome.met ? "space-count space-met" : "space-count" },
      outcome.met ? el("span", { class: "star", "aria-hidden": "true", text: "★ " }) : null, count),
    el("span", { class: "sr-only", text: [current ? say("board.current") : "", tileWords(outcome, labels)].join(" ") }));
}

// The path on its own (also used at the close): an ordered list of spaces.
export function pathList(board, options) {
  return el("ol", { class: "path", "aria-label": say("board.list") },
    ...board.outcomes.map((o) => space(o, {
      needed: board.needed,
      easy: options.easy,
      current: o.id === options.current,
      labels: options.labels,
      fresh: options.fresh && options.fresh.has(o.id),
    })));
}

// The table's path, still, after play (reflect, pledges): the game stays in sight while the
// table thinks back and promises. No turn, no news: nothing moves on it now.
export function stillPath() {
  const progress = el("p", { class: "board-progress" });
  const slot = el("div", { class: "path-slot" });
  const key = el("p", { class: "path-key", "aria-hidden": "true" }); // on a phone, as on the play board
  const node = el("section", { class: "board board-still", "aria-labelledby": "still-path-heading", hidden: true },
    el("div", { class: "board-top" }, put(el("h2", { id: "still-path-heading", class: "board-title" }), "board.heading"), progress),
    slot, key);
  let board = null;
  let picked = null;
  function drawKey() {
    const o = picked && board.outcomes.find((space) => space.id === picked);
    markPicked(slot, picked);
    if (o) keyLine(key, o, board, outcomeName(o, easyRead()));
    else key.replaceChildren(say("board.key_hint"));
  }
  slot.addEventListener("click", (event) => {
    const space = event.target.closest("[data-outcome]");
    if (!space || !board) return;
    picked = space.dataset.outcome;
    drawKey();
  });
  return {
    node,
    update(view) {
      board = view.table && view.table.board;
      node.hidden = !board;
      if (!board) return;
      progress.textContent = progressWords(board);
      slot.replaceChildren(pathList(board, { easy: easyRead(), labels: perspectiveLabels(view.room.legend, easyRead()) }));
      drawKey();
    },
  };
}

// Under a phone's picture-only path: the space tapped (or the card's), by icon, name and colours.
function keyLine(key, outcome, board, label) {
  key.replaceChildren(
    icon(outcome.icon || "star", "path-key-icon"),
    el("span", { class: "path-key-text" }, el("strong", { text: label }), el("span", { text: countWords(outcome, board.needed) })));
}

function markPicked(path, picked) {
  path.querySelectorAll("[data-outcome]").forEach((space) => space.classList.toggle("is-picked", space.dataset.outcome === picked));
}

export function progressWords(board) {
  const total = board.outcomes.length;
  return board.complete ? say("board.complete", { total }) : say("board.progress", { met: board.met, total });
}

// Every perspective in words, for screen readers: the deck's names from the room's legend
// (`view.room.legend`; the Easy Read names in Easy Read), so a side nobody at the table
// holds is still "a health professional". A card told from no one side (`anyone`) left its
// footprint "for everyone at the table", as the card itself says.
export function perspectiveLabels(legend, easy = false) {
  const names = new Map((legend || []).map((p) => [p.id, (easy && p.easy) || p.name]));
  const everyone = say("card.everyone", {}, false);
  const noSide = everyone.charAt(0).toLowerCase() + everyone.slice(1);
  return (id) => (id === "anyone" ? noSide : names.get(id) || id.replace(/_/g, " "));
}

// "[pawn] Ana's turn": whose turn it is, as a token in their colours by their name.
function turnToken(table, meId) {
  const holder = table.players.find((p) => p.id === table.turn);
  if (!holder) return el("p", { class: "turn-token", text: say("turn.anyone_first") });
  const mine = holder.id === meId;
  const words = mine ? say("turn.yours") : say("turn.theirs_short", { name: nameOf(table, holder.id) });
  // your turn, no card yet: one tap from your token to where you take it (on a phone that is
  // a screen further down, under what the table agreed)
  const jump = mine && !table.card && table.stage === "play"
    ? el("a", { class: "turn-jump", href: "#turn-heading", "data-key": "turn-jump", text: say("turn.jump") }) : null;
  return paint(el("p", { class: "turn-token" },
    el("span", { class: "pawn", "aria-hidden": "true" }, footprint(holder.perspective, { size: 28 })),
    el("strong", { text: words }), jump), holder.perspective);
}

export function boardView({ meId }) {
  const progress = el("p", { class: "board-progress" });
  const turn = el("div", { class: "board-turn" });
  const path = el("div", { class: "path-slot" });
  const newsText = el("p", { class: "board-news-text" });
  // On a phone the spaces are pictures only: this line names the card's space, or the one
  // tapped (screen readers have every name in the list already, so it is not read twice)
  const key = el("p", { class: "path-key", "aria-hidden": "true" });
  let picked = null; // the space tapped, until the next card
  let pickedAt = null;
  let last = null;
  path.addEventListener("click", (event) => {
    const spaceNode = event.target.closest("[data-outcome]");
    if (!spaceNode || !last) return;
    picked = spaceNode.dataset.outcome;
    pickedAt = last.table.cards_drawn;
    drawKey(last);
  });
  const news = el("div", { class: "board-news", hidden: true },
    el("span", { class: "board-news-star", "aria-hidden": "true", text: "★" }), newsText);
  const node = el("section", { class: "board", "aria-labelledby": "board-heading" },
    el("div", { class: "board-top" },
      put(el("h2", { id: "board-heading", class: "board-title" }), "board.heading"),
      progress,
      turn),
    path,
    key,
    news);
  let metBefore = null; // ids of outcomes met in the last view of this table
  let newsRound = null; // the card count when the news was shown: it stays until the next card


  function celebrate(board, newly) {
    news.classList.remove("is-new");
    void news.offsetWidth; // start the entrance again for a second outcome met
    news.classList.add("is-new");
    const o = newly[newly.length - 1];
    const name = outcomeName(o, easyRead());
    const statement = o.statement ? ` ${o.statement}${/[.!?]$/.test(o.statement) ? "" : "."}` : "";
    announce(`${say("board.met_news", { name })}${statement}`);
    if (board.complete) {
      // every colour that walked the path, side by side
      const sides = [...new Set(board.outcomes.flatMap((space) => space.tiles.map((t) => t.perspective)))];
      newsText.replaceChildren(
        say("board.done_text"),
        el("span", { class: "news-trail", "aria-hidden": "true" }, ...sides.map((p) => footprint(p, { size: 40 }))));
      news.classList.add("board-news-big");
      announce(say("board.done_news"));
    } else {
      // the outcome by name, what it means, and the colours that met there
      const sides = [...colours(o.tiles)];
      newsText.replaceChildren(
        el("strong", { class: "news-title", text: say("board.met_title", { name }) }),
        o.statement ? el("span", { class: "news-statement", text: `“${o.statement}”` }) : "",
        el("span", { class: "news-trail", "aria-hidden": "true" }, ...sides.map((p) => footprint(p, { size: 32 }))));
      news.classList.remove("board-news-big");
    }
    news.hidden = false;
    bringIntoView();
  }

  // The moment is seen: once focus has settled (on the next card's heading, say), the lit-up
  // path, or at least its news, is scrolled into view above it, if the focused element stays
  // in view too; focus itself never moves.
  function bringIntoView() {
    setTimeout(() => {
      if (news.hidden || !news.isConnected) return;
      const bar = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      const shown = (r) => r.top >= bar && r.bottom <= window.innerHeight;
      const active = document.activeElement;
      const focused = active && active !== document.body ? active.getBoundingClientRect() : null;
      const along = path.getBoundingClientRect();
      const said = news.getBoundingClientRect();
      if (shown(along) && shown(said)) return;
      for (const first of [along, said]) {
        const shift = first.top - bar - 8;
        const moved = (r) => ({ top: r.top - shift, bottom: r.bottom - shift });
        if (shown(moved(said)) && (!focused || shown(moved(focused)))) {
          window.scrollBy({ top: shift });
          return;
        }
      }
    }, 0);
  }

  function drawKey(view) {
    const t = view.table;
    if (picked && pickedAt !== t.cards_drawn) picked = null;
    const id = picked || (t.card && t.card.outcome);
    const o = id && t.board.outcomes.find((space) => space.id === id);
    markPicked(path, picked);
    if (!o) {
      key.replaceChildren(say("board.key_hint"));
      return;
    }
    const name = outcomeName(o, easyRead());
    keyLine(key, o, t.board, picked ? name : say("board.key_current", { name }));
  }

  // `fresh`: outcomes met by this very view; only they light up (once, not at every redraw)
  function draw(view, fresh = new Set()) {
    const t = view.table;
    const easy = easyRead();
    progress.textContent = progressWords(t.board);
    swap(turn, turnToken(t, meId())); // a focused "Go to your turn" stays focused
    path.replaceChildren(pathList(t.board, {
      easy, current: t.card && t.card.outcome, labels: perspectiveLabels(view.room.legend, easy), fresh,
    }));
    last = view;
    drawKey(view);
  }

  return {
    node,
    update(view) {
      const t = view.table;
      node.hidden = !t.board;
      if (!t.board) return;
      const newly = metBefore ? t.board.outcomes.filter((o) => o.met && !metBefore.has(o.id)) : [];
      metBefore = new Set(t.board.outcomes.filter((o) => o.met).map((o) => o.id));
      if (newly.length) {
        newsRound = t.cards_drawn;
        celebrate(t.board, newly);
      } else if (newsRound !== null && t.cards_drawn !== newsRound) {
        news.hidden = true; // the next card is on the table: back to play
        newsRound = null;
      }
      node.classList.toggle("path-done", Boolean(t.board.complete));
      draw(view, new Set(newly.map((o) => o.id)));
    },
  };
}
