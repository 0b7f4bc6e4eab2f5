// Who is at the table (with their perspective's footprint and words, whether they are
// online, whose turn it is) and "Add someone without a phone or computer", so a person
// without one can still take part.

import { el } from "./live.js";
import { statusLine, swap } from "./dom.js";
import { footprint, legendOf } from "./legend.js";
import { paint } from "./voices.js";
import { easyRead, put, say } from "./words.js";

// The usual choices, for a room whose deck names none.
const PERSPECTIVES = ["person", "carer", "support_worker", "manager", "commissioner", "health", "other"];

function presence(player) {
  if (!player.device) return el("span", { class: "presence presence-helped", text: say("people.no_device") });
  return player.connected
    ? el("span", { class: "presence presence-on", text: say("people.online") })
    : el("span", { class: "presence presence-off", text: say("people.offline") });
}

function sideOf(player) {
  return (easyRead() && legendOf(player.perspective).easy) || player.perspective_label;
}

function personRow(player, table, meId) {
  const name = el("span", { class: "person-name", text: player.name });
  if (player.id === meId) name.append(el("span", { class: "you", text: say("people.you") }));
  return paint(el("li", { class: player.id === table.turn ? "person voiced person-turn" : "person voiced" },
    footprint(player.perspective, { size: 36 }),
    el("div", { class: "person-words" },
      name,
      el("span", { class: "person-as", text: say("people.as", { as: sideOf(player) }) }),
      presence(player),
      player.id === table.turn
        ? el("span", { class: "tag tag-turn", text: say(player.id === meId ? "people.your_turn" : "people.their_turn") })
        : null)), player.perspective);
}

function addPersonForm(act, onDone) {
  const name = el("input", { id: "add-name", maxlength: 40, autocomplete: "off", "aria-describedby": "add-name-hint" });
  const perspective = el("select", { id: "add-as" },
    ...usualChoices().map(([value, text]) => el("option", { value, text })));
  const status = statusLine("add-status");
  let busy = false;
  const form = el("form", { class: "add-person stack", id: "add-person", novalidate: true, hidden: true },
    el("div", { class: "field" },
      el("label", { for: "add-name", text: say("add.name") }),
      el("p", { class: "hint", id: "add-name-hint", text: say("add.name_hint") }),
      name),
    el("div", { class: "field" }, el("label", { for: "add-as", text: say("add.as") }), perspective),
    status,
    el("div", { class: "row" },
      put(el("button", { type: "submit", class: "button button-strong" }), "add.button"),
      put(el("button", { type: "button", class: "button button-quiet", onclick: () => onDone(false) }), "add.cancel")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!name.value.trim()) {
      status.textContent = say("add.missing");
      name.focus();
      return;
    }
    busy = true;
    const ack = await act("add_person", { name: name.value.trim(), perspective: perspective.value });
    busy = false;
    if (ack.ok) {
      const added = name.value.trim();
      name.value = "";
      status.textContent = "";
      onDone(added);
    } else {
      status.textContent = ack.error.message;
    }
  });
  return { form, name, perspective };
}

function usualChoices() {
  return PERSPECTIVES.map((id) => [id, say(`as.${id}`)]);
}

// The choices for "They are here as...": the room's (from its deck), else the usual ones.
function choicesFrom(legend) {
  const offered = (legend || []).filter((e) => e.choice);
  return offered.length ? offered.map((e) => [e.id, (easyRead() && e.easy) || e.name]) : usualChoices();
}

export function peopleSection({ act, meId, canAdd = true }) {
  let offer = () => {};
  let arrived = () => {};
  const list = el("div", { class: "people-list" });
  const section = el("section", { class: "panel people", "aria-labelledby": "people-heading" },
    put(el("h2", { id: "people-heading" }), "people.heading"), list);
  if (canAdd) {
    const opener = el("button", {
      type: "button",
      class: "button button-quiet",
      "aria-expanded": "false",
      "aria-controls": "add-person",
    });
    put(opener, "add.open");
    const added = el("p", { class: "good", role: "status" });
    let waitingFor = null; // the name just added, until they are at the table
    const { form, name, perspective } = addPersonForm(act, (who) => {
      form.hidden = true;
      opener.setAttribute("aria-expanded", "false");
      waitingFor = who || null;
      added.textContent = who ? say("add.thanks") : "";
      opener.focus();
    });
    // once they are at the table, say so (not "the facilitator will add them" any more)
    arrived = (table) => {
      if (!waitingFor) return;
      const here = table.players.find((p) => !p.device && p.name === waitingFor);
      if (!here) return;
      added.textContent = say("add.arrived", { name: here.name });
      waitingFor = null;
    };
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
      arrived(table);
      swap(list, el("ul", { class: "people-rows" }, ...table.players.map((p) => personRow(p, table, meId()))));
    },
  };
}
