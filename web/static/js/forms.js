// "Say something" forms: a response, a note, a reflection or a pledge. Each has a
// "Keep this in the room" box and, when someone at the table has no device, "Write for:".
// What you type is kept as a draft (store.js) for this room, field and card, through
// reloads, new screens and reconnects. A draft stays with its card: when the table moves on,
// it is offered to you ("Use it here" / "Delete it"), never sent to the new card by itself.

import { el, newId } from "./live.js";
import { announce, guardedPress, waitNotice } from "./dom.js";
import { otherDrafts, readDraft, writeDraft } from "./store.js";

let room = ""; // the room code drafts are kept under

// The page says which room this is, once, before any form is made.
export function keepDraftsFor(code) {
  room = code;
}

// What a form's words belong to: the card on a table (its round) in play, else the stage.
export function draftScope(table) {
  if (!table) return "seat";
  return table.stage === "play" ? `${table.id}:card-${table.round ?? "none"}` : `${table.id}:${table.stage}`;
}

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

export function sayForm({ key, label, hint, button, type, fields = {}, act, prefill = "", rows = 3, meId, privacy = true, extra = null }) {
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
  const offer = draftOffer(id, key, () => scope, (text) => {
    const mine = textarea.value.trim() && textarea.value !== prefill ? `${textarea.value.trimEnd()}\n` : "";
    textarea.value = mine + text;
    save();
    textarea.focus();
  }, () => textarea.focus());
  let scope = null; // see draftScope
  let round = null; // the card an answer is for
  let busy = false;

  const form = el("form", { class: `say say-${key}`, novalidate: true },
    chooser.field,
    el("label", { for: id, class: "say-label", text: label }),
    hint ? el("p", { class: "hint", id: `${id}-hint`, text: hint }) : null,
    textarea,
    privacy
      ? el("div", { class: "check" }, keep, el("label", { for: keep.id, text: "Keep this in the room" }))
      : null,
    extra ? extra.node : null, // more fields of this kind of words: `{node, values(), reset()}`
    status,
    submit,
    offer.node);

  const words = () => (textarea.value.trim() && textarea.value !== prefill ? textarea.value : "");

  // Keep what is typed (and the id of a send still unanswered) under this form's scope.
  function save() {
    const before = readDraft(room, key, scope) || {};
    writeDraft(room, key, scope, { ...before, text: words() });
  }

  textarea.addEventListener("input", () => {
    save();
    if (status.classList.contains("good")) {
      status.classList.remove("good");
      status.textContent = "";
    }
  });

  async function send() {
    const text = textarea.value.trim();
    if (!text || text === prefill.trim()) {
      status.classList.remove("good", "pending");
      status.textContent = prefill ? "Please finish the sentence first." : "Please write something first.";
      textarea.focus();
      return;
    }
    const payload = { text, ...fields, ...(extra ? extra.values() : {}) };
    if (keep.checked) payload.private = true;
    const who = chooser.value();
    if (who && who !== meId()) payload.for = who;
    if (type === "respond" && round !== null) payload.round = round;
    // the same words sent again (after a reload, say) keep their id: the server adds them once
    const sentScope = scope;
    const saved = readDraft(room, key, sentScope) || {};
    const actionId = saved.id && saved.sent === text ? saved.id : newId();
    writeDraft(room, key, sentScope, { text: words(), id: actionId, sent: text });
    status.classList.remove("good");
    status.classList.add("pending");
    status.textContent = "Sending…";
    busy = true;
    const ack = await act(type, payload, { id: actionId, onWait: waitNotice(status, () => busy) });
    busy = false;
    status.classList.remove("pending");
    const here = scope === sentScope;
    if (ack.ok) {
      const changed = here && textarea.value.trim() !== text;
      writeDraft(room, key, sentScope, changed ? { text: words() } : null);
      if (here && !changed) {
        textarea.value = prefill;
        keep.checked = false;
        if (extra) extra.reset();
      }
      status.classList.add("good");
      status.textContent = "Thank you. It is added.";
    } else {
      writeDraft(room, key, sentScope, { text: here ? words() : saved.text || text });
      if (!here) offer.refresh();
      status.classList.remove("good");
      status.textContent = ack.error.message;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!busy) guardedPress(`${id}-submit`, send);
  });

  // A new card or stage: show its own draft; offer words left behind under another scope.
  function enter(table) {
    const left = scope !== null && words();
    scope = draftScope(table);
    round = table && table.stage === "play" ? table.round : null;
    const saved = readDraft(room, key, scope);
    textarea.value = saved && saved.text ? saved.text : prefill;
    status.classList.remove("good", "pending");
    status.textContent = saved && saved.id && !busy
      ? `We are not sure this was sent. Press “${button}” to send it: it will not be added twice.`
      : "";
    offer.refresh();
    if (left) announce("The table has moved on. What you were writing is kept for you: you can use it or delete it.");
  }

  return {
    node: form,
    update(table) {
      chooser.update(table, meId());
      if (draftScope(table) !== scope) enter(table);
    },
  };
}

// Words written for an earlier card or at another table, offered (never sent by themselves).
function draftOffer(id, field, scopeNow, use, after) {
  const question = el("p", { class: "draft-offer-q", id: `${id}-offer-q` });
  const quote = el("p", { class: "draft-offer-text" });
  const node = el("div", { class: "draft-offer", role: "group", "aria-labelledby": `${id}-offer-q`, hidden: true },
    question, quote,
    el("div", { class: "row" },
      el("button", { type: "button", class: "button", "data-key": `${id}-offer-use`, text: "Use it here", onclick: () => take(true) }),
      el("button", { type: "button", class: "button button-quiet", "data-key": `${id}-offer-drop`, text: "Delete it", onclick: () => take(false) })));
  let shown = null;

  function refresh() {
    const here = scopeNow();
    // a send still unanswered is not offered: it may be on its earlier card already
    shown = otherDrafts(room, field, here).find((draft) => !draft.id) || null;
    node.hidden = !shown;
    if (!shown) return;
    question.textContent = shown.scope.split(":")[0] === here.split(":")[0]
      ? "You were writing this earlier. It was not sent:"
      : "You were writing this at another table. It was not sent:";
    quote.textContent = shown.text;
  }

  function take(keepIt) {
    if (!shown) return;
    writeDraft(room, field, shown.scope, null);
    const { text } = shown;
    refresh();
    if (keepIt) use(text);
    else {
      announce("Deleted.");
      after();
    }
  }

  return { node, refresh };
}
