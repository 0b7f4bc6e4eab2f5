// The big screen from the host page: a link to open it (on a projector, or shared in a call),
// and the spotlight: put one table's card and agreed note, or one pledge, on it for the whole
// room to talk about, and take it down. Nothing kept in the room is offered (the server
// refuses it too).

import { el } from "./live.js";
import { run, setOptions, settle } from "./host-util.js";

const SHORT = 60;

function short(text) {
  const words = (text || "").replace(/\s+/g, " ").trim();
  return words.length > SHORT ? `${words.slice(0, SHORT - 1)}…` : words || "(a picture or spoken answer)";
}

// What can go on the big screen: each table's card, its agreed notes (numbered, as many
// read alike), and its pledges.
export function spotlightChoices(view) {
  const choices = [];
  for (const table of view.tables) {
    if (table.card || table.cards_drawn) choices.push([`table:${table.id}`, `${table.name}: the card ${table.card ? "on the table" : "they played last"}`]);
    let agreed = 0;
    for (const note of table.notes) {
      if (note.kind !== "agreed") continue;
      agreed += 1;
      if (!note.private) choices.push([`note:${table.id}:${note.id}`, `${table.name}, agreed ${agreed}: ${short(note.text)}`]);
    }
    for (const pledge of table.pledges) {
      if (!pledge.private) choices.push([`pledge:${pledge.id}`, `Pledge at ${table.name}: ${short(pledge.text)}`]);
    }
  }
  return choices;
}

function fields(value) {
  const [kind, first, second] = value.split(":");
  if (kind === "pledge") return { pledge: first };
  return kind === "note" ? { table: first, note: second } : { table: first };
}

function describe(view) {
  const spot = view.spotlight;
  if (!spot) return "Nothing is in the spotlight.";
  const table = view.tables.find((t) => t.id === spot.table);
  const name = table ? table.name : "a table";
  if (spot.pledge) return `In the spotlight: a pledge from ${name}.`;
  return spot.note ? `In the spotlight: what ${name} agreed.` : `In the spotlight: ${name}'s card.`;
}

export function initBigScreen(live, code) {
  const status = el("p", { class: "status", role: "status" });
  const now = el("p", { class: "bigscreen-now" });
  const choose = el("select", { id: "spotlight-choice" });
  const show = el("button", { type: "button", class: "h-btn", text: "Show on the big screen" });
  const clear = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Take it down" });
  const section = el("section", { class: "h-panel bigscreen", id: "big-screen", "aria-labelledby": "big-screen-heading" },
    el("h2", { id: "big-screen-heading", text: "Big screen" }),
    el("p", {}, el("a", { href: `/screen/${code}`, target: "_blank", rel: "noopener", class: "h-btn h-btn-quiet bigscreen-open",
      text: "Open the big screen" }),
    " For a projector, or to share in a call. It shows no names, and nothing anyone asked to leave out of the notes."),
    el("h3", { text: "Spotlight" }),
    now,
    el("div", { class: "h-field", "data-live": true }, el("label", { for: "spotlight-choice", text: "Put on the big screen" }), choose),
    el("div", { class: "h-row", "data-live": true }, show, clear),
    status);

  show.addEventListener("click", async () => {
    if (!choose.value) return;
    const ack = await run(live, status, "spotlight", fields(choose.value), "It is on the big screen now.");
    if (ack.ok) settle(choose);
  });
  clear.addEventListener("click", () => run(live, status, "spotlight", {}, "The spotlight is taken down."));

  function render(view) {
    now.textContent = describe(view);
    setOptions(choose, spotlightChoices(view), undefined, "Nothing to show yet");
    show.toggleAttribute("data-off", !choose.value);
    clear.toggleAttribute("data-off", !view.spotlight);
  }
  return { section, render };
}
