// The facilitator's visible countdown. It only informs: at zero it says "Time is up" and
// nothing else happens to anybody. The server's clock (`view.now`) corrects this device's.

import { el } from "./live.js";
import { announce, icon } from "./dom.js";
import { say } from "./words.js";

function clock(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

function minutes(seconds) {
  if (seconds < 60) return say("timer.seconds", { n: seconds });
  return say("timer.minutes", { n: Math.round(seconds / 60) });
}

// `quiet`: a second copy of the same timer (the small bar at the top) that says nothing
// aloud and is not a second role=timer for screen readers.
export function createTimer({ quiet = false } = {}) {
  // role=timer is not announced every second; we announce the start and the end ourselves
  const node = el("p", { class: quiet ? "timer timer-mini" : "timer", role: quiet ? null : "timer", hidden: true });
  let endsAt = null;
  let offset = 0; // server time minus this device's time, in ms
  let ticking = null;
  let current = null;
  let startedAt = null; // the timer last shown (a resume keeps it)
  let first = true; // the timer already running when the page opened is not news

  function left() {
    return Math.ceil((endsAt - (Date.now() + offset)) / 1000);
  }

  function tick() {
    const seconds = left();
    if (seconds <= 0) {
      node.textContent = say("timer.up");
      node.classList.add("timer-up");
      clearInterval(ticking);
      ticking = null;
      return true;
    }
    node.classList.remove("timer-up");
    if (quiet) {
      // the small bar: a clock and the time; "Time left" only for screen readers
      node.replaceChildren(icon("clock", "timer-icon"), el("span", { class: "sr-only", text: say("timer.left_short") }), clock(seconds));
    } else {
      node.textContent = say("timer.left", { clock: clock(seconds) });
    }
    return false;
  }

  // A paused room's timer shows the time it kept; a resumed or lengthened timer is "now has
  // N minutes left", not a new one "started".
  function showPaused(seconds) {
    if (seconds <= 0) { // paused after the time ran out
      node.textContent = say("timer.up");
      node.classList.add("timer-up");
      return;
    }
    node.classList.remove("timer-up");
    if (quiet) node.replaceChildren(icon("clock", "timer-icon"), el("span", { class: "sr-only", text: say("timer.paused_short") }), clock(seconds));
    else node.textContent = say("timer.paused", { clock: clock(seconds) });
  }

  function update(timer, now) {
    if (now) offset = Date.parse(now) - Date.now();
    const paused = Boolean(timer && !timer.ends_at && timer.paused_left != null);
    const key = !timer ? null : paused ? `paused:${timer.paused_left}` : timer.ends_at || null;
    const news = !first;
    first = false;
    if (key === current) return;
    // a timer still counting (or paused) when this one came: more time, or the same one resumed
    const wasPaused = current !== null && current.startsWith("paused:");
    const running = wasPaused || (current !== null && endsAt > Date.now() + offset);
    const sameTimer = Boolean(timer && timer.started_at && timer.started_at === startedAt);
    const goesOn = running || sameTimer;
    current = key;
    startedAt = timer ? timer.started_at : null;
    clearInterval(ticking);
    ticking = null;
    if (!key) {
      node.hidden = true;
      return;
    }
    node.hidden = false;
    if (paused) {
      showPaused(timer.paused_left);
      // a timer set (or changed) during a break: said now, so "now has ... left" after the break
      // is not the first word of it; a running timer paused with the room is not news
      if (news && !quiet && (!sameTimer || wasPaused)) {
        announce(say(sameTimer ? "timer.changed" : "timer.set_paused", { time: minutes(timer.paused_left) }));
      }
      return;
    }
    endsAt = Date.parse(key);
    if (!tick()) {
      ticking = setInterval(() => {
        if (tick() && !quiet) announce(say("timer.up_news"));
      }, 1000);
      if (news && !quiet) announce(say(goesOn ? "timer.changed" : "timer.started", { time: minutes(left()) }));
    }
  }
  return { node, update };
}
