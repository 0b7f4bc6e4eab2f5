// Whose voice is heard: for the whole room and each table, by perspective, how many people,
// answers written, votes those answers received and agreed notes, as a small chart (a real
// table, with a bar beside each number) and plain sentences the facilitator can act on
// ("Table 2 has not yet heard from a person who gets care or support.").

import { el } from "./live.js";
import { footprint, legendOf } from "./legend.js";

const MEASURES = [
  ["people", "People"],
  ["responses", "Answers"],
  ["votes", "Votes received"],
  ["agreed", "Agreed"],
];

// Perspectives in the room's order (its legend), then any others.
function order(view, counts) {
  const known = (view.room.legend || []).map((e) => e.id);
  const present = Object.keys(counts).filter((id) => id && id !== "null");
  return [...known.filter((id) => present.includes(id)), ...present.filter((id) => !known.includes(id))];
}

function name(view, id) {
  return (view.perspectives && view.perspectives[id]) || legendOf(id).name || id;
}

export function voiceChart(view, counts, caption) {
  const sides = order(view, counts || {});
  if (!sides.length) return el("p", { class: "quiet", text: "Nobody here yet." });
  const most = Object.fromEntries(MEASURES.map(([key]) => [key, Math.max(1, ...sides.map((s) => counts[s][key] || 0))]));
  const cell = (side, key, label) => {
    const value = counts[side][key] || 0;
    const bar = el("span", { class: `voice-bar voice-bar-${key}`, "aria-hidden": "true" });
    bar.style.width = `${Math.round((value / most[key]) * 100)}%`;
    return el("td", { "data-label": label }, el("span", { class: "voice-number", text: String(value) }), el("span", { class: "voice-track" }, bar));
  };
  return el("table", { class: "voice-chart" },
    el("caption", { class: "visually-hidden", text: caption }),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: "Here as" }),
      ...MEASURES.map(([, label]) => el("th", { scope: "col", text: label })))),
    el("tbody", {}, ...sides.map((side) => el("tr", {},
      el("th", { scope: "row" }, footprint(side, { size: 20 }), ` ${name(view, side)}`),
      ...MEASURES.map(([key, label]) => cell(side, key, label))))));
}

// The sentences from the server (`voice.sentences`), or the same kind worked out here when
// an older server sends only the numbers.
export function voiceSentences(view) {
  const voice = view.voice || {};
  if (voice.sentences) return voice.sentences;
  const tables = {};
  for (const table of view.tables) {
    const tally = (voice.tables || {})[table.id] || {};
    tables[table.id] = table.cards_drawn > (table.card ? 1 : 0)
      ? order(view, tally).filter((side) => tally[side].people && !tally[side].responses)
        .map((side) => `${table.name} has not yet heard from ${name(view, side)}.`)
      : [];
  }
  return { room: [], tables };
}

// The whole room's chart is a table on a wide screen and stacks on a small one, as a table's
// card always does (the class says so; host-tables.css).
const small = window.matchMedia("(max-width: 48rem)");
const stackRoom = () => document.getElementById("voice-room").classList.toggle("voice-stacked", small.matches);
small.addEventListener("change", stackRoom);

export function renderVoice(view) {
  stackRoom();
  const said = voiceSentences(view);
  const all = [...(said.room || []), ...view.tables.flatMap((t) => (said.tables || {})[t.id] || [])];
  document.getElementById("voice-sentences").replaceChildren(...(all.length
    ? all.map((text) => el("li", { text }))
    : [el("li", { class: "quiet", text: "Nothing to act on just now." })]));
  document.getElementById("voice-room").replaceChildren(voiceChart(view, (view.voice || {}).room, "Whose voice is heard in the whole room"));
}
