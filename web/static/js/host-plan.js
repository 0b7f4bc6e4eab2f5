// The facilitator's action plan panel: every pledge is on it; add actions (perhaps from what a
// table agreed or something "not working"), keep each one up to date (status, who, by when,
// a line of progress), plan a follow-up workshop, and download the one-page summary for
// managers. Unlike the game, the plan stays open after the workshop has ended, so nothing
// here sits inside [data-live].

import { el } from "./live.js";
import { run } from "./host-util.js";
import { dayLabel, isLate, statusTag } from "./plan-words.js";

const STATUSES = [["open", "Open"], ["started", "Started"], ["done", "Done"], ["dropped", "Dropped"]]; // as in the reports
const SOURCES = { pledge: "a pledge", agreed: "what the table agreed", not_working: "a “not working” item" };
const $ = (id) => document.getElementById(id);

let ctx = null; // {live, code, key}
let items = new Map();
let shape = "";

function field(id, label, control) {
  control.id = id;
  return el("div", {}, el("label", { for: id, text: label }), control);
}

function setIfUntouched(input, value) {
  const shown = value || "";
  if (document.activeElement !== input && input.value === (input.dataset.server || "")) input.value = shown;
  input.dataset.server = shown;
}

function actionItem(action) {
  const p = `plan-${action.id}`;
  const text = el("p", { class: "plan-text" });
  const facts = el("p", { class: "plan-facts" });
  const progress = el("ul", { class: "plan-progress" });
  const status = el("select", {}, ...STATUSES.map(([value, label]) => el("option", { value, text: label })));
  const owner = el("input", { type: "text", maxlength: 80 });
  const due = el("input", { type: "date" });
  const line = el("input", { type: "text", maxlength: 500 });
  const say = el("p", { class: "status", id: `${p}-say`, role: "status" });
  const save = el("button", { type: "button", class: "h-btn", text: "Save" });
  const summary = el("summary", {}, "Update this action", el("span", { class: "visually-hidden", text: `: ${action.text}` }));
  const node = el("li", { class: "plan-item" }, text, facts, progress,
    el("details", {}, summary,
      el("div", { class: "plan-edit" },
        field(`${p}-status`, "Status", status),
        field(`${p}-owner`, "Who will do it", owner),
        field(`${p}-due`, "By when", due),
        el("div", { class: "plan-wide" }, el("label", { for: `${p}-line`, text: "What has happened (a new line)" }), line),
        save),
      say));
  line.id = `${p}-line`;
  let current = action;
  save.addEventListener("click", async () => {
    const fields = {};
    if (status.value !== current.status) fields.status = status.value;
    if (owner.value.trim() && owner.value.trim() !== (current.owner || "")) fields.owner = owner.value.trim();
    if ((due.value || null) !== current.due) fields.due = due.value || null;
    if (line.value.trim()) fields.progress = line.value.trim();
    if (!Object.keys(fields).length) {
      say.textContent = "Nothing has changed yet.";
      return;
    }
    const ack = await run(ctx.live, say, "plan_update", { action: current.id, ...fields }, "Saved.");
    if (ack.ok) line.value = "";
  });

  function update(next) {
    current = next;
    text.textContent = next.text;
    const from = next.from ? `From ${SOURCES[next.from.kind] || next.from.kind}${next.from.table_name ? ` at ${next.from.table_name}` : ""}`
      + (next.from.outcome_name ? ` · outcome: ${next.from.outcome_name}` : "") : "";
    facts.replaceChildren(statusTag(next.status, "plan-status"),
      isLate(next) ? el("span", { class: "tag plan-late", text: "Late: its date has passed" }) : "",
      [next.owner ? `Who: ${next.owner}` : "Nobody named yet", next.due ? `By ${dayLabel(next.due)}` : null, from || null]
        .filter(Boolean).map((part) => ` · ${part}`).join(""),
      next.private ? el("span", { class: "tag", text: "Not in the notes: not in downloads" }) : "");
    progress.replaceChildren(...next.progress.map((entry) => el("li", {},
      `${dayLabel(entry.at)}: ${entry.text}`, entry.said_at ? ` (said at ${entry.said_at})` : "")));
    progress.hidden = next.progress.length === 0;
    if (document.activeElement !== status) status.value = next.status;
    setIfUntouched(owner, next.owner);
    setIfUntouched(due, next.due);
  }
  return { node, update };
}

