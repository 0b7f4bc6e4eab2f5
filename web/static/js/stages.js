// The screens around play: choosing a table, the lobby, reflect and pledge (the end is close.js).
// Each stage's prompts can be read aloud; reflect takes pictures and voices, pledges voices.

import { el } from "./live.js";
import { actionButton, refocus, statusLine, swap } from "./dom.js";
import { agreedFold } from "./agreed-fold.js";
import { sayForm } from "./forms.js";
import { ideaBoxes } from "./idea-boxes.js";
import { peopleSection } from "./people.js";
import { pledgeExtras } from "./pledge-plan.js";
import { sayExtras } from "./say-extras.js";
import { readOrSay } from "./speak.js";
import { saidList } from "./voices.js";
import { put, say } from "./words.js";
import { pledgeWall } from "./close.js";
import { stillPath } from "./board.js";

// A stage's opening panel: its heading, its prompts, and "Read aloud" for all of them.
function prompts(heading, ...lines) {
  const read = readOrSay(() => [heading, ...lines].map((node) => node.textContent).filter(Boolean).join(". "), { key: "read-stage" });
  return el("section", { class: "panel" }, heading, ...lines, el("div", { class: "item-tools" }, read));
}

function tableChoices(view, act, status, current) {
  const others = view.tables.filter((t) => t.id !== current);
  return el("ul", { class: "table-choices" }, ...others.map((t) => el("li", {},
    actionButton({
      key: `sit-${t.id}`,
      words: "seat.button",
      vars: { table: t.name },
      cls: "button button-choice",
      describedby: `seated-${t.id}`,
      status,
      run: () => act("sit", { table: t.id }),
    }),
    el("span", { class: "seated", id: `seated-${t.id}`, text: t.seated === 0 ? say("seat.nobody") : say("seat.count", { n: t.seated }) }))));
}

export function seatScreen({ act }) {
  const heading = put(el("h2", { tabindex: "-1" }), "seat.heading");
  const intro = el("p");
  const list = el("div");
  const status = statusLine("sit-status");
  const wait = el("p", { class: "hint", text: say("seat.wait") });
  const read = readOrSay(() => [heading, intro, wait].map((n) => n.textContent).join(". "), { key: "read-stage" });
  const node = el("section", { class: "panel seat" }, heading, intro, list, status, wait, el("div", { class: "item-tools" }, read));
  return {
    node,
    heading,
    update(view) {
      intro.textContent = say(view.room.stage === "lobby" ? "seat.before" : "seat.after");
      swap(list, tableChoices(view, act, status, null));
    },
  };
}

export function lobbyScreen(ctx) {
  const heading = el("h2", { tabindex: "-1" });
  const list = el("div");
  const status = statusLine("move-status");
  const people = peopleSection(ctx);
  const node = el("div", { class: "stage lobby" },
    prompts(heading, el("p", { class: "lead", text: say("lobby.wait") })),
    people.node,
    el("section", { class: "panel", "aria-labelledby": "move-heading" },
      put(el("h2", { id: "move-heading" }), "lobby.move"), list, status));
  return {
    node,
    heading,
    update(view) {
      put(heading, "lobby.heading", { table: view.table.name });
      people.update(view.table, view.room.legend);
      swap(list, tableChoices(view, ctx.act, status, view.table.id));
    },
  };
}

const PROMPTS = ["working", "not_working", "matters"];

