// Small helpers shared by the host page's modules.

import { el } from "./live.js";

export const STAGES = [
  ["lobby", "Lobby"],
  ["play", "Play"],
  ["reflect", "Reflect"],
  ["pledge", "Pledge"],
  ["closed", "Closed"],
];

export function stageLabel(stage) {
  const found = STAGES.find(([id]) => id === stage);
  return found ? found[1] : stage;
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
// still there, so a view arriving while someone is choosing does not disturb them.
export function setOptions(select, options, preferred) {
  const wanted = options.map(([value, label]) => `${value}\u0000${label}`).join("\u0001");
  const current = select.value;
  if (select.dataset.options !== wanted) {
    select.replaceChildren(...options.map(([value, label]) => el("option", { value, text: label })));
    select.dataset.options = wanted;
    if (options.some(([value]) => value === current)) select.value = current;
  }
  if (preferred !== undefined && document.activeElement !== select && select.dataset.preferred !== preferred) {
    select.dataset.preferred = preferred;
    select.value = preferred;
  }
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
