// The room-wide controls: where the workshop is now (stages, start, the next stage, pause),
// seating, moving every table, the end; the timer; the message to everyone; "I need more
// time"; the join details shown large.

import { confirmStep, guard, stagesFor, listWords, minutesText, namesApart, off, once, run, setOptions, settle, stageLabel, waiting } from "./host-util.js";
import { el } from "./live.js";
import { reveal } from "./host-moments.js";

const $ = (id) => document.getElementById(id);
let current = null; // the newest host view

// What "the next stage" button says and does at each stage.
const NEXT = {
  look_back: ["play", "Start playing the cards"],
  play: ["reflect", "Move everyone to Reflect"],
  reflect: ["pledge", "Move everyone to Pledge"],
  pledge: ["closed", "Close the tables"],
};

const FRESH_MS = 1000; // how long a stage button that has just appeared ignores presses

export function initControls(live, { onEnded }) {
  const say = $("now-status");
  once($("start"), () => run(live, say, "start", {}, "The workshop has started."));
  const moveOn = async () => {
    const [stage] = NEXT[current.room.stage];
    const ack = await run(live, say, "stage", { stage, table: null }, `All tables are now at: ${stageLabel(stage)}.`);
    if (ack.ok) afterMove(live, say, stage, ack.n);
    return ack;
  };
  // a room-wide move in the middle of cards is asked first (one press by mistake stops every
  // table mid-card); between cards, or at other stages, it goes at once
  $("stage-next").addEventListener("click", () => {
    const busy = current.room.stage === "play" ? namesOnACard(current) : [];
    if (!busy.length) {
      guard($("stage-next"), moveOn);
      return;
    }
    const [, label] = NEXT[current.room.stage];
    $("stage-question").textContent = `${listWords(busy)} ${busy.length === 1 ? "is" : "are"} in the middle of a card. ${label} now? The cards wait for them if you go back to Play.`;
    $("stage-yes").textContent = `Yes, ${label[0].toLowerCase()}${label.slice(1)}`;
    $("stage-confirm").hidden = false;
    $("stage-yes").focus();
  });
  $("stage-yes").addEventListener("click", async () => {
    $("stage-confirm").hidden = true;
    $("stage-steps").focus(); // not onto the next stage's button: a second Enter would press it
    await guard($("stage-next"), moveOn);
  });
  $("stage-no").addEventListener("click", () => {
    $("stage-confirm").hidden = true;
    $("stage-next").focus();
  });
  // closed: what is left is the end, at the foot of "Closing"; this takes you there
  $("end-next").addEventListener("click", () => goTo($("end-panel"), $("end")));
  $("pause").addEventListener("click", () => {
    const paused = current && current.room.paused;
    run(live, say, paused ? "resume" : "pause", {}, paused ? "Everyone can carry on." : "Everyone is paused.");
  });
  const seat = () => run(live, $("people-status"), "seat_all", {}, "Everyone waiting now has a table.");
  once($("seat-all"), seat);
  once($("seat-all-now"), seat);
  // a conference is set up in one go: "Tables to add" 20, not twenty presses
  $("add-table").addEventListener("click", () => {
    const count = Math.round(Number($("add-count").value));
    if (!(count >= 1)) {
      $("people-status").textContent = "Say how many tables to add: 1 or more.";
      $("add-count").focus();
      return;
    }
    run(live, $("people-status"), "add_table", { count }, count === 1 ? "A new table was added." : `${count} new tables were added.`);
  });
  setOptions($("stage-all"), stagesFor(null));
  $("stage-all-go").addEventListener("click", async () => {
    const stage = $("stage-all").value;
    const ack = await run(live, $("stages-status"), "stage", { stage, table: null }, `All tables are now at: ${stageLabel(stage)}.`);
    if (ack.ok) {
      settle($("stage-all"));
      afterMove(live, $("stages-status"), stage, ack.n);
    }
  });
  confirmStep($("end"), $("end-confirm"), $("end-yes"), $("end-no"), async () => {
    const ack = await run(live, $("end-status"), "end", {}, "The workshop has ended.");
    if (ack.ok) onEnded();
  });

  initTimer(live);
  initBroadcast(live);
  initJoinDetails();
  initGoTables();
}