function sourceOptions(view) {
  const options = [["", "Nothing: a new action"]];
  for (const table of view.tables) {
    for (const note of table.notes || []) {
      if (note.kind !== "agreed" && note.kind !== "not_working") continue;
      if (note.private) continue; // kept in the room: the server refuses it as a source too
      const kind = note.kind === "agreed" ? "agreed" : "not working";
      const words = note.text.length > 70 ? `${note.text.slice(0, 70)}…` : note.text;
      if (words) options.push([note.id, `${table.name}, ${kind}: ${words}`, note.text]);
    }
  }
  return options;
}

function addForm() {
  const from = el("select", {});
  const text = el("textarea", { rows: 2, maxlength: 500 });
  const owner = el("input", { type: "text", maxlength: 80 });
  const due = el("input", { type: "date" });
  const say = el("p", { class: "status", role: "status" });
  const node = el("form", { class: "plan-add", novalidate: true, "aria-labelledby": "plan-add-heading" },
    el("h4", { id: "plan-add-heading", text: "Add an action" }),
    field("plan-add-from", "Made from (optional)", from),
    field("plan-add-text", "What will be done?", text),
    field("plan-add-owner", "Who will do it?", owner),
    field("plan-add-due", "By when? (optional)", due),
    el("div", {}, el("button", { type: "submit", class: "h-btn", text: "Add to the plan" })), say);
  let words = new Map();
  from.addEventListener("change", () => {
    if (!text.value.trim() && words.get(from.value)) text.value = words.get(from.value);
  });
  node.addEventListener("submit", async (event) => {
    event.preventDefault();
    say.classList.add("status-error");
    if (!text.value.trim()) {
      say.textContent = "Please say what will be done.";
      text.focus();
      return;
    }
    if (!owner.value.trim()) {
      say.textContent = "Please say who will do it.";
      owner.focus();
      return;
    }
    const fields = { text: text.value.trim(), owner: owner.value.trim() };
    if (due.value) fields.due = due.value;
    if (from.value) fields.from = from.value;
    const ack = await run(ctx.live, say, "plan_add", fields, "Added to the plan.");
    if (ack.ok) {
      text.value = owner.value = due.value = "";
      from.value = "";
    }
  });
  function update(view) {
    const options = sourceOptions(view);
    words = new Map(options.map(([id, , full]) => [id, full]));
    const signature = JSON.stringify(options);
    if (from.dataset.options !== signature) {
      const keep = from.value;
      from.dataset.options = signature;
      from.replaceChildren(...options.map(([value, label]) => el("option", { value, text: label })));
      if (options.some(([value]) => value === keep)) from.value = keep;
    }
  }
  return { node, update };
}

