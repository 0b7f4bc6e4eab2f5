// "Add words to an answer": a spoken or picture answer can have words added afterwards, by
// the person who gave it or by someone at the table who heard it (`add_words`). One form under
// the answers, so what is being typed survives every new view.

import { el } from "./live.js";
import { guardedPress } from "./dom.js";
import { put, say } from "./words.js";

// Answers that may take words now: spoken or picture answers without words; one's own always.
function open(table, me) {
  return table.responses.filter((r) => (r.audio || r.symbol) && (!r.text || r.author === me || r.entered_by === me));
}

function label(r) {
  const what = r.audio ? say("add_words.spoken") : say("answers.a_picture", { word: say(`symbol.${r.symbol}`) });
  return r.author_name ? `${what} · ${r.author_name}` : what;
}

export function addWordsForm({ act, meId }) {
  const select = el("select", { id: "add-words-which" });
  const text = el("textarea", { id: "add-words-text", rows: 2, maxlength: 500, "aria-describedby": "add-words-status" });
  const status = el("p", { id: "add-words-status", class: "error", role: "status" });
  const submit = el("button", { type: "submit", class: "button" });
  const form = el("form", { class: "add-words", novalidate: true },
    put(el("label", { for: select.id }), "add_words.which"), select,
    put(el("label", { for: text.id }), "add_words.label"), text, status, put(submit, "add_words.button"));
  const node = el("details", { class: "add-words-box", hidden: true },
    put(el("summary"), "add_words.open"), form);
  let signature = "";

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const words = text.value.trim();
    if (!select.value || !words) {
      status.classList.remove("good");
      status.textContent = say("add_words.empty");
      text.focus();
      return;
    }
    guardedPress("add-words", () => act("add_words", { response: select.value, text: words }), status)?.then((ack) => {
      status.classList.toggle("good", Boolean(ack && ack.ok));
      status.textContent = ack && ack.ok ? say("add_words.done") : (ack ? ack.error.message : "");
      if (ack && ack.ok) text.value = "";
    });
  });

  return {
    node,
    update(table) {
      const choices = table.hidden || !table.card ? [] : open(table, meId());
      node.hidden = choices.length === 0;
      const next = JSON.stringify(choices.map((r) => [r.id, label(r)]));
      if (next !== signature) {
        const keep = select.value;
        signature = next;
        select.replaceChildren(...choices.map((r) => el("option", { value: r.id, text: label(r) })));
        if (choices.some((r) => r.id === keep)) select.value = keep;
      }
    },
  };
}