function initTimer(live) {
  const say = $("timer-status");
  $("timer-start").addEventListener("click", () => {
    const minutes = Number($("timer-minutes").value);
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 240) {
      say.classList.add("status-error");
      say.textContent = "Please choose between 1 and 240 minutes.";
      return;
    }
    run(live, say, "timer", { seconds: Math.round(minutes * 60) }, `Timer started: ${minutes} min.`);
  });
  $("timer-add1").addEventListener("click", () => run(live, say, "timer", { add: 60 }, "Added 1 minute."));
  $("timer-add2").addEventListener("click", () => run(live, say, "timer", { add: 120 }, "Added 2 minutes."));
  $("timer-clear").addEventListener("click", () => run(live, say, "timer", { seconds: null }, "Timer cleared."));
  once($("more-time-add"), async () => {
    const ack = await run(live, $("more-time-status"), "timer", { add: 120 }, "");
    if (ack.ok) $("now-status").textContent = "Added 2 minutes for everyone.";
    return ack;
  });
}

function initBroadcast(live) {
  const say = $("broadcast-status");
  const box = $("broadcast-text");
  $("broadcast-send").addEventListener("click", async () => {
    if (!box.value.trim()) {
      say.classList.add("status-error");
      say.textContent = "Please write a message first.";
      box.focus();
      return;
    }
    const ack = await run(live, say, "broadcast", { text: box.value }, "Sent to everyone.");
    if (ack.ok) box.value = "";
  });
  $("broadcast-clear").addEventListener("click", () => run(live, say, "broadcast", { text: "" }, "Message cleared."));
}

// The tables are below the timer and the message: one press takes the facilitator there.
function initGoTables() {
  $("go-tables").addEventListener("click", () => {
    const heading = $("tables-heading");
    reveal(heading);
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  });
}

