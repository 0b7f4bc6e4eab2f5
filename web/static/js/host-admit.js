// Who comes in: the waiting list (newcomers, when the facilitator lets each one in by hand,
// and people without a device a tablemate asked to add) with "Let in" and "Turn away"; and
// the people who were removed or turned away, with "Let back in".

import { el } from "./live.js";
import { run } from "./host-util.js";

const $ = (id) => document.getElementById(id);

function about(person, tables) {
  const parts = [person.perspective_label];
  if (!person.device) parts.push("no phone or computer");
  if (person.added_by_name) {
    const where = tables[person.wants_table];
    parts.push(`asked for by ${person.added_by_name}${where ? ` at ${where}` : ""}`);
  }
  return parts.join(" · ");
}

// A button that works once: it is off while its action is on its way (no double admit).
function button(text, cls, action) {
  const node = el("button", { type: "button", class: `h-btn ${cls}`, text });
  node.addEventListener("click", async () => {
    if (node.dataset.busy) return;
    node.dataset.busy = "yes";
    const ack = await action();
    if (!ack || !ack.ok) delete node.dataset.busy;
  });
  return node;
}

function afterwards(heading) {
  // the row that had focus is gone: keep the keyboard user in the list's region
  const active = document.activeElement;
  if (!active || active === document.body || !document.contains(active)) $(heading).focus();
}

let seenWaiting = new Set(); // who was waiting at the last view

export function renderAdmission(view, live) {
  const tables = Object.fromEntries(view.tables.map((t) => [t.id, t.name]));
  const say = $("admit-status");
  const waiting = view.waiting || [];
  // "Sam is in." is old news once someone new is waiting (it stayed all session)
  if (waiting.some((person) => !seenWaiting.has(person.id))) say.textContent = "";
  seenWaiting = new Set(waiting.map((person) => person.id));
  $("admit-list").hidden = view.room.ended || (waiting.length === 0 && !say.textContent);
  $("admit-heading").textContent = waiting.length ? `Waiting to be let in (${waiting.length})` : "Waiting to be let in";
  const act = async (type, person, done) => {
    const ack = await run(live, say, type, { player: person.id }, done);
    setTimeout(() => afterwards("admit-heading"), 300);
    return ack;
  };
  $("admit-people").replaceChildren(...(waiting.length
    ? waiting.map((person) => el("li", { class: "admit-person" },
      el("p", {}, el("strong", { text: person.name }), ` · ${about(person, tables)}`),
      el("div", { class: "h-row h-row-tight" },
        button(`Let ${person.name} in`, "h-btn-go", () => act("admit", person, `${person.name} is in.`)),
        button(`Turn ${person.name} away`, "h-btn-quiet",
          () => act("turn_away", person, `${person.name} was not let in. You can still let them back below.`)))))
    : [el("li", { class: "quiet", text: "Nobody is waiting." })]));

  const removed = view.removed || [];
  $("removed-box").hidden = removed.length === 0;
  $("removed-list").replaceChildren(...removed.map((person) => el("li", {},
    el("strong", { text: person.name }), " ",
    button(`Let ${person.name} back in`, "h-btn-quiet", async () => {
      const ack = await run(live, $("people-status"), "readmit", { player: person.id },
        `${person.name} can join again from their own device.`);
      setTimeout(() => afterwards("people-heading"), 300);
      return ack;
    }))));
}
