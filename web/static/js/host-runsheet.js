// The run sheet on the host page: the facilitator's timed plan (welcome, play, reflect,
// pledge, close), what to say at each step, the time left, and a gentle prompt when it is
// time to move on. Nothing ever moves by itself: the prompt only says so.
// The plan is kept with the room (`view.run_sheet`, server/game/run_sheet.py), so every host
// device shows the same; `runSheetNow` works out where it is from its start time and now.

import { el } from "./live.js";
import { run } from "./host-util.js";

const LENGTHS = [60, 90, 120];

// Where the plan is at `now` (ms), for the room at `stage`: the step the room is on (by its
// stage), the step the clock says, minutes gone and left, and a prompt (or null).
export function runSheetNow(sheet, stage, now, ended = false) {
  const starts = [];
  let total = 0;
  for (const step of sheet.steps) {
    starts.push(total);
    total += step.minutes;
  }
  const actual = sheet.steps.findIndex((step) => step.stage === stage);
  if (!sheet.begun_at) return { begun: false, starts, total, actual, step: Math.max(actual, 0), prompt: null };
  const elapsed = (now - Date.parse(sheet.begun_at)) / 60000 + (starts[sheet.from || 0] || 0);
  let planned = sheet.steps.findIndex((step, i) => elapsed < starts[i] + step.minutes);
  if (planned === -1) planned = sheet.steps.length - 1;
  const step = actual >= 0 ? actual : planned;
  const stepEnd = starts[step] + sheet.steps[step].minutes;
  let prompt = null;
  if (!ended && elapsed >= stepEnd) {
    const last = step === sheet.steps.length - 1;
    prompt = last ? `The planned time is up. ${sheet.steps[step].next}`
      : `Time to move on to ${sheet.steps[step + 1].title}. ${sheet.steps[step].next} Only when you are ready.`;
  }
  // moved on early: the step has its own minutes, not the rest of the plan's time before it
  const ahead = Math.max(0, starts[step] - elapsed);
  const stepLeft = Math.min(stepEnd - elapsed, sheet.steps[step].minutes);
  return { begun: true, starts, total, actual, step, elapsed, stepLeft, ahead, totalLeft: total - elapsed, prompt };
}

