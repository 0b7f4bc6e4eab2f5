// Small helpers shared by the host page's modules.

import { el } from "./live.js";
import { say } from "./words.js";

export const STAGES = [
  ["lobby", "Lobby"],
  ["look_back", "Look back"],
  ["play", "Play"],
  ["reflect", "Reflect"],
  ["pledge", "Pledge"],
  ["closed", "Closed"],
];

// The stages this workshop has: only a follow-up looks back at the one before.
export function stagesFor(room) {
  return STAGES.filter(([id]) => id !== "look_back" || (room && room.follows));
}

export function stageLabel(stage) {
  const found = STAGES.find(([id]) => id === stage);
  return found ? found[1] : stage;
}

// The card types in the same words as the participants' card (card.js, words-en.js).
const CARD_TYPES = ["scenario", "reflection", "question", "wild", "working"];

export function cardType(type) {
  return say(CARD_TYPES.includes(type) ? `card.${type}` : "card.other", {}, false);
}

export function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

// "Ana", "Ana and Ben", "Ana, Ben and Chidi"
export function listWords(words) {
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : words[0] || "";
}

// Send one act and say how it went in `status` (a polite live region next to the control).
// Returns the acknowledgement.
export async function run(live, status, type, fields = {}, done = "") {
  if (status) {
    status.classList.remove("status-error");
    status.textContent = "";
  }
  const ack = await live.act(type, fields);
  if (status) {
    if (ack && ack.ok) {
      status.textContent = done;
    } else {
      status.classList.add("status-error");
      status.textContent = ack && ack.error ? ack.error.message : "That did not work. Please try again.";
    }
  }
  return ack || { ok: false };
}

// Replace a <select>'s options only when they changed, keeping the chosen value if it is
// still there, so a view arriving while someone is choosing does not disturb them. With no
// options it shows `empty` (a select always has a value). `preferred` (what the room says
// now) is applied only while the person has not chosen something themselves: a choice made
// by hand stays until `settle(select)` (after its action is done).
export function setOptions(select, options, preferred, empty = "None yet") {
  const shown = options.length ? options : [["", empty]];
  const wanted = shown.map(([value, label]) => `${value}\u0000${label}`).join("\u0001");
  const current = select.value;
  if (!select.dataset.watched) {
    select.dataset.watched = "yes";
    select.addEventListener("change", () => { select.dataset.touched = "yes"; });
  }
  if (select.dataset.options !== wanted) {
    select.replaceChildren(...shown.map(([value, label]) => el("option", { value, text: label })));
    select.dataset.options = wanted;
    if (shown.some(([value]) => value === current)) select.value = current;
  }
  const busy = document.activeElement === select || select.dataset.touched;
  if (preferred !== undefined && !busy && select.dataset.preferred !== preferred) {
    select.dataset.preferred = preferred;
    select.value = preferred;
  }
}

// The person's own choice in `select` has been acted on: the room's value leads again.
export function settle(select) {
  delete select.dataset.touched;
  delete select.dataset.preferred;
}

// Run `action` once at a time for `button`: a second press while the first is on its way
// (a double-click) does nothing. After it worked, `waiting(button, n)` stays true until a
// view numbered with the action's `n` arrives, so a second press never meets a stale screen.
export function once(button, action) {
  button.addEventListener("click", () => guard(button, action));
}

// `action` for `button`, unless the button's last action is still on its way (see `once`).
export async function guard(button, action) {
  if (button.dataset.busy || button.dataset.waitN) return;
  button.dataset.busy = "yes";
  let ack = null;
  try {
    ack = await action();
  } finally {
    if (ack && ack.ok && ack.n) {
      button.dataset.waitN = String(ack.n);
      setTimeout(() => delete button.dataset.waitN, 3000); // in case that view never comes
    }
    delete button.dataset.busy;
  }
}

// Whether a button sent with `once` is still waiting for the view numbered `n` or later.
export function waiting(button, n) {
  if (button.dataset.busy) return true;
  if (button.dataset.waitN && n >= Number(button.dataset.waitN)) delete button.dataset.waitN;
  return Boolean(button.dataset.waitN);
}

// A button that asks "are you sure?" inline before doing something: shows `box`, moves focus
// to its first button; "no" hides it and returns focus.
export function confirmStep(trigger, box, yes, no, onYes) {
  trigger.addEventListener("click", () => {
    box.hidden = false;
    yes.focus();
  });
  no.addEventListener("click", () => {
    box.hidden = true;
    trigger.focus();
  });
  yes.addEventListener("click", async () => {
    await onYes();
    box.hidden = true;
  });
}

export function minutesText(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return `${minutes}:${seconds}`;
}

// Mark a control as not usable just now (for a reason other than the workshop ending).
export function off(control, value) {
  control.toggleAttribute("data-off", Boolean(value));
}

// Controls inside every [data-live] area are disabled once the workshop has ended
// (read-only), and otherwise only when marked with `off`.
export function setReadOnly(root, ended) {
  for (const area of root.querySelectorAll("[data-live]")) {
    const controls = area.matches("button, input, select, textarea")
      ? [area]
      : area.querySelectorAll("button, input, select, textarea");
    for (const control of controls) {
      control.disabled = ended || control.hasAttribute("data-off");
    }
  }
}

// Two people with one name ("Jo" taken out, and a new "Jo" joining) are told apart by the
// order they came in: "Jo (1)", "Jo (2)"; everyone else keeps their own name. Used wherever
// the host page names people: the people list, the tables, the alerts.
export function namesApart(players) {
  const same = (p) => p.name.trim().toLowerCase(); // "Jo" and "jo " are one name, as at the tables
  const count = new Map();
  for (const p of players) count.set(same(p), (count.get(same(p)) || 0) + 1);
  const seen = new Map();
  return new Map(players.map((p) => {
    if (count.get(same(p)) < 2) return [p.id, p.name];
    seen.set(same(p), (seen.get(same(p)) || 0) + 1);
    return [p.id, `${p.name} (${seen.get(same(p))})`];
  }));
}