function initJoinDetails() {
  const dialog = $("join-large");
  $("show-join").addEventListener("click", () => dialog.showModal());
  $("join-large-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => $("show-join").focus());
}

// Every table moved on: a message or a timer set for the stage before ("Ten minutes left for
// cards") would stay on every screen and the big screen, so the facilitator is offered to
// clear each, one press, beside the stages, or to keep them. Each offer is for the very
// message or timer that was showing (`mark`): a new one made later is not cleared by it.
const LEFTOVERS = [
  ["notice", (room) => (room.notice && room.notice.text ? room.notice.at || room.notice.text : null), "broadcast", { text: "" }, "Clear the message", "Message cleared."],
  // at the close no screen shows the timer any more
  ["timer", (room) => (room.timer && room.stage !== "closed" ? room.timer.started_at || "on" : null), "timer", { seconds: null }, "Clear the timer", "Timer cleared."],
];

function leftoverWords(kinds) {
  if (kinds.length === 2) return "Your message and the timer are still showing to everyone.";
  return kinds[0] === "notice" ? "Your message is still showing to everyone." : "The timer is still running for everyone.";
}

let offerFor = null; // {stage, n}: every table was just moved to `stage`; offer once the view numbered n is here
let acting = null; // the connection and the status line of the move, for the offer

// The view with the move may come before its acknowledgement, or after it.
function afterMove(live, status, stage, n) {
  acting = { live, status };
  if (current.n >= n) offerToClear(current.room);
  else offerFor = { stage, n };
}

function offerToClear(room) {
  const box = $("stage-leftovers");
  const left = room.ended ? [] : LEFTOVERS.filter(([, mark]) => mark(room));
  box.hidden = !left.length;
  if (!left.length) return;
  const words = leftoverWords(left.map(([kind]) => kind));
  const keep = el("button", { type: "button", class: "h-btn h-btn-quiet leftovers-keep", text: left.length === 2 ? "Keep them" : "Keep it" });
  keep.addEventListener("click", () => {
    box.hidden = true;
    $("stage-steps").focus();
  });
  box.replaceChildren(el("p", { class: "leftovers-words", text: words }), ...left.map(([kind, mark, type, fields, label, done]) => {
    const button = el("button", { type: "button", class: "h-btn h-btn-quiet", "data-kind": kind, "data-mark": mark(room), text: label });
    button.addEventListener("click", () => run(acting.live, $("now-status"), type, fields, done));
    return button;
  }), keep);
  // heard with the move, wherever it was pressed (beside the offer itself, only heard)
  const beside = acting.status === $("now-status");
  acting.status.append(el("span", { class: beside ? "visually-hidden" : null, text: ` ${words}` }));
}

// What was cleared, or replaced by a new one (here or elsewhere), leaves the offer.
function renderLeftovers(room) {
  const box = $("stage-leftovers");
  if (box.hidden) return;
  for (const [kind, mark] of LEFTOVERS) {
    const button = box.querySelector(`[data-kind="${kind}"]`);
    if (button && (room.ended || String(mark(room)) !== button.dataset.mark)) {
      const had = button === document.activeElement;
      button.remove();
      const next = box.querySelector("[data-kind]");
      if (had) (next || $("stage-steps")).focus();
    }
  }
  const kinds = [...box.querySelectorAll("[data-kind]")].map((button) => button.dataset.kind);
  if (kinds.length) {
    box.querySelector(".leftovers-words").textContent = leftoverWords(kinds);
    box.querySelector(".leftovers-keep").textContent = kinds.length === 2 ? "Keep them" : "Keep it";
  } else {
    box.hidden = true;
  }
}

// Show a control in its moment (opened if folded) and put focus on it.
function goTo(place, focus) {
  reveal(place);
  focus.focus();
  place.scrollIntoView({ block: "nearest" });
}

// The tables with a card in play, by name.
function namesOnACard(view) {
  return view.tables.filter((t) => t.card && t.stage === "play").map((t) => t.name); // a card waits at a table moved on
}

function renderStages(room) {
  const at = room.ended ? "ended" : room.stage;
  // the button pressed goes away (Start, or the last stage's): focus must not fall to the page
  const pressed = [$("start"), $("stage-next")].includes(document.activeElement) ? document.activeElement : null;
  $("stage-steps").replaceChildren(...stagesFor(room).map(([id, label]) => el("li", {
    class: id === room.stage ? "is-now" : null,
    "aria-current": id === room.stage ? "step" : null,
  }, label, id === room.stage ? el("span", { class: "visually-hidden", text: " (now)" }) : null)));
  const start = $("start");
  start.hidden = at !== "lobby";
  const next = NEXT[at];
  const button = $("stage-next");
  // a stage button that has just taken the place of the one pressed (Start, or the last
  // stage's) waits a moment: the second click of a double-click must not move every table on
  if (next && (button.hidden || button.textContent !== next[1])) {
    button.dataset.freshUntil = String(Date.now() + FRESH_MS);
    setTimeout(() => {
      off(button, waiting(button, current.n));
      button.disabled = Boolean(current.room.ended) || button.hasAttribute("data-off");
    }, FRESH_MS + 20);
  }
  const fresh = Date.now() < Number(button.dataset.freshUntil || 0);
  button.hidden = !next;
  if (next) button.textContent = next[1];
  off(start, waiting(start, current.n));
  off(button, waiting(button, current.n) || fresh);
  $("end-next").hidden = at !== "closed";
  if (at !== "play" && !$("stage-confirm").hidden) { // moved on meanwhile (another host, one table at a time)
    const inside = $("stage-confirm").contains(document.activeElement);
    $("stage-confirm").hidden = true;
    if (inside) $("stage-steps").focus();
  }
  $("pause").hidden = room.ended;
  // (never onto a button that moves every table on: a second Enter would press it)
  if (pressed && pressed.hidden) ($("end-next").hidden ? $("stage-steps") : $("end-next")).focus();
  $("pause").textContent = room.paused ? "Resume" : "Pause everyone";
}

export function renderControls(view) {
  current = view;
  const { room } = view;
  if (offerFor && view.n >= offerFor.n) {
    const { stage } = offerFor;
    offerFor = null;
    if (room.stage === stage) offerToClear(room); // the view with the move has everything sent before it
  } else {
    renderLeftovers(room);
  }
  renderStages(room);
  const waitingForTable = view.players.filter((p) => p.table === null);
  const pressed = ["seat-all", "seat-all-now"].map($).find((button) => button === document.activeElement);
  for (const id of ["seat-all", "seat-all-now"]) {
    off($(id), waitingForTable.length === 0 || waiting($(id), view.n));
    $(id).textContent = waitingForTable.length ? `Seat everyone (${waitingForTable.length} waiting)` : "Seat everyone";
  }
  // in the lobby the seating panel is open anyway; later, newcomers need a table at once
  $("unseated-alert").hidden = room.ended || room.stage === "lobby" || waitingForTable.length === 0;
  // everyone seated: the button pressed goes (or is off); focus stays near it (the people
  // list it sits in, or the tables the alert sent them to), not at the top of the page
  if (pressed && waitingForTable.length === 0) $(pressed.id === "seat-all" ? "people-heading" : "tables-heading").focus();
  const labels = namesApart(view.players);
  $("unseated-alert-who").textContent = `${listWords(waitingForTable.map((p) => labels.get(p.id)))} ${waitingForTable.length === 1 ? "is" : "are"} not at a table yet.`;
  renderTies(view);
  setOptions($("stage-all"), stagesFor(room), room.stage);
  $("end-panel").hidden = room.ended;

  $("notice-now").textContent = room.notice ? `Showing now: ${room.notice.text}` : "No message showing.";
  off($("broadcast-clear"), !room.notice);

  const asking = view.more_time || [];
  hearAsking(asking, view, labels);
  $("more-time").hidden = asking.length === 0 || room.ended;
  off($("more-time-add"), waiting($("more-time-add"), view.n));
  if (asking.length) {
    $("more-time-who").textContent = `${listWords(askingNames(asking, view, labels))} ${asking.length === 1 ? "has" : "have"} asked for more time.`;
  }
  off($("timer-clear"), !room.timer);
}

// Say who has just asked for more time ("Ana (Table 1) asked for more time."), once each.
let heard = null; // ids already asking at the last view (null before the first view)
function hearAsking(asking, view, labels) {
  const now = new Set(asking.map((p) => p.id));
  const fresh = heard ? asking.filter((p) => !heard.has(p.id)) : [];
  heard = now;
  if (!fresh.length || view.room.ended) return;
  $("host-news").textContent = `${listWords(askingNames(fresh, view, labels))} asked for more time.`;
}

// "Jo (2) (Table 1)": who asks, told apart from a namesake, and where they sit.
function askingNames(asking, view, labels) {
  const where = Object.fromEntries(view.tables.map((t) => [t.id, t.name]));
  return asking.map((p) => {
    const name = labels.get(p.id) || p.name;
    return where[p.table] ? `${name} (${where[p.table]})` : name;
  });
}

export function tickTimer(view, offset) {
  const display = $("timer-display");
  const chip = $("timer-chip"); // the same time at the top of the page
  const { timer } = view.room;
  chip.hidden = !timer || view.room.ended || view.room.stage === "closed";
  const left = timer && timer.ends_at ? Date.parse(timer.ends_at) - (Date.now() + offset) : null;
  // [the timer's words, the chip's, its look]
  const [text, short, look] = !timer ? ["No timer running", "", "none"]
    : left === null ? [`Paused at ${minutesText((timer.paused_left || 0) * 1000)}`, `Timer paused: ${minutesText((timer.paused_left || 0) * 1000)} left`, "none"]
    : left <= 0 ? ["Time is up", "Time is up", "up"]
    : [minutesText(left), `Time left: ${minutesText(left)}`, ""];
  display.textContent = text;
  display.className = look ? `h-timer h-timer-${look}` : "h-timer";
  chip.textContent = short;
  chip.className = look === "up" ? "chip chip-timer chip-warn" : "chip chip-timer";
}

// A table stuck on a tie: said at the top, with a way to its card (two screens down).
let tiesShown = "";
function renderTies(view) {
  const tied = view.room.ended ? [] : view.tables.filter((t) => t.card && t.tie);
  const signature = JSON.stringify(tied.map((t) => [t.id, t.name]));
  $("tie-alert").hidden = tied.length === 0;
  if (signature === tiesShown) return;
  tiesShown = signature;
  $("tie-alert-who").textContent = tied.length
    ? `${listWords(tied.map((t) => t.name))} ${tied.length === 1 ? "has" : "have"} answers with the same votes. The table can choose one together, or you can choose for them.`
    : "";
  $("tie-alert-go").replaceChildren(...tied.map((t) => el("button", {
    type: "button",
    class: "h-btn",
    text: `Go to ${t.name}`,
    onclick: () => {
      const heading = $(`table-${t.id}-heading`);
      if (heading) goTo(heading, heading);
    },
  })));
}
