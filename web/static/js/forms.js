// "Say something" forms: a response, a note, a reflection or a pledge. Each has a
// "Leave this out of the notes" box and, when someone at the table has no phone or
// computer, "Who is this from?". With `extra` (say-extras.js) a picture or a recording is an
// answer too, and words become optional.
// What you type is kept as a draft (store.js) for this room, field and card, through
// reloads, new screens and reconnects. A draft stays with its card: when the table moves on,
// it is offered to you ("Use it here" / "Delete it"), never sent to the new card by itself.

import { el, newId } from "./live.js";
import { WIDE, announce, easyFold, guardedPress, waitNotice } from "./dom.js";
import { otherDrafts, readDraft, writeDraft } from "./store.js";
import { FILLED } from "./symbols.js";
import { easyRead, put, say } from "./words.js";

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

// "Who is this from?" / "Who is voting?": me, or someone without a phone or computer. Hidden
// if nobody needs it. `label`: a word key (words-en.js).
export function forChooser(id, label = "for.label") {
  const select = el("select", { id });
  const field = el("div", { class: "field for-field", hidden: true },
    put(el("label", { for: id }), label), select);
  let signature = "";

  function update(table, meId) {
    const others = helpees(table);
    const me = table && table.players.find((p) => p.id === meId);
    const options = [[meId, me ? say("for.me", { name: me.name }) : say("for.me_anon")], ...others.map((p) => [p.id, say("for.helped", { name: p.name })])];
    const next = JSON.stringify(options);
    if (next !== signature) {
      const keep = select.value;
      signature = next;
      select.replaceChildren(...options.map(([value, text]) => el("option", { value, text })));
      if (options.some(([value]) => value === keep)) select.value = keep;
    }
    field.hidden = others.length === 0;
  }

  // Back to "Me" (after sending for someone, or on a new card): never silently keep
  // writing in someone else's name.
  function reset(meId) {
    if ([...select.options].some((o) => o.value === meId)) select.value = meId;
  }

  return { field, select, update, reset, value: () => select.value };
}

