// The facilitator's screen: one live view of every table, and every control to run the
// workshop, grouped by moment (Before, During, Closing; host-moments.js).
// The host key comes from the link's #key=... fragment (never sent in a URL), is taken out of
// the address bar at once (the screen is often shared) and remembered in this browser
// (localStorage, per room: "My workshops" on the home page), and is sent with `host` after
// every (re)connect.

import { connect, el } from "./live.js";
import { useLegend } from "./legend.js";
import { initControls, renderControls, tickTimer } from "./host-controls.js";
import { initQuickBar } from "./host-quickbar.js";
import { initSettings, renderSettings } from "./host-settings.js";
import { renderAdmission } from "./host-admit.js";
import { initCohosts, renderCohosts } from "./host-cohosts.js";
import { initExports } from "./host-exports.js";
import { initFacilitate, renderFacilitate } from "./host-facilitate.js";
import { keepTools } from "./host-keep.js";
import { initMoments, renderMoments } from "./host-moments.js";
import { renderPeople } from "./host-people.js";
import { initPlan, renderPlan } from "./host-plan.js";
import { renderTables } from "./host-tables.js";
import { renderVoice } from "./host-voice.js";
import { initWall, renderWall } from "./host-wall.js";
import { roomProgress } from "./host-board.js";
import { forgetWorkshop, hostLink, rememberWorkshop, savedWorkshop } from "./host-saved.js";
import { setReadOnly, stageLabel } from "./host-util.js";
import { hearWith } from "./spoken.js";

const root = document.getElementById("host");
const code = root.dataset.code;
const $ = (id) => document.getElementById(id);

const state = { view: null, offset: 0, key: readKey(), link: null, live: null, stage: null };
hearWith(code, () => state.key); // spoken answers are fetched with the host key

// The key from the link (remembered once the server accepts it, so a mistyped link never
// replaces a good one), or the one this browser remembers.
function readKey() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("key");
  if (fromLink) {
    // Take the key out of the address bar: this screen is often shared on a video call.
    history.replaceState(null, "", location.pathname + location.search);
    return fromLink;
  }
  const saved = savedWorkshop(code);
  return saved ? saved.key : null;
}

// Forget the remembered key only if it is the one that no longer works.
function forgetKey(key) {
  const saved = savedWorkshop(code);
  if (saved && saved.key === key) forgetWorkshop(code);
}

function showProblem(heading, detail) {
  $("host-live").hidden = true;
  $("host-header-tools").hidden = true;
  $("host-problem").querySelector("h2").textContent = heading;
  if (detail) $("host-problem-detail").textContent = detail;
  $("host-problem").hidden = false;
  $("host-title").textContent = "Facilitator view";
}

async function sayHello() {
  if (!state.key) {
    showProblem("This host link is not right",
      "This link has no host key in it, and this browser does not remember this workshop. Please open the "
      + "full host link you were given when you made the workshop (it ends with #key=...).");
    return;
  }
  const ack = await state.live.call("host", { code, host_key: state.key });
  if (ack && ack.ok) {
    state.link = ack.link || "main";
    rememberWorkshop(code, { key: state.key, title: ack.view.room.title, created: ack.view.room.created_at, link: state.link });
    $("host-problem").hidden = true;
    render(ack.view);
  } else if (ack && ack.error && ack.error.code === "forbidden") {
    forgetKey(state.key);
    showProblem("This host link is not right",
      "We could not open this workshop with that host link. Please check you have the whole link, "
      + "including everything after the #. If a new host link was made, the old one no longer works.");
  } else {
    showProblem("We could not open the workshop", ack && ack.error ? ack.error.message : "Please try again.");
  }
}

// This page's link stopped working (a co-facilitator link was stopped, or the organiser made
// a new main link): say so, and forget the key here.
function linkStopped({ text }) {
  forgetKey(state.key);
  state.key = null;
  showProblem("This host link no longer works", text);
}

