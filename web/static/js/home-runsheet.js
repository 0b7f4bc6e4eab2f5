// The run sheet on the home page form: the workshop's length (60, 90 or 120 minutes), the
// facilitator's own minutes for each step, or none. `POST /api/rooms` takes it as `run_sheet`.

import { say } from "./words.js"; // home.js adds the home page's words first

const select = document.getElementById("run-length");
const own = document.getElementById("own-plan");

export function initRunSheetChoice() {
  if (!select) return;
  const show = () => { own.hidden = select.value !== "own"; };
  select.addEventListener("change", show);
  show();
}

// {run_sheet} to send, {} for none, or {error} to show.
export function runSheetChoice() {
  if (!select || !select.value) return {};
  if (select.value !== "own") return { run_sheet: { minutes: Number(select.value) } };
  const steps = [];
  for (const input of own.querySelectorAll("input[data-step]")) {
    const minutes = Number(input.value);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 240) {
      input.focus();
      return { error: say("home.error.minutes") };
    }
    if (minutes) steps.push({ step: input.dataset.step, minutes });
  }
  return steps.length ? { run_sheet: { steps } } : { error: say("home.error.no_steps") };
}