// `label`, `hint` and `button` are word keys (words-en.js), filled with `vars`.
export function sayForm({ key, label, hint, button, vars = {}, type, fields = {}, act, prefill = "", rows = 3, meId, privacy = true, extra = null, onSent = null }) {
  const id = `say-${key}`;
  const textarea = el("textarea", {
    id,
    name: "text",
    rows,
    maxlength: 500,
    "aria-describedby": [hint ? `${id}-hint` : null, `${id}-status`].filter(Boolean).join(" "),
  });
  textarea.value = prefill;
  const chooser = forChooser(`${id}-for`);
  const keep = el("input", { type: "checkbox", id: `${id}-private`, "aria-describedby": `${id}-private-hint` });
  const status = el("p", { id: `${id}-status`, class: "error", role: "status" });
  const submit = put(el("button", { type: "submit", class: "button button-strong", "data-key": `${id}-submit` }), button, vars);
  const offer = draftOffer(id, key, () => scope, (text) => {
    const mine = textarea.value.trim() && textarea.value !== prefill ? `${textarea.value.trimEnd()}\n` : "";
    textarea.value = mine + text;
    save();
    textarea.focus();
  }, () => textarea.focus());
  let scope = null; // see draftScope
  let round = null; // the card an answer is for
  let busy = false;
  let opened = false; // "More choices" opened for a card taken for someone without a phone

  const privacyBlock = privacy
    ? el("div", { class: "check-block" },
      el("div", { class: "check" }, keep, put(el("label", { for: keep.id }), "say.private")),
      el("p", { class: "hint", id: `${id}-private-hint`, text: say("say.private_hint") }))
    : null;
  // Easy Read: the words, a picture or a voice first; the other choices fold away
  const more = easyRead() ? easyFold("say.more", chooser.field, privacyBlock) : null;
  const form = el("form", { class: `say say-${key}`, novalidate: true },
    more ? null : chooser.field,
    put(el("label", { for: id, class: "say-label" }), label, vars),
    hint ? el("p", { class: "hint", id: `${id}-hint`, text: say(hint, vars) }) : null,
    textarea,
    extra ? extra.node : null, // more ways to say it: `{node, values(), reset(), filled?()}`
    more || privacyBlock,
    status,
    submit,
    offer.node);

  const words = () => (textarea.value.trim() && textarea.value !== prefill ? textarea.value : "");

  // Keep what is typed (and the id of a send still unanswered) under this form's scope.
  function save() {
    const before = readDraft(room, key, scope) || {};
    writeDraft(room, key, scope, { ...before, text: words() });
  }

  // words typed, a picture chosen or a recording made: "sent" or "give an answer" is old news
  const clearStatus = () => {
    if (!status.classList.contains("pending")) {
      status.classList.remove("good");
      status.textContent = "";
    }
  };
  textarea.addEventListener("input", () => {
    save();
    if (status.classList.contains("good")) clearStatus();
  });
  form.addEventListener(FILLED, clearStatus);

  async function send() {
    if (extra && extra.finish) await extra.finish(); // still recording: what was said is the answer
    const typed = textarea.value.trim();
    const text = typed === prefill.trim() ? "" : typed;
    const more = Boolean(extra && extra.filled && extra.filled()); // a picture or a recording
    if (!text && !more) {
      status.classList.remove("good", "pending");
      status.textContent = say((extra && extra.empty) || (prefill ? "say.finish" : "say.empty"));
      textarea.focus();
      return;
    }
    status.classList.remove("good");
    let added;
    try {
      added = extra ? await extra.values() : {}; // a recording is uploaded first
    } catch (err) {
      status.textContent = err.message;
      return;
    }
    const payload = { text, ...fields, ...added };
    if (keep.checked) payload.private = true;
    const who = chooser.value();
    if (who && who !== meId()) payload.for = who;
    if (type === "respond" && round !== null) payload.round = round;
    // the same words sent again (after a reload, say) keep their id: the server adds them once
    const sentScope = scope;
    const saved = readDraft(room, key, sentScope) || {};
    const sent = more ? JSON.stringify([text, added.symbol || null, added.audio || null]) : text;
    const actionId = saved.id && saved.sent === sent ? saved.id : newId();
    writeDraft(room, key, sentScope, { text: words(), id: actionId, sent });
    status.classList.add("pending");
    status.textContent = say("sending");
    busy = true;
    const ack = await act(type, payload, { id: actionId, onWait: waitNotice(status, () => busy) });
    busy = false;
    status.classList.remove("pending");
    const here = scope === sentScope;
    if (ack.ok) {
      const changed = here && textarea.value.trim() !== typed;
      writeDraft(room, key, sentScope, changed ? { text: words() } : null);
      if (here && !changed) {
        textarea.value = prefill;
        keep.checked = false;
        if (extra) extra.reset();
      }
      chooser.reset(meId());
      status.classList.add("good");
      status.textContent = say("sent");
      if (onSent && here && !changed) onSent();
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
    chooser.reset(meId());
    const saved = readDraft(room, key, scope);
    textarea.value = saved && saved.text ? saved.text : prefill;
    status.classList.remove("good", "pending");
    status.textContent = saved && saved.id && !busy
      ? say("say.unsure_sent", { button: say(button, vars) })
      : "";
    offer.refresh();
    if (left) announce(say("say.moved_on"));
  }

  return {
    node: form,
    // words typed, a picture chosen or a recording made, and not sent
    hasWords: () => Boolean(words() || (extra && extra.filled && extra.filled())),
    update(table) {
      chooser.update(table, meId());
      if (more) more.hidden = chooser.field.hidden && !privacyBlock;
      if (draftScope(table) !== scope) {
        enter(table);
        // a card taken for someone without a phone: "Who is this from?" is in sight, not
        // folded; on the next card (someone else's) it folds again as before
        const forThem = Boolean(type === "respond" && table && table.card && helpees(table).some((p) => p.id === table.turn));
        if (more && (forThem || opened)) more.open = forThem || window.matchMedia(WIDE).matches;
        opened = forThem;
      }
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
      put(el("button", { type: "button", class: "button", "data-key": `${id}-offer-use`, onclick: () => take(true) }), "draft.use"),
      put(el("button", { type: "button", class: "button button-quiet", "data-key": `${id}-offer-drop`, onclick: () => take(false) }), "draft.drop")));
  let shown = null;

  function refresh() {
    const here = scopeNow();
    // a send still unanswered is not offered: it may be on its earlier card already
    shown = otherDrafts(room, field, here).find((draft) => !draft.id) || null;
    node.hidden = !shown;
    if (!shown) return;
    question.textContent = say(shown.scope.split(":")[0] === here.split(":")[0] ? "draft.earlier" : "draft.other_table");
    quote.textContent = shown.text;
  }

  function take(keepIt) {
    if (!shown) return;
    writeDraft(room, field, shown.scope, null);
    const { text } = shown;
    refresh();
    if (keepIt) use(text);
    else {
      announce(say("draft.dropped"));
      after();
    }
  }

  return { node, refresh };
}
