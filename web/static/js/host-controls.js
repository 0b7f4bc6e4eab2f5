// The room-wide controls: start, stages, pause, lock, seat everyone, tables, the answers
// setting, end; the timer; the message to everyone; "I need more time"; join details.

import { STAGES, confirmStep, minutesText, off, run, setOptions } from "./host-util.js";

const $ = (id) => document.getElementById(id);
let current = null; // the newest host view

export function initControls(live, { hostLink }) {
  const say = $("controls-status");

  $("start").addEventListener("click", () => run(live, say, "start", {}, "The workshop has started."));
  $("seat-all").addEventListener("click", () => run(live, say, "seat_all", {}, "Everyone waiting now has a table."));
  $("add-table").addEventListener("click", () => run(live, $("tables-status"), "add_table", {}, "A new table was added."));
  $("pause").addEventListener("click", () => {
    const paused = current && current.room.paused;
    run(live, say, paused ? "resume" : "pause", {}, paused ? "Everyone can carry on." : "Everyone is paused.");
  });
  $("lock").addEventListener("click", () => {
    const locked = current && current.room.locked;
    run(live, say, locked ? "unlock" : "lock", {}, locked ? "New people can join again." : "Nobody new can join now.");
  });
  setOptions($("stage-all"), STAGES);
  $("stage-all-go").addEventListener("click", () => {
    const stage = $("stage-all").value;
    const label = STAGES.find(([id]) => id === stage)[1];
    run(live, say, "stage", { stage, table: null }, `All tables are now at: ${label}.`);
  });
  $("hide-until-reveal").addEventListener("change", async (event) => {
    const box = event.target;
    const hide = box.checked;
    const ack = await run(live, say, "settings", { hide_until_reveal: hide },
      hide ? "Answers stay hidden until each table shows them." : "Answers show as soon as they are written.");
    if (!ack.ok && current) box.checked = current.room.hide_until_reveal;
  });
  confirmStep($("end"), $("end-confirm"), $("end-yes"), $("end-no"), async () => {
    const ack = await run(live, $("end-status"), "end", {}, "The workshop has ended.");
    if (ack.ok) {
      const note = $("ended-note");
      note.tabIndex = -1;
      note.focus();
    }
  });

  initTimer(live);
  initBroadcast(live);
  initJoinDetails(hostLink);
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
  $("more-time-add").addEventListener("click", async () => {
    const ack = await run(live, $("more-time-status"), "timer", { add: 120 }, "");
    if (ack.ok) {
      say.textContent = "Added 2 minutes for everyone.";
      $("timer-heading").tabIndex = -1;
      $("timer-heading").focus();
    }
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

function initJoinDetails(hostLink) {
  const dialog = $("join-large");
  $("show-join").addEventListener("click", () => dialog.showModal());
  $("join-large-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => $("show-join").focus());

  $("copy-host").addEventListener("click", async () => {
    const say = $("copy-host-status");
    const link = hostLink();
    try {
      await navigator.clipboard.writeText(link);
      say.textContent = "Host link copied. Send it privately to your co-facilitator.";
    } catch {
      // no clipboard (plain http): show the link to copy by hand
      $("host-link").value = link;
      $("host-link-box").hidden = false;
      $("host-link").select();
      say.textContent = "Copy the host link below and send it privately.";
    }
  });
}

export function renderControls(view) {
  current = view;
  const { room } = view;
  const start = $("start");
  start.textContent = room.stage === "lobby" ? "Start the workshop" : "Workshop started";
  off(start, room.stage !== "lobby");
  $("pause").textContent = room.paused ? "Resume" : "Pause everyone";
  $("lock").textContent = room.locked ? "Unlock the room" : "Lock the room";
  const waiting = view.players.filter((p) => p.table === null).length;
  off($("seat-all"), waiting === 0);
  $("seat-all").textContent = waiting ? `Seat everyone (${waiting} waiting)` : "Seat everyone";
  const hide = $("hide-until-reveal");
  if (document.activeElement !== hide) hide.checked = room.hide_until_reveal;
  setOptions($("stage-all"), STAGES, room.stage);
  $("end").hidden = room.ended;

  $("notice-now").textContent = room.notice ? `Showing now: ${room.notice.text}` : "No message showing.";
  off($("broadcast-clear"), !room.notice);

  const asking = view.more_time || [];
  $("more-time").hidden = asking.length === 0;
  if (asking.length) {
    const where = Object.fromEntries(view.tables.map((t) => [t.id, t.name]));
    const seat = Object.fromEntries(view.players.map((p) => [p.id, p.table]));
    const names = asking.map((p) => (where[seat[p.id]] ? `${p.name} (${where[seat[p.id]]})` : p.name));
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
    $("more-time-who").textContent = `${list} ${asking.length === 1 ? "has" : "have"} asked for more time.`;
  }
  off($("timer-clear"), !room.timer);
}

export function tickTimer(view, offset) {
  const display = $("timer-display");
  const { timer } = view.room;
  if (!timer) {
    display.textContent = "No timer running";
    display.className = "h-timer h-timer-none";
    return;
  }
  const left = Date.parse(timer.ends_at) - (Date.now() + offset);
  if (left <= 0) {
    display.textContent = "Time is up";
    display.className = "h-timer h-timer-up";
  } else {
    display.textContent = minutesText(left);
    display.className = "h-timer";
  }
}
