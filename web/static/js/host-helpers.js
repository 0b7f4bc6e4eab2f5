// Two helpers on each table for people without a device: "Add someone without a device" and
// "Add words or a vote for someone". Built once per table and updated in place, so a view
// arriving while the facilitator types or chooses does not lose their place.

import { el } from "./live.js";
import { off, run, setOptions, settle } from "./host-util.js";

const KINDS = [
  ["respond", "Answer to the card"],
  ["note", "Note"],
  ["working", "What is working"],
  ["not_working", "What is not working"],
  ["matters", "What matters most"],
  ["pledge", "Pledge (I will ...)"],
];
const KIND_FOR_STAGE = { play: "respond", reflect: "working", pledge: "pledge" };

function answerLabel(response, index) {
  if (response.text === null) return `Answer ${index + 1} (hidden until shown)`;
  const text = response.text.length > 60 ? `${response.text.slice(0, 57)}...` : response.text;
  return `${response.author_name}: ${text} (${response.votes} ${response.votes === 1 ? "vote" : "votes"})`;
}

export function helpers(id, p, live) {
  const say = el("p", { class: "status", role: "status" });
  const addName = el("input", { id: `${p}-add-name`, type: "text", maxlength: "40", autocomplete: "off" });
  const addAs = el("select", { id: `${p}-add-as` });
  const addButton = el("button", { type: "button", class: "h-btn", text: "Add to this table" });
  addButton.addEventListener("click", async () => {
    const ack = await run(live, say, "add_person", { name: addName.value, perspective: addAs.value, table: id },
      `${addName.value.trim()} is now at this table.`);
    if (ack.ok) addName.value = "";
  });
  const addPerson = el("details", { class: "helper", "data-live": true },
    el("summary", { text: "Add someone without a phone or computer" }),
    el("div", { class: "h-field" }, el("label", { for: `${p}-add-name`, text: "First name" }), addName),
    el("div", { class: "h-field" }, el("label", { for: `${p}-add-as`, text: "Here as" }), addAs),
    addButton);

  const who = el("select", { id: `${p}-for` });
  const kind = el("select", { id: `${p}-kind` });
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
  voteButton.addEventListener("click", async () => {
    const ack = await run(live, say, "vote", { for: who.value, response: answer.value }, "Vote added.");
    if (ack.ok) settle(answer);
  });
  const forSomeone = el("details", { class: "helper", "data-live": true },
    el("summary", { text: "Add words or a vote for someone" }),
    el("div", { class: "h-field" }, el("label", { for: `${p}-for`, text: "Speaking for" }), who),
    el("div", { class: "h-field" }, el("label", { for: `${p}-kind`, text: "What" }), kind),
    el("div", { class: "h-field" }, el("label", { for: `${p}-words`, text: "Their words" }), words),
    wordsButton,
    el("div", { class: "h-field" }, el("label", { for: `${p}-answer`, text: "Their vote goes to" }), answer),
    voteButton);

  function update(table, view, labels) {
    const choices = Object.entries(view.perspectives || {});
    setOptions(addAs, choices, undefined, "No choices");
    const people = [...table.players].sort((a, b) => Number(a.device) - Number(b.device));
    const first = people.length ? people[0].id : undefined;
    const named = (person) => labels.get(person.id) || person.name; // "Jo (2)"
    setOptions(who, people.map((person) => [person.id, person.device ? named(person) : `${named(person)} (no phone or computer)`]), first, "Nobody at this table");
    off(who, people.length === 0);
    off(wordsButton, people.length === 0);
    setOptions(kind, KINDS, KIND_FOR_STAGE[table.stage] || "note");
    setOptions(answer, table.responses.map((r, i) => [r.id, answerLabel(r, i)]), undefined, "No answers yet");
    off(answer, table.responses.length === 0);
    off(voteButton, table.responses.length === 0 || people.length === 0 || table.hidden);
  }

  return { root: el("div", { class: "helpers" }, addPerson, forSomeone, say), update };
}
