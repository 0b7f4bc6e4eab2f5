// One card per table: who is there, the stage, whose turn, the card, answers and votes, and
// the table's own controls. Each card is built once and then updated in place, so a view
// arriving while the facilitator types or chooses does not lose their place.

import { el } from "./live.js";
import { STAGES, off, run, setOptions, stageLabel } from "./host-util.js";

const cards = new Map(); // table id -> {root, update}

const KINDS = [
  ["respond", "Answer to the card"],
  ["note", "Note"],
  ["working", "What is working"],
  ["not_working", "What is not working"],
  ["matters", "What matters most"],
  ["pledge", "Pledge (I will ...)"],
];
const KIND_FOR_STAGE = { play: "respond", reflect: "working", pledge: "pledge" };

export function renderTables(view, live) {
  const box = document.getElementById("tables");
  const names = Object.fromEntries(view.players.map((p) => [p.id, p.name]));
  for (const table of view.tables) {
    if (!cards.has(table.id)) cards.set(table.id, tableCard(table.id, live, view.perspectives));
    cards.get(table.id).update(table, names);
  }
  const wanted = view.tables.map((t) => cards.get(t.id).root);
  if (wanted.some((node, i) => box.children[i] !== node) || box.children.length !== wanted.length) {
    box.replaceChildren(...wanted);
  }
}

function tableCard(id, live, perspectives) {
  const p = `table-${id}`;
  const heading = el("h3", { id: `${p}-heading` });
  const stageChip = el("p", { class: "chip table-stage" });
  const summary = el("div", { class: "table-summary" });
  const people = el("ul", { class: "table-people", "aria-labelledby": `${p}-people` });
  const peopleHeading = el("h4", { id: `${p}-people` });
  const say = el("p", { class: "status", role: "status" });

  const stageSelect = el("select", { id: `${p}-stage` });
  setOptions(stageSelect, STAGES);
  const skip = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Skip this card" });
  const reveal = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Show answers" });
  const next = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Next card" });
  let name = "";
  const act = (type, fields, done) => run(live, say, type, { table: id, ...fields }, done);
  const actions = el("div", { class: "table-actions", "data-live": true },
    el("div", { class: "h-row" },
      el("label", { for: `${p}-stage`, text: "Stage" }),
      stageSelect,
      el("button", {
        type: "button", class: "h-btn h-btn-quiet", text: "Move this table",
        onclick: () => act("stage", { stage: stageSelect.value }, `${name} is now at: ${stageLabel(stageSelect.value)}.`),
      })),
    el("div", { class: "h-row" }, skip, reveal, next));
  skip.addEventListener("click", () => act("skip", {}, `Card skipped at ${name}.`));
  reveal.addEventListener("click", () => act("reveal", {}, `Answers shown at ${name}.`));
  next.addEventListener("click", () => act("next", {}, `${name} moved on to the next card.`));

  const helper = helpers(id, p, live, perspectives);
  const root = el("article", { class: "table-card", "aria-labelledby": `${p}-heading` },
    el("div", { class: "table-top" }, heading, stageChip),
    summary, peopleHeading, people, actions, say, helper.root);

  function update(table, names) {
    name = table.name;
    heading.textContent = table.name;
    stageChip.textContent = stageLabel(table.stage);
    stageChip.className = `chip table-stage chip-${table.stage}`;
    setOptions(stageSelect, STAGES, table.stage);
    summary.replaceChildren(...summaryOf(table, names));
    peopleHeading.textContent = `People at this table (${table.players.length})`;
    people.replaceChildren(...(table.players.length
      ? table.players.map((person) => personItem(person, person.id === table.turn))
      : [el("li", { class: "quiet", text: "Nobody yet." })]));
    off(skip, !table.card);
    off(next, !table.card);
    off(reveal, !table.hidden);
    helper.update(table);
  }
  return { root, update };
}

function summaryOf(table, names) {
  const votes = table.responses.reduce((sum, r) => sum + r.votes, 0);
  const turn = table.turn ? names[table.turn] || "someone" : "nobody yet";
  const parts = [el("p", { class: "turn" }, "Turn: ", el("strong", { text: turn }))];
  if (table.card) {
    const card = table.card;
    const type = card.type.charAt(0).toUpperCase() + card.type.slice(1);
    const about = [`Card ${table.round}`, type, card.perspective_label ? `Perspective: ${card.perspective_label}` : ""];
    parts.push(el("div", { class: "table-card-now" },
      el("p", { class: "h-card-meta", text: about.filter(Boolean).join(" · ") }),
      el("p", { class: "h-card-text", text: card.text })));
  } else {
    parts.push(el("p", { class: "quiet", text: table.stage === "play" ? "No card on the table." : "No card: not playing just now." }));
  }
  const counts = [
    `${table.responses.length} ${table.responses.length === 1 ? "answer" : "answers"}${table.hidden ? " (hidden)" : ""}`,
    `${votes} ${votes === 1 ? "vote" : "votes"}`,
    `${table.notes.length} ${table.notes.length === 1 ? "note" : "notes"}`,
    `${table.pledges.length} ${table.pledges.length === 1 ? "pledge" : "pledges"}`,
    `${table.cards_drawn} ${table.cards_drawn === 1 ? "card" : "cards"} played`,
  ];
  parts.push(el("p", { class: "counts", text: counts.join(" · ") }));
  return parts;
}

