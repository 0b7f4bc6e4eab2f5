// Everyone in the room: who is still waiting for a table, and a row per person to move them
// to another table or (after a kind "are you sure?") remove them from the workshop. A table
// chosen by hand is kept while views arrive, until "Move" has been pressed.

import { el } from "./live.js";
import { namesApart, run, setOptions, settle } from "./host-util.js";

const rows = new Map(); // player id -> {row, update}

export function renderPeople(view, live) {
  const labels = namesApart(view.players);
  const waiting = view.players.filter((p) => p.table === null);
  document.getElementById("unseated-heading").textContent = `Waiting for a table (${waiting.length})`;
  document.getElementById("unseated-list").replaceChildren(...(waiting.length
    ? waiting.map((p) => el("li", {}, el("strong", { text: labels.get(p.id) }), ` · ${p.perspective_label}`))
    : [el("li", { class: "quiet", text: "Nobody is waiting." })]));

  const tables = [["", "Not at a table"], ...view.tables.map((t) => [t.id, t.name])];
  const body = document.getElementById("people-rows");
  for (const person of view.players) {
    if (!rows.has(person.id)) rows.set(person.id, personRow(person.id, live));
    rows.get(person.id).update({ ...person, name: labels.get(person.id) }, tables);
  }
  for (const id of [...rows.keys()]) {
    if (!view.players.some((p) => p.id === id)) rows.delete(id);
  }
  const wanted = view.players.map((p) => rows.get(p.id).row);
  if (wanted.length !== body.children.length || wanted.some((row, i) => body.children[i] !== row)) {
    body.replaceChildren(...wanted);
  }
  document.getElementById("people-heading").textContent = `Everyone in the room (${view.players.length})`;
  // an empty table has headers with no cells: show a sentence instead
  document.getElementById("people-wrap").hidden = view.players.length === 0;
  document.getElementById("people-empty").hidden = view.players.length > 0;
  document.getElementById("unseated").hidden = view.players.length === 0;
}

function personRow(id, live) {
  const say = el("p", { class: "status", role: "status" });
  const p = `person-${id}`;
  const nameCell = el("th", { scope: "row" });
  const asCell = el("td");
  const statusCell = el("td");
  const select = el("select", { id: `${p}-table`, "aria-label": "" });
  const move = el("button", { type: "button", class: "h-btn h-btn-quiet" });
  const remove = el("button", { type: "button", class: "h-btn h-btn-quiet" });
  const question = el("p", { id: `${p}-remove-q` });
  const yes = el("button", { type: "button", class: "h-btn h-btn-danger" });
  const no = el("button", { type: "button", class: "h-btn h-btn-quiet" });
  // focus goes to "Keep": two presses of Enter must not take someone out
  const confirm = el("div", { class: "confirm", role: "group", "aria-labelledby": `${p}-remove-q`, hidden: true }, question, yes, no);
  let name = "";

  move.addEventListener("click", async () => {
    const table = select.value || null;
    const where = table ? select.selectedOptions[0].textContent : "waiting for a table";
    const done = table ? `${name} is now at ${where}.` : `${name} is now waiting for a table.`;
    const ack = await run(live, say, "move", { player: id, table }); // said once, in the list's line (below)
    if (ack.ok) {
      settle(select);
      document.getElementById("people-status").textContent = done; // the list's own line, not an older one
    }
  });
  remove.addEventListener("click", () => {
    confirm.hidden = false;
    no.focus();
  });
  no.addEventListener("click", () => {
    confirm.hidden = true;
    remove.focus();
  });
  yes.addEventListener("click", async () => {
    const ack = await run(live, say, "remove", { player: id });
    if (ack.ok) {
      document.getElementById("people-status").textContent = `${name} was taken out of the workshop. "Let back in" below undoes it.`;
      document.getElementById("people-heading").focus();
    }
  });

  const row = el("tr", {}, nameCell, asCell, statusCell,
    el("td", { "data-live": true }, el("div", { class: "h-row h-row-tight" }, select, move)),
    el("td", { "data-live": true }, remove, confirm, say));

  function update(person, tables) {
    name = person.name;
    nameCell.textContent = person.name;
    asCell.textContent = person.perspective_label;
    statusCell.replaceChildren(person.device
      ? el("span", { class: person.connected ? "online" : "offline", text: person.connected ? "online" : "not online" }) // the participants' words
      : el("span", { class: "no-device", text: "no phone or computer" }));
    select.setAttribute("aria-label", `Table for ${person.name}`);
    setOptions(select, tables, person.table || "");
    move.replaceChildren("Move", el("span", { class: "visually-hidden", text: ` ${person.name}` }));
    remove.replaceChildren("Remove", el("span", { class: "visually-hidden", text: ` ${person.name}` }), "…");
    question.textContent = `Remove ${person.name} from the workshop? They will see a thank-you message. What they have already said stays in the notes.`;
    yes.textContent = `Yes, remove ${person.name}`;
    no.textContent = `Keep ${person.name}`;
  }
  return { row, update };
}
