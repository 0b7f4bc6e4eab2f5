// The look back stage of a follow-up workshop: each table sees what the earlier workshop
// said it would do and, for each action, says what happened (done, started, not yet,
// dropped) and a few words. What they say goes on the earlier workshop's plan too.
// Each action's form is built once, so a view arriving never loses what someone is typing.

import { el } from "./live.js";
import { announce, icon, swap } from "./dom.js";
import { STATUSES, dayLabel, isLate, statusLabel, statusTag } from "./plan-words.js";
import { put, say } from "./words.js";

function actionItem(action, act) {
  const id = `lb-${action.id}`;
  const now = el("p", { class: "look-back-now" });
  const said = el("div", { class: "look-back-said" });
  const text = el("textarea", { id: `${id}-text`, rows: 2, maxlength: 500, "aria-describedby": `${id}-status` });
  const status = el("p", { id: `${id}-status`, class: "error", role: "status" });
  const choices = STATUSES.map(([value, label, detail, picture]) => {
    const input = el("input", { type: "radio", name: `${id}-status`, id: `${id}-${value}`, value });
    return el("div", { class: "choice" }, input,
      el("label", { for: input.id }, icon(picture),
        el("span", {}, el("span", { class: "choice-title", text: label }), el("span", { class: "choice-detail", text: detail }))));
  });
  let busy = false;
  const form = el("form", { class: "say look-back-form", novalidate: true },
    el("fieldset", {}, el("legend", { text: say("look.what") }), el("div", { class: "choices look-back-choices" }, ...choices)),
    put(el("label", { for: text.id, class: "say-label" }), "look.words"),
    text,
    status,
    put(el("button", { type: "submit", class: "button button-strong" }), "look.button"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const chosen = form.querySelector("input[type=radio]:checked");
    status.classList.remove("good");
    if (!chosen) {
      status.textContent = say("look.missing");
      form.querySelector("input[type=radio]").focus();
      return;
    }
    busy = true;
    const ack = await act("review", { action: action.id, status: chosen.value, text: text.value.trim() });
    busy = false;
    if (ack.ok) {
      text.value = "";
      chosen.checked = false;
      status.classList.add("good");
      status.textContent = say("look.thanks", { status: statusLabel(chosen.value) });
      announce(status.textContent);
    } else {
      status.textContent = ack.error.message;
    }
  });
  const facts = [
    action.owner ? say("look.who", { name: action.owner }) : null,
    action.due ? say(isLate(action) ? "look.by_late" : "look.by", { date: dayLabel(action.due) }) : null,
    action.table ? say("look.from", { table: action.table }) : null,
  ].filter(Boolean).join(" · ");
  const node = el("li", { class: "panel look-back-item", "aria-labelledby": `${id}-h` },
    el("h3", { id: `${id}-h`, class: "look-back-text", text: action.text }),
    facts ? el("p", { class: "meta", text: facts }) : null,
    now, form, said);

  function update(current) {
    now.replaceChildren(say("look.now"), statusTag(current.status));
    swap(said, current.said.length
      ? [el("h4", { text: say("look.said") }), el("ul", { class: "said-list" }, ...current.said.map((s) => el("li", { class: "said-item" },
        el("p", { class: "said" }, statusTag(s.status), s.text ? ` ${s.text}` : ""),
        el("p", { class: "meta", text: s.author_name || "" }))))]
      : []);
  }
  return { node, update };
}

export function lookBackScreen({ act }) {
  const heading = put(el("h2", { tabindex: "-1" }), "look.heading");
  const lead = el("p", { class: "lead" });
  const list = el("ol", { class: "look-back-list" });
  const node = el("div", { class: "stage look-back" },
    el("section", { class: "panel" }, heading, lead,
      el("p", { class: "hint", text: say("look.hint") })),
    list);
  let items = new Map();
  let shape = "";
  return {
    node,
    heading,
    update(view) {
      const earlier = view.room.follows;
      lead.textContent = earlier
        ? say("look.lead", { title: earlier.title, date: dayLabel(earlier.date) })
        : say("look.lead_plain");
      const actions = view.table.look_back || [];
      const next = actions.map((a) => a.id).join(",");
      if (next !== shape) {
        shape = next;
        items = new Map(actions.map((a) => [a.id, actionItem(a, act)]));
        list.replaceChildren(...[...items.values()].map((item) => item.node));
        if (!actions.length) list.replaceChildren(el("li", { class: "panel empty", text: say("look.none") }));
      }
      for (const action of actions) items.get(action.id).update(action);
    },
  };
}