function personItem(person, turn) {
  const status = person.device
    ? el("span", { class: person.connected ? "online" : "offline", text: person.connected ? "connected" : "not connected" })
    : el("span", { class: "no-device", text: "no device" });
  return el("li", { class: turn ? "turn-now" : null },
    el("strong", { text: person.name }),
    ` · ${person.perspective_label} · `,
    status,
    turn ? el("span", { class: "turn-mark", text: " · their turn" }) : null);
}

// "Add someone without a device" and "Add words or a vote for someone" for one table.
function helpers(id, p, live, perspectives) {
  const say = el("p", { class: "status", role: "status" });
  const addName = el("input", { id: `${p}-add-name`, type: "text", maxlength: "40", autocomplete: "off" });
  const addAs = el("select", { id: `${p}-add-as` });
  setOptions(addAs, Object.entries(perspectives || {}).map(([value, label]) => [value, label]));
  const addButton = el("button", { type: "button", class: "h-btn", text: "Add to this table" });
  addButton.addEventListener("click", async () => {
    const ack = await run(live, say, "add_person", { name: addName.value, perspective: addAs.value, table: id },
      `${addName.value.trim()} is now at this table.`);
    if (ack.ok) addName.value = "";
  });
  const addPerson = el("details", { class: "helper", "data-live": true },
    el("summary", { text: "Add someone without a device" }),
    el("div", { class: "h-field" }, el("label", { for: `${p}-add-name`, text: "First name" }), addName),
    el("div", { class: "h-field" }, el("label", { for: `${p}-add-as`, text: "Here as" }), addAs),
    addButton);

  const who = el("select", { id: `${p}-for`, onchange: () => { who.dataset.chosen = "yes"; } });
  const kind = el("select", { id: `${p}-kind` });
  setOptions(kind, KINDS);
  const words = el("textarea", { id: `${p}-words`, rows: "2", maxlength: "500" });
  const wordsButton = el("button", { type: "button", class: "h-btn", text: "Add their words" });
  wordsButton.addEventListener("click", async () => {
    const fields = { for: who.value, text: words.value };
    const type = ["respond", "pledge"].includes(kind.value) ? kind.value : "note";
    if (type === "note") fields.kind = kind.value;
    const ack = await run(live, say, type, fields, "Added.");
    if (ack.ok) words.value = "";
  });
  const answer = el("select", { id: `${p}-answer` });
  const voteButton = el("button", { type: "button", class: "h-btn", text: "Add their vote" });
  voteButton.addEventListener("click", () => run(live, say, "vote", { for: who.value, response: answer.value }, "Vote added."));
  const forSomeone = el("details", { class: "helper", "data-live": true },
    el("summary", { text: "Add words or a vote for someone" }),
    el("div", { class: "h-field" }, el("label", { for: `${p}-for`, text: "Speaking for" }), who),
    el("div", { class: "h-field" }, el("label", { for: `${p}-kind`, text: "What" }), kind),
    el("div", { class: "h-field" }, el("label", { for: `${p}-words`, text: "Their words" }), words),
    wordsButton,
    el("div", { class: "h-field" }, el("label", { for: `${p}-answer`, text: "Their vote goes to" }), answer),
    voteButton);

  function update(table) {
    const people = [...table.players].sort((a, b) => Number(a.device) - Number(b.device));
    const first = people.length && !who.dataset.chosen ? people[0].id : undefined;
    setOptions(who, people.map((person) => [person.id, person.device ? person.name : `${person.name} (no device)`]), first);
    off(who, people.length === 0);
    off(wordsButton, people.length === 0);
    setOptions(kind, KINDS, KIND_FOR_STAGE[table.stage] || "note");
    setOptions(answer, table.responses.map((r, i) => [r.id, answerLabel(r, i)]));
    off(answer, table.responses.length === 0);
    off(voteButton, table.responses.length === 0 || people.length === 0 || table.hidden);
  }

  return { root: el("div", { class: "helpers" }, addPerson, forSomeone, say), update };
}

function answerLabel(response, index) {
  if (response.text === null) return `Answer ${index + 1} (hidden until shown)`;
  const text = response.text.length > 60 ? `${response.text.slice(0, 57)}...` : response.text;
  return `${response.author_name}: ${text} (${response.votes} ${response.votes === 1 ? "vote" : "votes"})`;
}
