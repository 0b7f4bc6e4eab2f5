// The workshop's settings: hidden answers, letting each newcomer in by hand, how long a turn
// waits for someone who has gone, and locking the room to newcomers.

import { run, setOptions, settle } from "./host-util.js";

const $ = (id) => document.getElementById(id);
const AWAY = [
  ["60", "1 minute"],
  ["120", "2 minutes"],
  ["300", "5 minutes"],
  ["600", "10 minutes"],
  ["0", "Never: the turn waits for them"],
];
let current = null;

function checkbox(live, id, name, on, offText) {
  $(id).addEventListener("change", async (event) => {
    const box = event.target;
    const ack = await run(live, $("settings-status"), "settings", { [name]: box.checked }, box.checked ? on : offText);
    if (!ack.ok && current) box.checked = current.room[name];
  });
}

export function initSettings(live) {
  checkbox(live, "hide-until-reveal", "hide_until_reveal",
    "Answers stay hidden until each table shows them.", "Answers show as soon as they are written.");
  checkbox(live, "admit-by-hand", "admit",
    "Newcomers now wait until you let them in.", "Newcomers come straight in.");
  const away = $("away-after");
  away.addEventListener("change", async () => {
    const seconds = Number(away.value);
    const label = away.selectedOptions[0].textContent;
    const ack = await run(live, $("settings-status"), "settings", { away_after: seconds },
      seconds ? `A turn now passes on after ${label}.` : "A turn now waits for the person whose turn it is.");
    settle(away);
    if (!ack.ok && current) away.value = String(current.room.away_after);
  });
  $("lock").addEventListener("click", () => {
    const locked = current && current.room.locked;
    run(live, $("settings-status"), locked ? "unlock" : "lock", {},
      locked ? "New people can join again." : "Nobody new can join now.");
  });
}

export function renderSettings(view) {
  current = view;
  const { room } = view;
  for (const [id, name] of [["hide-until-reveal", "hide_until_reveal"], ["admit-by-hand", "admit"]]) {
    if (document.activeElement !== $(id)) $(id).checked = room[name];
  }
  const seconds = String(room.away_after);
  const options = AWAY.some(([value]) => value === seconds)
    ? AWAY
    : [...AWAY, [seconds, `${Math.round(room.away_after / 60)} minutes`]];
  setOptions($("away-after"), options, seconds);
  $("lock").textContent = room.locked ? "Unlock the room" : "Lock the room";
}
