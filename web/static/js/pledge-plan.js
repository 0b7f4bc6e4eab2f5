// The pledge form's two optional fields, for the action plan: who will do it (when it is not
// the person pledging) and by when. Folded away under one line, so a pledge is one sentence
// unless someone wants more. Given to `sayForm` as its `extra`.

import { el } from "./live.js";
import { put, say } from "./words.js";

export function pledgeExtras(id = "say-pledge") {
  const who = el("input", { id: `${id}-who`, type: "text", maxlength: 80, autocomplete: "off", "aria-describedby": `${id}-who-hint` });
  const by = el("input", { id: `${id}-by`, type: "date" });
  const fields = el("div", { class: "pledge-plan" },
    el("div", {},
      put(el("label", { for: who.id }), "pledge.who"),
      el("p", { class: "hint", id: `${id}-who-hint`, text: say("pledge.who_hint") }),
      who),
    el("div", {},
      put(el("label", { for: by.id }), "pledge.by"),
      by));
  const node = el("details", { class: "pledge-more" }, put(el("summary"), "pledge.who_when"), fields);
  return {
    node,
    values() {
      const fields = {};
      if (who.value.trim()) fields.who = who.value.trim();
      if (by.value) fields.by = by.value;
      return fields;
    },
    reset() {
      who.value = "";
      by.value = "";
      node.open = false;
    },
  };
}
