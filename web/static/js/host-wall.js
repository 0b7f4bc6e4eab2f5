// The "Tables" wall: every table's current card and latest agreement at a glance, in large
// tiles for a shared screen or projector. It shows nothing private: no names, no host link,
// and an agreement "kept in the room" only says so.

import { el } from "./live.js";
import { footprint, legendOf } from "./legend.js";
import { boardWords, roomProgress } from "./host-board.js";
import { cardType, stageLabel } from "./host-util.js";
import { short } from "./host-talk.js";
import { saidLabel } from "./said.js";

const $ = (id) => document.getElementById(id);

function path(board) {
  if (!board) return null;
  return el("div", { class: "wall-path" },
    el("ol", { class: "wall-spaces", "aria-hidden": "true" },
      ...board.outcomes.map((o) => el("li", { class: o.met ? "is-met" : null, title: o.name }))),
    el("p", { class: "wall-path-words", text: boardWords(board) }));
}

function waitingWords(table) {
  if (!table.players.length) return "Nobody at this table";
  return table.stage === "play" ? "Choosing the next card" : "No card just now";
}

function cardPart(card, count) {
  const told = card.perspective && card.perspective !== "anyone" && card.perspective_label
    ? ` · told by ${card.perspective_label}` : "";
  const part = el("div", { class: "wall-card", "data-perspective": card.perspective || "anyone" },
    el("p", { class: "wall-label" }, footprint(card.perspective || "anyone", { size: 26 }), ` ${cardType(card.type)}${told}`),
    el("p", { class: "wall-card-text", text: short(card.type === "reflection" ? card.text.split(" / ").join("\n") : card.text, 420) }),
    el("p", { class: "wall-count", text: `${count} ${count === 1 ? "answer" : "answers"} so far` }));
  if (card.perspective && card.perspective !== "anyone") part.style.borderLeftColor = legendOf(card.perspective).colour;
  return part;
}

function tile(table) {
  const agreed = table.notes.filter((n) => n.kind === "agreed");
  const latest = agreed[agreed.length - 1];
  const card = table.card;
  return el("li", { class: "wall-tile" },
    el("div", { class: "wall-tile-top" },
      el("h3", { text: table.name }),
      el("p", { class: `chip chip-${table.stage}`, text: stageLabel(table.stage) })),
    path(table.board),
    card ? cardPart(card, table.responses.length) : el("p", { class: "wall-label quiet", text: waitingWords(table) }),
    el("div", { class: "wall-agreed" },
      el("p", { class: "wall-label", text: "Latest agreement" }),
      el("p", {
        class: latest ? "wall-agreed-text" : "quiet",
        // a picture or spoken answer has no words of its own: say what it is
        text: latest ? (latest.private ? "Not in the notes" : short(saidLabel(latest), 200)) : "Nothing agreed yet",
      })));
}

export function renderWall(view) {
  if (!$("wall").open) return;
  $("wall-progress").textContent = roomProgress(view) || `${view.tables.length} tables`;
  $("wall-tiles").replaceChildren(...view.tables.map(tile));
}

export function initWall(current) {
  const dialog = $("wall");
  $("open-wall").addEventListener("click", () => {
    dialog.showModal();
    document.body.classList.add("wall-open");
    if (current()) renderWall(current());
    $("wall-close").focus();
  });
  $("wall-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    document.body.classList.remove("wall-open");
    $("open-wall").focus();
  });
}