export function reflectScreen(ctx) {
  const { act, meId } = ctx;
  const heading = put(el("h2", { tabindex: "-1" }), "reflect.heading");
  const parts = PROMPTS.map((kind) => {
    const list = el("div");
    const form = sayForm({
      key: kind, label: "reflect.add_to", hint: `reflect.${kind}_hint`, vars: { question: say(`reflect.${kind}`) }, button: "reflect.button",
      type: "note", fields: { kind }, act, meId, rows: 2, onSent: () => boxes.sent(kind),
      extra: sayExtras({ id: `say-${kind}`, code: ctx.code, button: say("reflect.button"), record: "record.start_idea" }),
    });
    return { kind, list, form, headingId: `h-${kind}`, question: say(`reflect.${kind}`) };
  });
  // on a phone each box is its ideas and "Add an idea", one box's form open at a time
  const boxes = ideaBoxes(parts);
  for (const part of parts) {
    part.section = el("section", { class: `panel reflect-box reflect-${part.kind}`, "aria-labelledby": part.headingId },
      put(el("h3", { id: part.headingId }), `reflect.${part.kind}`), part.list, boxes.openers[part.kind], part.form.node);
  }
  // what the table agreed on each card, to look back on, under the boxes (folded on a phone)
  const agreed = el("div");
  const agreedBox = agreedFold("reflect", el("section", { class: "panel", "aria-labelledby": "agreed-heading" },
    put(el("h2", { id: "agreed-heading" }), "agreed.heading"), agreed));
  const path = stillPath();
  const node = el("div", { class: "stage reflect" },
    prompts(heading, el("p", { class: "lead", text: say("reflect.lead") })),
    path.node,
    el("div", { class: "reflect-boxes" }, ...parts.map((p) => p.section)),
    agreedBox.node); // the three boxes first: what the table agreed is there to look back on
  return {
    node,
    heading,
    update(view) {
      const t = view.table;
      path.update(view);
      const kept = t.notes.filter((n) => n.kind === "agreed");
      agreedBox.count(kept.length);
      swap(agreed, saidList(kept, t, meId(), say("close.no_agreed")));
      for (const part of parts) {
        swap(part.list, saidList(view.table.notes.filter((n) => n.kind === part.kind), view.table, meId(), say("reflect.empty")));
        part.form.update(view.table);
      }
      boxes.update();
    },
  };
}

export function pledgeScreen(ctx) {
  const { act, meId } = ctx;
  const heading = put(el("h2", { tabindex: "-1" }), "pledge.heading");
  const list = el("div");
  const form = sayForm({
    key: "pledge",
    label: "pledge.label",
    hint: "pledge.hint",
    button: "pledge.button",
    type: "pledge",
    act,
    meId,
    prefill: say("pledge.prefill"),
    rows: 3,
    // pledges take words or a voice (no picture), and who and when
    extra: sayExtras({ id: "say-pledge", code: ctx.code, button: say("pledge.button"), pictures: false, more: pledgeExtras(), record: "record.start_pledge" }),
  });
  const lead = el("p", { class: "lead", text: say("pledge.lead") });
  const read = readOrSay(() => `${heading.textContent}. ${lead.textContent}`, { key: "read-stage" });
  // once your pledge is on the wall the form steps aside (a second one is a choice, not a prompt)
  const done = put(el("p", { class: "good pledge-done", tabindex: "-1", role: "status", hidden: true }), "pledge.done");
  const another = put(el("button", { type: "button", class: "button button-quiet", hidden: true }), "pledge.another");
  let mine = null; // how many pledges are yours, as last drawn
  let adding = false; // "Make another pledge" pressed
  another.addEventListener("click", () => {
    adding = true;
    show();
    refocus(form.node.querySelector("textarea, input"));
  });
  function show() {
    const stepAside = mine > 0 && !adding;
    const hadFocus = form.node.contains(document.activeElement);
    form.node.hidden = stepAside;
    done.hidden = another.hidden = !stepAside;
    if (stepAside && hadFocus) done.focus();
  }
  const path = stillPath();
  const node = el("div", { class: "stage pledge" },
    el("section", { class: "panel" }, heading, lead, el("div", { class: "item-tools" }, read), form.node, done, another),
    path.node,
    el("section", { class: "panel", "aria-labelledby": "pledges-heading" },
      put(el("h2", { id: "pledges-heading" }), "pledge.wall"), list));
  return {
    node,
    heading,
    update(view) {
      swap(list, pledgeWall(view.table, view, say("pledge.empty")));
      path.update(view);
      form.update(view.table);
      const now = view.table.pledges.filter((p) => p.author === meId()).length;
      if (mine !== null && now > mine) adding = false; // the other one is on the wall too
      mine = now;
      show();
    },
  };
}
