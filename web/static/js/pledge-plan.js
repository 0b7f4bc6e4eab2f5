// The pledge form's two optional fields, for the action plan: who will do it (when it is not
// the person pledging) and by when. Given to `sayForm` as its `extra`.

import { el } from "./live.js";

export function pledgeExtras(id = "say-pledge") {
  const who = el("input", { id: `${id}-who`, type: "text", maxlength: 80, autocomplete: "off", "aria-describedby": `${id}-who-hint` });
  const by = el("input", { id: `${id}-by`, type: "date" });
  const node = el("fieldset", { class: "pledge-plan" },
    el("legend", { text: "Who and when (you can leave these empty)" }),
    el("div", {},
      el("label", { for: who.id, text: "Who will do it?" }),
      el("p", { class: "hint", id: `${id}-who-hint`, text: "Leave it empty if it is you." }),
      who),
    el("div", {},
      el("label", { for: by.id, text: "By when?" }),
      by));
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
    },
  };
}