// "0:45": minutes from the start.
export function clockText(minutes) {
  const whole = Math.max(0, Math.floor(minutes));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

// "12 minutes left" (rounded up), or "1 minute over" (rounded down, at least 1).
function minutesWords(minutes) {
  const m = minutes >= 0 ? Math.ceil(minutes) : Math.max(1, Math.floor(-minutes));
  return minutes >= 0 ? `${countMinutes(m)} left` : `${countMinutes(m)} over`;
}

function countMinutes(m) {
  return m === 1 ? "1 minute" : `${m} minutes`;
}

// The time the room was booked for, whatever pace the room keeps: "78 minutes to the planned end".
function endWords(minutes) {
  return minutes >= 0 ? `${countMinutes(Math.ceil(minutes))} to the planned end` : `${countMinutes(Math.max(1, Math.floor(-minutes)))} past the planned end`;
}

export function initRunSheet(live, code, key) {
  const status = el("p", { class: "status", role: "status" });
  const prompt = el("p", { class: "runsheet-prompt", role: "status" }); // empty when nothing to say
  const now = el("p", { class: "runsheet-now" });
  const say = el("blockquote", { class: "runsheet-say" });
  const plan = el("ol", { class: "runsheet-plan" });
  const begin = el("button", { type: "button", class: "h-btn h-btn-go", text: "Start the clock now" });
  const lengths = el("select", { id: "run-sheet-length" },
    ...LENGTHS.map((m) => el("option", { value: String(m), text: `${m} minutes` })));
  lengths.value = "90";
  const choose = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Use this length" });
  const print = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Print the run sheet" });
  const section = el("section", { class: "h-panel runsheet", id: "run-sheet", "aria-labelledby": "run-sheet-heading" },
    el("h2", { id: "run-sheet-heading", text: "Run sheet" }),
    prompt, now,
    el("div", { class: "h-row", "data-live": true }, begin),
    el("h3", { class: "runsheet-say-heading", text: "What to say" }), say,
    el("details", { class: "runsheet-details" }, el("summary", { text: "The whole plan" }), plan),
    el("div", { class: "h-row", "data-live": true },
      el("label", { for: "run-sheet-length", text: "Length" }), lengths, choose),
    el("div", { class: "h-row" }, print),
    status);

  let view = null;
  let offset = null; // server time minus this device's, from the first view

  begin.addEventListener("click", () => run(live, status, "run_sheet", { begin: true }, "The run sheet's clock has started."));
  choose.addEventListener("click", () => run(live, status, "run_sheet", { minutes: Number(lengths.value) },
    `The run sheet is now ${lengths.value} minutes.`));
  print.addEventListener("click", () => download(code, key, status));

  function tick() {
    if (!view || !view.run_sheet) return;
    const sheet = view.run_sheet;
    const where = runSheetNow(sheet, view.room.stage, Date.now() + (offset || 0), view.room.ended);
    const step = sheet.steps[where.step];
    if (view.room.ended) now.textContent = "The workshop has ended: the run sheet's clock has stopped.";
    else if (!where.begun) now.textContent = `${sheet.minutes} minutes in all. The clock starts when you start the workshop, or now.`;
    else {
      const early = where.ahead >= 1 ? ` · ${countMinutes(Math.floor(where.ahead))} ahead of the plan` : "";
      now.textContent = `Now: ${step.title} · ${minutesWords(where.stepLeft)} in this step${early} · ${endWords(where.totalLeft)}`;
    }
    begin.hidden = where.begun || view.room.ended;
    if (say.textContent !== step.say) say.textContent = step.say;
    for (const [i, item] of [...plan.children].entries()) item.classList.toggle("is-now", i === where.step);
    if ((where.prompt || "") !== prompt.textContent) prompt.textContent = where.prompt || "";
  }

  function render(next) {
    view = next;
    if (offset === null) offset = Date.parse(next.now) - Date.now();
    const sheet = next.run_sheet;
    section.classList.toggle("is-empty", !sheet);
    for (const node of [now, say, section.querySelector(".runsheet-say-heading"), section.querySelector("details"), print]) {
      node.hidden = !sheet;
    }
    choose.textContent = sheet ? "Change the length" : "Make a run sheet";
    if (sheet && LENGTHS.includes(sheet.minutes) && document.activeElement !== lengths) lengths.value = String(sheet.minutes);
    if (!sheet) {
      begin.hidden = true;
      prompt.textContent = "";
      return;
    }
    const where = runSheetNow(sheet, next.room.stage, Date.now() + offset);
    plan.replaceChildren(...sheet.steps.map((step, i) => el("li", {},
      el("strong", { text: `${clockText(where.starts[i])}–${clockText(where.starts[i] + step.minutes)} ${step.title}` }),
      ` (${step.minutes} min). ${step.next}`)));
    tick();
  }

  setInterval(tick, 1000);
  return { section, render };
}

async function download(code, key, status) {
  status.classList.remove("status-error");
  try {
    const response = await fetch(`/api/rooms/${code}/run-sheet.html`, { headers: { Authorization: `Bearer ${key() || ""}` } });
    if (!response.ok) throw new Error((await response.json()).error.message);
    const link = el("a", { href: URL.createObjectURL(await response.blob()), download: `inourshoes-${code}-run-sheet.html`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    status.textContent = "The run sheet is downloading: open it and print it (one page).";
  } catch (err) {
    status.classList.add("status-error");
    status.textContent = err.message && !err.message.startsWith("Failed") ? err.message : "The download did not work. Please try again.";
  }
}