async function download(path, say, what) {
  say.classList.remove("status-error");
  say.textContent = `Preparing the ${what}…`;
  const anonymous = $("export-anonymous");
  try {
    const response = await fetch(`${path}${anonymous && anonymous.checked ? "?anonymous=1" : ""}`, {
      headers: { Authorization: `Bearer ${ctx.key() || ""}` },
    });
    if (!response.ok) throw new Error((await response.json()).error.message);
    const match = /filename="?([A-Za-z0-9._-]+)"?/.exec(response.headers.get("Content-Disposition") || "");
    const link = el("a", { href: URL.createObjectURL(await response.blob()), download: match ? match[1] : "summary", hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    say.textContent = `The ${what} is downloading.`;
  } catch (err) {
    say.classList.add("status-error");
    say.textContent = err.message || "The download did not work. Please try again.";
  }
}

function followUpForm(title) {
  const name = el("input", { type: "text", maxlength: 120 });
  const say = el("p", { class: "status", role: "status" });
  const made = el("div", { class: "plan-follow-made", hidden: true });
  const button = el("button", { type: "submit", class: "h-btn", text: "Open the follow-up workshop" });
  const node = el("form", { class: "plan-follow", novalidate: true, "aria-labelledby": "plan-follow-heading" },
    el("h4", { id: "plan-follow-heading", text: "Plan a follow-up workshop" }),
    el("p", { text: "Meet again later to ask what changed. The follow-up starts by looking back at this plan, table by table, and what they say is added here." }),
    field("plan-follow-title", "Title of the follow-up", name), el("div", {}, button), say, made);
  node.addEventListener("submit", async (event) => {
    event.preventDefault();
    say.classList.remove("status-error");
    say.textContent = "Opening the follow-up…";
    const response = await fetch("/api/rooms", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: name.value.trim() || `${title()}: follow-up`, follows: ctx.code, follows_key: ctx.key() }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => ({})) : {};
    if (!response || !response.ok) {
      say.classList.add("status-error");
      say.textContent = body.error ? body.error.message : "That did not work. Please check the connection and try again.";
      return;
    }
    say.textContent = `The follow-up workshop is ready: room ${body.code}.`;
    made.replaceChildren(
      el("p", { text: "Its host link is below. Keep it private, like this one: it is shown only now." }),
      el("p", {}, el("a", { href: body.host_url, target: "_blank", rel: "noopener", text: "Open the follow-up’s host page (new tab)" })),
      field("plan-follow-link", "Host link of the follow-up", el("input", { type: "text", readonly: true, value: body.host_url, class: "plan-follow-link" })));
    made.hidden = false;
  });
  return { node, name };
}

export function initPlan(live, code, key) {
  ctx = { live, code, key };
}

function build(panel, view) {
  const counts = el("p", { id: "plan-counts" });
  const list = el("ul", { class: "plan-list", id: "plan-list" });
  const add = addForm();
  const follow = followUpForm(() => (ctx.view ? ctx.view.room.title : "Workshop"));
  follow.name.value = `${view.room.title}: follow-up`.slice(0, 120);
  const say = el("p", { class: "status", role: "status" });
  const summaries = el("div", { class: "export-buttons" }, ...[["html", "Printable page (HTML)"], ["docx", "Word (.docx)"], ["md", "Markdown"]]
    .map(([fmt, label]) => el("button", {
      type: "button",
      class: "h-btn h-btn-quiet",
      text: label,
      onclick: () => download(`/api/rooms/${ctx.code}/summary.${fmt}`, say, "summary"),
    })));
  panel.replaceChildren(
    el("h3", { id: "plan-heading", text: "Action plan" }),
    el("p", { text: "Every pledge is on the plan. Add actions, say who will do them and by when, and keep them up to date: also after the workshop has ended." }),
    counts, list,
    el("div", { class: "plan-tools" }, add.node,
      el("div", { class: "plan-summary" },
        el("h4", { text: "Summary for managers" }),
        el("p", { text: "One page: outcomes met, what is working and not working, whose voice was heard, and the actions." }),
        summaries, say),
      follow.node));
  return { counts, list, add };
}

// A follow-up in its look back: what each table has said so far of each earlier action.
function renderLookBack(view) {
  const panel = $("look-back-panel");
  const looking = view.tables.filter((t) => t.stage === "look_back");
  if (!panel) return;
  panel.hidden = !view.room.follows || view.room.ended || looking.length === 0;
  if (panel.hidden) return;
  const said = new Map();
  for (const table of looking) {
    for (const action of table.look_back) {
      if (!said.has(action.id)) said.set(action.id, { text: action.text, tables: [] });
      if (action.said.length) said.get(action.id).tables.push(`${table.name}: ${(STATUSES.find(([id]) => id === action.status) || [0, action.status])[1]}`);
    }
  }
  panel.replaceChildren(
    el("h2", { id: "look-back-heading", text: `Looking back at “${view.room.follows.title}”` }),
    el("ul", { class: "plan-list" }, ...[...said.values()].map((action) => el("li", { class: "plan-item" },
      el("p", { class: "plan-text", text: action.text }),
      el("p", { class: "plan-facts", text: action.tables.length ? action.tables.join(" · ") : "No table has said yet." })))));
}

export function renderPlan(view) {
  renderLookBack(view);
  const panel = $("plan-panel");
  if (!panel || !view.plan) return;
  ctx.view = view;
  if (!ctx.parts) ctx.parts = build(panel, view);
  const { counts, list, add } = ctx.parts;
  const actions = view.plan.actions;
  const tally = STATUSES.map(([id, label]) => `${actions.filter((a) => a.status === id).length} ${label.toLowerCase()}`);
  counts.textContent = actions.length ? `${actions.length} ${actions.length === 1 ? "action" : "actions"}: ${tally.join(", ")}.` : "No actions yet: pledges appear here as soon as they are made.";
  const next = actions.map((a) => a.id).join(",");
  if (next !== shape) {
    shape = next;
    const old = items;
    items = new Map(actions.map((a) => [a.id, old.get(a.id) || actionItem(a)]));
    list.replaceChildren(...[...items.values()].map((item) => item.node));
  }
  for (const action of actions) items.get(action.id).update(action);
  add.update(view);
}
