// The screens around play: choosing a table, the lobby, reflect and pledge (the end is close.js).

import { el } from "./live.js";
import { actionButton, statusLine, swap } from "./dom.js";
import { sayForm } from "./forms.js";
import { peopleSection } from "./people.js";
import { pledgeExtras } from "./pledge-plan.js";
import { saidList } from "./voices.js";
import { pledgeWall } from "./close.js";

function tableChoices(view, act, status, current) {
  const others = view.tables.filter((t) => t.id !== current);
  return el("ul", { class: "table-choices" }, ...others.map((t) => el("li", {},
    actionButton({
      key: `sit-${t.id}`,
      text: `Sit at ${t.name}`,
      cls: "button button-choice",
      describedby: `seated-${t.id}`,
      status,
      run: () => act("sit", { table: t.id }),
    }),
    el("span", { class: "seated", id: `seated-${t.id}`, text: t.seated === 0 ? "Nobody there yet" : t.seated === 1 ? "1 person there" : `${t.seated} people there` }))));
}

export function seatScreen({ act }) {
  const heading = el("h2", { tabindex: "-1", text: "Choose a table" });
  const intro = el("p");
  const list = el("div");
  const status = statusLine("sit-status");
  const node = el("section", { class: "panel seat" }, heading, intro, list, status,
    el("p", { class: "hint", text: "Or wait here: the facilitator can seat you. This page will change by itself." }));
  return {
    node,
    heading,
    update(view) {
      intro.textContent = view.room.stage === "lobby"
        ? "The workshop has not started yet. Pick a table to sit at."
        : "The workshop has started. Pick a table to join in.";
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
    el("section", { class: "panel" }, heading,
      el("p", { class: "lead", text: "Waiting for the facilitator to start. Get comfortable: it will begin soon." })),
    people.node,
    el("section", { class: "panel", "aria-labelledby": "move-heading" },
      el("h2", { id: "move-heading", text: "Change table" }), list, status));
  return {
    node,
    heading,
    update(view) {
      heading.textContent = `You are at ${view.table.name}`;
      people.update(view.table, view.room.legend);
      swap(list, tableChoices(view, ctx.act, status, view.table.id));
    },
  };
}

const PROMPTS = [
  ["working", "What is working?", "Something that goes well and should carry on."],
  ["not_working", "What is not working?", "Something that gets in the way."],
  ["matters", "What matters most?", "The one thing to remember."],
];

export function reflectScreen(ctx) {
  const { act, meId } = ctx;
  const heading = el("h2", { tabindex: "-1", text: "Looking back together" });
  const parts = PROMPTS.map(([kind, question, hint]) => {
    const list = el("div");
    const form = sayForm({ key: kind, label: `Add to “${question}”`, hint, button: "Add", type: "note", fields: { kind }, act, meId, rows: 2 });
    const section = el("section", { class: `panel reflect-box reflect-${kind}`, "aria-labelledby": `h-${kind}` },
      el("h3", { id: `h-${kind}`, text: question }), list, form.node);
    return { kind, list, form, section };
  });
  const node = el("div", { class: "stage reflect" },
    el("section", { class: "panel" }, heading,
      el("p", { class: "lead", text: "Think about the cards you talked about. Add as many ideas as you like to each box." })),
    el("div", { class: "reflect-boxes" }, ...parts.map((p) => p.section)));
  return {
    node,
    heading,
    update(view) {
      for (const part of parts) {
        swap(part.list, saidList(view.table.notes.filter((n) => n.kind === part.kind), view.table, meId(), "Nothing here yet."));
        part.form.update(view.table);
      }
    },
  };
}

export function pledgeScreen(ctx) {
  const { act, meId } = ctx;
  const heading = el("h2", { tabindex: "-1", text: "Your pledge" });
  const list = el("div");
  const form = sayForm({
    key: "pledge",
    label: "I will ...",
    hint: "One thing you will do after today, big or small. Finish the sentence.",
    button: "Make my pledge",
    type: "pledge",
    act,
    meId,
    prefill: "I will ",
    rows: 3,
    extra: pledgeExtras(),
  });
  const node = el("div", { class: "stage pledge" },
    el("section", { class: "panel" }, heading,
      el("p", { class: "lead", text: "A pledge is a promise to yourself and to the people at your table." }),
      form.node),
    el("section", { class: "panel", "aria-labelledby": "pledges-heading" },
      el("h2", { id: "pledges-heading", text: "Our table’s pledges" }), list));
  return {
    node,
    heading,
    update(view) {
      swap(list, pledgeWall(view.table, view, "No pledges yet."));
      form.update(view.table);
    },
  };
}
