// Poet's Corner: after a reflection card (often a short poem), anyone at the table may add
// one line of their own. The lines, in order, are the table's poem, shown at the close.

import { el } from "./live.js";
import { icon, refocus } from "./dom.js";
import { forChooser } from "./forms.js";
import { voiced, who } from "./voices.js";

const MAX_LINE = 120;

// The table's poem: each line in its author's colours, with their name beneath.
export function poemLines(table, meId, empty = "No lines yet.") {
  if (!table.poem.length) return el("p", { class: "empty", text: empty });
  return el("ol", { class: "poem-lines" },
    ...table.poem.map((line) => voiced("li", line, { class: "poem-line" },
      el("p", { class: "poem-text", text: line.text }),
      who(line, table, meId))));
}

export function poetsCorner({ act, meId }) {
  const heading = el("h2", { id: "poem-heading", text: "Poet’s Corner" });
  const input = el("input", {
    id: "poem-line", type: "text", maxlength: MAX_LINE, autocomplete: "off", "aria-describedby": "poem-line-hint poem-status",
  });
  const chooser = forChooser("poem-for", "Write for:");
  const status = el("p", { id: "poem-status", class: "error", role: "status" });
  const thanks = el("p", { class: "good", tabindex: "-1", hidden: true });
  const submit = el("button", { type: "submit", class: "button button-strong", "data-key": "poem-submit", text: "Add my line" });
  const form = el("form", { class: "poem-form", novalidate: true },
    chooser.field,
    el("label", { for: "poem-line", text: "Your line" }),
    el("p", { class: "hint", id: "poem-line-hint", text: `One line of your own, up to ${MAX_LINE} letters. It can rhyme, or not.` }),
    input, status, submit);
  const lines = el("div", { class: "poem-so-far" });
  const node = el("section", { class: "panel poets-corner", "aria-labelledby": "poem-heading", hidden: true },
    el("div", { class: "poem-top" }, icon("pen", "poem-icon"), heading),
    el("p", { text: "After a poem, everyone can add one line of their own to our table’s poem." }),
    form, thanks, lines);
  let table = null;
  let busy = false;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (busy) return;
    if (!text) {
      status.textContent = "Please write your line first.";
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
    if (ack.ok) input.value = "";
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
      chooser.update(t, meId());
      // the form stays while someone this device writes for has no line yet
      const writers = [meId(), ...t.players.filter((p) => !p.device).map((p) => p.id)];
      form.hidden = writers.every((p) => written(t, p));
      thanks.hidden = !written(t, meId());
      thanks.textContent = "Thank you. Your line is in our poem.";
      if (!thanks.hidden) refocus(thanks);
      lines.replaceChildren(el("h3", { text: "Our poem so far" }), poemLines(table, meId()));
    },
  };
}
