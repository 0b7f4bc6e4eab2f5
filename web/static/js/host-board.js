// Each table's board in miniature (its path of outcomes, the footprints on each, which are
// met), and the room's progress across every table ("14 of 42 outcomes met across 6 tables").
// Footprints come from the shared legend (legend.js), so colours and patterns match the
// table screens; words always sit beside them.

import { el } from "./live.js";
import { footprint, legendOf } from "./legend.js";
import { plural } from "./host-util.js";

function colours(tiles) {
  return new Set(tiles.map((t) => t.perspective).filter((p) => p !== "anyone"));
}

// "2 of 6 outcomes met" (or the whole path).
export function boardWords(board) {
  if (!board) return "";
  if (board.complete) return `Path complete: all ${board.outcomes.length} outcomes met`;
  return `${board.met} of ${board.outcomes.length} outcomes met`;
}

function tileNames(outcome) {
  if (!outcome.tiles.length) return "no footprints yet";
  return outcome.tiles.map((t) => (t.perspective === "anyone" ? "no colour" : legendOf(t.perspective).name)).join(", ");
}

// A strip of small squares, one per outcome (green edge and a tick when met), each with its
// footprints; the path in words is one click away.
export function miniBoard(board, tableName) {
  if (!board) return null;
  const strip = el("ol", { class: "mini-strip", "aria-hidden": "true" },
    ...board.outcomes.map((outcome) => el("li", { class: outcome.met ? "is-met" : null, title: outcome.name },
      ...outcome.tiles.map((t) => footprint(t.perspective, { size: 14 })))));
  const spaces = board.outcomes.map((outcome) => {
    const have = colours(outcome.tiles).size;
    const state = outcome.met ? "met" : `${have} of ${board.needed} colours`;
    return el("li", { class: outcome.met ? "mini-space is-met" : "mini-space" },
      el("span", { class: "mini-name", text: outcome.name }),
      el("span", { class: "mini-state", text: ` · ${state}` }),
      el("span", { class: "mini-tiles" }, ...outcome.tiles.map((t) => footprint(t.perspective, { size: 18 }))),
      el("span", { class: "visually-hidden", text: `. Footprints: ${tileNames(outcome)}.` }));
  });
  return el("div", { class: board.complete ? "mini-board is-complete" : "mini-board" },
    el("div", { class: "mini-top" }, el("p", { class: "mini-summary", text: boardWords(board) }), strip),
    el("details", { class: "mini-path" },
      el("summary", { text: "The path, outcome by outcome" }),
      el("ol", { class: "mini-spaces", "aria-label": `${tableName}: the path` }, ...spaces)));
}

// The room's shared progress, or null in open play (no boards) and before any table plays.
export function roomProgress(view) {
  // tables nobody has sat at or played at are not on their way yet: not counted (as in the exports)
  const playing = view.tables.filter((t) => t.board && (t.players.length || t.round != null || t.last_round));
  const boards = playing.map((t) => t.board);
  if (!boards.length) return null;
  const met = boards.reduce((sum, b) => sum + b.met, 0);
  const total = boards.reduce((sum, b) => sum + b.outcomes.length, 0);
  const complete = boards.filter((b) => b.complete).length;
  const words = `${met} of ${total} outcomes met across ${plural(boards.length, "table", "tables")}`;
  return complete ? `${words}; ${plural(complete, "table has", "tables have")} completed the path.` : `${words}.`;
}
