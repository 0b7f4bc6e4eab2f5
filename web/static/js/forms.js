// "Say something" forms: a response, a note, a reflection or a pledge. Each has a
// "Keep this in the room" box and, when someone at the table has no device, "Write for:".

import { el } from "./live.js";

// People at the table who have no device: anyone at the table may write or vote for them.
export function helpees(table) {
  return table ? table.players.filter((p) => !p.device) : [];
}

// A "Write for:" / "Vote for:" chooser: me, or someone without a device. Hidden if nobody needs it.
export function forChooser(id, label) {
  const select = el("select", { id });
  const field = el("div", { class: "field for-field", hidden: true },
    el("label", { for: id, text: label }), select);
  let signature = "";

  function update(table, meId) {
    const others = helpees(table);
    const me = table && table.players.find((p) => p.id === meId);
    const options = [[meId, me ? `Me (${me.name})` : "Me"], ...others.map((p) => [p.id, `${p.name} (no device)`])];
    const next = JSON.stringify(options);
    if (next !== signature) {
      const keep = select.value;
      signature = next;
      select.replaceChildren(...options.map(([value, text]) => el("option", { value, text })));
      if (options.some(([value]) => value === keep)) select.value = keep;
    }
    field.hidden = others.length === 0;
  }

  return { field, select, update, value: () => select.value };
}

export function sayForm({ key, label, hint, button, type, fields = {}, act, prefill = "", rows = 3, meId, privacy = true }) {
  const id = `say-${key}`;
  const textarea = el("textarea", {
    id,
    name: "text",
    rows,
    maxlength: 500,
    "aria-describedby": [hint ? `${id}-hint` : null, `${id}-status`].filter(Boolean).join(" "),
  });
  textarea.value = prefill;
  const chooser = forChooser(`${id}-for`, "Write for:");
  const keep = el("input", { type: "checkbox", id: `${id}-private` });
  const status = el("p", { id: `${id}-status`, class: "error", role: "status" });
  const submit = el("button", { type: "submit", class: "button button-strong", "data-key": `${id}-submit`, text: button });
  let busy = false;

  const form = el("form", { class: `say say-${key}`, novalidate: true },
    chooser.field,
    el("label", { for: id, class: "say-label", text: label }),
    hint ? el("p", { class: "hint", id: `${id}-hint`, text: hint }) : null,
    textarea,
    privacy
      ? el("div", { class: "check" }, keep, el("label", { for: keep.id, text: "Keep this in the room" }))
      : null,
    status,
    submit);

  textarea.addEventListener("input", () => {
    if (status.classList.contains("good")) {
      status.classList.remove("good");
      status.textContent = "";
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const text = textarea.value.trim();
    if (!text || text === prefill.trim()) {
      status.classList.remove("good");
      status.textContent = prefill ? "Please finish the sentence first." : "Please write something first.";
      textarea.focus();
      return;
    }
    const payload = { text, ...fields };
    if (keep.checked) payload.private = true;
    const who = chooser.value();
    if (who && who !== meId()) payload.for = who;
    busy = true;
    const ack = await act(type, payload);
    busy = false;
    if (ack.ok) {
      textarea.value = prefill;
      keep.checked = false;
      status.classList.add("good");
      status.textContent = "Thank you. It is added.";
    } else {
      status.classList.remove("good");
      status.textContent = ack.error.message;
    }
  });

  return {
    node: form,
    update(table) {
      chooser.update(table, meId());
    },
  };
}