function chips(view) {
  const { room } = view;
  const people = `${view.players.length} ${view.players.length === 1 ? "person" : "people"}`;
  if (room.ended) {
    return [el("li", { class: "chip chip-warn", text: "Ended" }), el("li", { class: "chip", text: people })];
  }
  return [
    el("li", { class: `chip chip-${room.stage}`, text: `Stage: ${stageLabel(room.stage)}` }),
    room.paused ? el("li", { class: "chip chip-warn", text: "Paused" }) : null,
    el("li", { class: room.locked ? "chip chip-warn" : "chip", text: room.locked ? "Room locked" : "Room open to join" }),
    room.admit ? el("li", { class: "chip", text: "Letting people in by hand" }) : null,
    el("li", { class: "chip", text: people }),
  ].filter(Boolean);
}

// Status lines say what just happened; once the stage moves on (or the workshop ends) they
// would be stale ("All tables are now at: Pledge" after the end), so they are cleared.
function clearStaleStatus(room) {
  const stage = room.ended ? "ended" : room.stage;
  if (state.stage !== null && state.stage !== stage) {
    for (const line of root.querySelectorAll(".status")) {
      if (line.id !== "end-status" && line.id !== "now-status") line.textContent = "";
    }
    if (stage === "ended") $("now-status").textContent = "";
  }
  state.stage = stage;
}

function render(view) {
  state.view = view;
  state.offset = Date.parse(view.now) - Date.now();
  const { room } = view;
  useLegend(room.legend);
  $("host-live").hidden = false;
  $("host-header-tools").hidden = false;
  $("host-title").textContent = room.title;
  document.title = `Facilitator view · ${room.title} · In Our Shoes`;
  $("room-state").replaceChildren(...chips(view));
  $("paused-note").hidden = !room.paused || room.ended;
  $("ended-note").hidden = !room.ended;
  if (!room.notice || room.ended) $("notice").hidden = true; // no message lingers after the end
  clearStaleStatus(room);
  renderMoments(room);
  renderControls(view);
  quick.update(room);
  renderSettings(view);
  renderAdmission(view, state.live);
  renderCohosts(view, state.live, state.link);
  renderTables(view, state.live);
  renderPeople(view, state.live);
  renderVoice(view);
  renderWall(view);
  renderPlan(view);
  renderFacilitate(view);
  const progress = room.stage === "lobby" ? null : roomProgress(view); // nothing to count before the start
  $("room-progress").hidden = !progress;
  $("room-progress").textContent = progress || "";
  setReadOnly(root, room.ended);
  tickTimer(view, state.offset);
}

function showNotice({ text }) {
  const banner = $("notice");
  banner.textContent = `Message to everyone: ${text}`;
  banner.hidden = false;
  $("alert").textContent = banner.textContent; // said once (base.html)
}

state.live = connect({
  onView: (view) => {
    if (state.key) render(view);
  },
  onNotice: showNotice,
  onRemoved: linkStopped,
  onConnect: sayHello,
  banner: $("reconnecting"),
});

// A host link pasted into this tab's address bar only changes the #fragment: start afresh.
window.addEventListener("hashchange", () => {
  if (new URLSearchParams(location.hash.slice(1)).get("key")) location.reload();
});

const joinUrl = `${location.origin}/j/${code}`;
$("join-link").href = joinUrl;
// shown without "http://", with a line break allowed before /j/ so the code stays whole
const joinText = () => [location.host, el("wbr"), `/j/${code}`];
$("join-link").replaceChildren(...joinText());
$("join-link-large").replaceChildren(...joinText());

const title = () => (state.view ? state.view.room.title : `Workshop ${code}`);
$("keep-show").addEventListener("change", () => {
  $("keep-link").hidden = !$("keep-show").checked;
  $("keep-link").value = $("keep-show").checked && state.key ? hostLink(code, state.key) : "";
});
$("keep-tools").replaceChildren(keepTools("keep", () => ({ code, key: state.key, title: title() }), { input: $("keep-link") }));

initMoments();
const quick = initQuickBar();
initControls(state.live, {
  onEnded: () => {
    const note = $("ended-note");
    note.tabIndex = -1;
    note.focus();
  },
});
initSettings(state.live);
initCohosts(state.live, { code, title });
initWall(() => state.view);
initExports(code, () => state.key);
initPlan(state.live, code, () => state.key);
initFacilitate(state.live, code, () => state.key);
setInterval(() => {
  if (state.view) tickTimer(state.view, state.offset);
}, 1000);
