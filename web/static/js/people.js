// Who is at the table (with their perspective's footprint and words, whether they are
// connected, whose turn it is) and "Add someone without a device", so a person without a
// phone can still take part.

import { el } from "./live.js";
import { statusLine, swap } from "./dom.js";
import { footprint } from "./legend.js";
import { paint } from "./voices.js";

const PERSPECTIVES = [
  ["person", "A person who uses services"],
  ["carer", "A family carer"],
  ["support_worker", "A support worker"],
  ["manager", "A manager"],
  ["commissioner", "A commissioner"],
  ["health", "A health professional"],
  ["other", "Someone else who cares about this"],
];

function presence(player) {
  if (!player.device) return el("span", { class: "presence presence-helped", text: "No device: others write for them" });
  return player.connected
    ? el("span", { class: "presence presence-on", text: "Connected" })
    : el("span", { class: "presence presence-off", text: "Not connected" });
}

function personRow(player, table, meId) {
  const name = el("span", { class: "person-name", text: player.name });
  if (player.id === meId) name.append(el("span", { class: "you", text: " (you)" }));
  return paint(el("li", { class: player.id === table.turn ? "person voiced person-turn" : "person voiced" },
    footprint(player.perspective, { size: 36 }),
    el("div", { class: "person-words" },
      name,
      el("span", { class: "person-as", text: `Here as ${player.perspective_label}` }),
      presence(player),
      player.id === table.turn
        ? el("span", { class: "tag tag-turn", text: player.id === meId ? "Your turn" : "Their turn" })
        : null)), player.perspective);
}

function addPersonForm(act, onDone) {
  const name = el("input", { id: "add-name", maxlength: 40, autocomplete: "off", "aria-describedby": "add-name-hint" });
  const perspective = el("select", { id: "add-as" },
    ...PERSPECTIVES.map(([value, text]) => el("option", { value, text })));
  const status = statusLine("add-status");
  let busy = false;
  const form = el("form", { class: "add-person stack", id: "add-person", novalidate: true, hidden: true },
    el("div", { class: "field" },
      el("label", { for: "add-name", text: "Their first name" }),
      el("p", { class: "hint", id: "add-name-hint", text: "Then you can write and vote for them." }),
      name),
    el("div", { class: "field" }, el("label", { for: "add-as", text: "They are here as..." }), perspective),
    status,
    el("div", { class: "row" },
      el("button", { type: "submit", class: "button button-strong", text: "Add them to this table" }),
      el("button", { type: "button", class: "button button-quiet", text: "Cancel", onclick: () => onDone(false) })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!name.value.trim()) {
      status.textContent = "Please write their first name.";
      name.focus();
      return;
    }
    busy = true;
    const ack = await act("add_person", { name: name.value.trim(), perspective: perspective.value });
    busy = false;
    if (ack.ok) {
      name.value = "";
      status.textContent = "";
      onDone(true);
    } else {
      status.textContent = ack.error.message;
    }
  });
  return { form, name, perspective };
}

// The choices for "They are here as...": the room's (from its deck), else the usual ones.
function choicesFrom(legend) {
  const offered = (legend || []).filter((e) => e.choice);
  return offered.length ? offered.map((e) => [e.id, e.name]) : PERSPECTIVES;
}

export function peopleSection({ act, meId, canAdd = true }) {
  let offer = () => {};
  const list = el("div", { class: "people-list" });
  const section = el("section", { class: "panel people", "aria-labelledby": "people-heading" },
    el("h2", { id: "people-heading", text: "At this table" }), list);
  if (canAdd) {
    const opener = el("button", {
      type: "button",
      class: "button button-quiet",
      "aria-expanded": "false",
      "aria-controls": "add-person",
      text: "Add someone without a device",
    });
    const added = el("p", { class: "good", role: "status" });
    const { form, name, perspective } = addPersonForm(act, (done) => {
      form.hidden = true;
      opener.setAttribute("aria-expanded", "false");
      added.textContent = done
        ? "Thank you. The facilitator will add them to this table. Then you can use “Write for:” to write and vote for them."
        : "";
      opener.focus();
    });
    opener.addEventListener("click", () => {
      form.hidden = !form.hidden;
      opener.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) name.focus();
    });
    section.append(opener, form, added);
    let offered = "";
    offer = (legend) => {
      const choices = choicesFrom(legend);
      if (JSON.stringify(choices) === offered) return;
      offered = JSON.stringify(choices);
      const keep = perspective.value;
      perspective.replaceChildren(...choices.map(([value, text]) => el("option", { value, text })));
      if (choices.some(([value]) => value === keep)) perspective.value = keep;
    };
  }
  return {
    node: section,
    // `legend`: the room's perspectives (view.room.legend); the ones a person may choose
    // are offered for someone without a device
    update(table, legend) {
      offer(legend);
      swap(list, el("ul", { class: "people-rows" }, ...table.players.map((p) => personRow(p, table, meId()))));
    },
  };
}
