// Poet's Corner: after a reflection card (often a short poem), anyone at the table may add
// one line of their own. The lines, in order, are the table's poem, shown at the close.

import { el } from "./live.js";
import { icon, refocus } from "./dom.js";
import { forChooser } from "./forms.js";
import { voiced, who } from "./voices.js";
import { easyRead, put, say } from "./words.js";

const MAX_LINE = 120;

// The table's poem: each line in its author's colours, with their name beneath.
export function poemLines(table, meId, empty = say("poem.empty")) {
  if (!table.poem.length) return el("p", { class: "empty", text: empty });
  return el("ol", { class: "poem-lines" },
    ...table.poem.map((line) => voiced("li", line, { class: "poem-line" },
      el("p", { class: "poem-text", text: line.text }),
      who(line, table, meId))));
}

export function poetsCorner({ act, meId }) {
  const heading = put(el("h2", { id: "poem-heading" }), "poem.heading");
  const input = el("input", {
    id: "poem-line", type: "text", maxlength: MAX_LINE, autocomplete: "off", "aria-describedby": "poem-line-hint poem-status",
  });
  const chooser = forChooser("poem-for");
  const status = el("p", { id: "poem-status", class: "error", role: "status" });
  const thanks = el("p", { class: "good", tabindex: "-1", hidden: true });
  const submit = put(el("button", { type: "submit", class: "button button-strong", "data-key": "poem-submit" }), "poem.button");
  const form = el("form", { class: "poem-form", novalidate: true },
    chooser.field,
    put(el("label", { for: "poem-line" }), "poem.label"),
    el("p", { class: "hint", id: "poem-line-hint", text: say("poem.hint", { max: MAX_LINE }) }),
    input, status, submit);
  const lines = el("div", { class: "poem-so-far" });
  const about = el("p", { class: "poem-about", hidden: true }); // the card, once the table has moved on from it
  const node = el("section", { class: "panel poets-corner", "aria-labelledby": "poem-heading", hidden: true },
    el("div", { class: "poem-top" }, icon("pen", "poem-icon"), heading),
    el("p", { text: say("poem.intro") }),
    about, form, thanks, lines);
  let table = null;
  let busy = false;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (busy) return;
    if (!text) {
      status.textContent = say("poem.missing");
      input.focus();
      return;
    }
    const payload = { text };
    const writer = chooser.value();
    if (writer && writer !== meId()) payload.for = writer;
    busy = true;
    const ack = await act("poem", payload);
    busy = false;
    status.textContent = ack.ok ? "" : ack.error.message;
    if (ack.ok) {
      input.value = "";
      chooser.reset(meId());
    }
  });

  function written(t, person) {
    return t.poem.some((line) => line.author === person && line.card === t.poem_card);
  }

  return {
    node,
    update(t) {
      table = t;
      node.hidden = !t.poem_card;
      if (!t.poem_card) return;
      const card = t.poem_for;
      about.hidden = !card || Boolean(t.card && t.card.id === t.poem_card);
      if (card) about.textContent = say("poem.about", { text: (easyRead() && card.easy) || card.text });
      chooser.update(t, meId());
      // the form stays while someone this device writes for has no line yet
      const writers = [meId(), ...t.players.filter((p) => !p.device).map((p) => p.id)];
      form.hidden = writers.every((p) => written(t, p));
      thanks.hidden = !written(t, meId());
      thanks.textContent = say("poem.thanks");
      if (!thanks.hidden) refocus(thanks);
      lines.replaceChildren(el("h3", { text: say("poem.so_far") }), poemLines(table, meId()));
    },
  };
}
