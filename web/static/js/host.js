// The facilitator's screen: one live view of every table, and every control to run the
// workshop. The host key comes from the link's #key=... fragment (never sent in a URL), is
// kept in sessionStorage so a reload works, and is sent with `host` after every (re)connect.

import { connect, el } from "./live.js";
import { initControls, renderControls, tickTimer } from "./host-controls.js";
import { initExports } from "./host-exports.js";
import { renderPeople } from "./host-people.js";
import { renderTables } from "./host-tables.js";
import { setReadOnly, stageLabel } from "./host-util.js";

const root = document.getElementById("host");
const code = root.dataset.code;
const storageName = `inourshoes:host:${code}`;
const $ = (id) => document.getElementById(id);

const state = { view: null, offset: 0, key: readKey(), live: null, shown: false };

function readKey() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("key");
  if (fromLink) {
    try {
      sessionStorage.setItem(storageName, fromLink);
    } catch {
      // private browsing without storage: a reload will need the link again
    }
    // Take the key out of the address bar: this screen is often shared on a video call.
    history.replaceState(null, "", location.pathname + location.search);
    return fromLink;
  }
  try {
    return sessionStorage.getItem(storageName);
  } catch {
    return null;
  }
}

function showProblem(heading, detail) {
  $("host-live").hidden = true;
  $("host-problem").querySelector("h2").textContent = heading;
  if (detail) $("host-problem-detail").textContent = detail;
  $("host-problem").hidden = false;
  $("host-title").textContent = "Facilitator view";
}

async function sayHello() {
  if (!state.key) {
    showProblem("This host link is not right",
      "This link has no host key in it. Please open the full host link you were given "
      + "when you made the workshop (it ends with #key=...).");
    return;
  }
  const ack = await state.live.call("host", { code, host_key: state.key });
  if (ack && ack.ok) {
    $("host-problem").hidden = true;
    render(ack.view);
  } else if (ack && ack.error && ack.error.code === "forbidden") {
    try {
      sessionStorage.removeItem(storageName);
    } catch {
      // nothing stored
    }
    showProblem("This host link is not right",
      "We could not open this workshop with that host link. "
      + "Please check you have the whole link, including everything after the #.");
  } else {
    showProblem("We could not open the workshop", ack && ack.error ? ack.error.message : "Please try again.");
  }
}

function render(view) {
  state.view = view;
  state.offset = Date.parse(view.now) - Date.now();
  const { room } = view;
  $("host-live").hidden = false;
  $("host-title").textContent = room.title;
  document.title = `Facilitator view · ${room.title} · In Our Shoes`;
  $("room-state").replaceChildren(...[
    el("li", { class: `chip chip-${room.stage}`, text: `Stage: ${stageLabel(room.stage)}` }),
    room.paused ? el("li", { class: "chip chip-warn", text: "Paused" }) : null,
    el("li", { class: room.locked ? "chip chip-warn" : "chip", text: room.locked ? "Room locked" : "Room open to join" }),
    room.ended ? el("li", { class: "chip chip-warn", text: "Ended" }) : null,
    el("li", { class: "chip", text: `${view.players.length} ${view.players.length === 1 ? "person" : "people"}` }),
  ].filter(Boolean));
  $("paused-note").hidden = !room.paused;
  $("ended-note").hidden = !room.ended;
  if (!room.notice) $("notice").hidden = true;
  renderControls(view);
  renderTables(view, state.live);
  renderPeople(view, state.live);
  setReadOnly(root, room.ended);
  tickTimer(view, state.offset);
}

function showNotice({ text }) {
  const banner = $("notice");
  banner.textContent = `Message to everyone: ${text}`;
  banner.hidden = false;
}

state.live = connect({
  onView: render,
  onNotice: showNotice,
  onConnect: sayHello,
  banner: $("reconnecting"),
});

const joinUrl = `${location.origin}/j/${code}`;
$("join-link").href = joinUrl;
// shown without "http://", with a line break allowed before /j/ so the code stays whole
const joinText = () => [location.host, el("wbr"), `/j/${code}`];
$("join-link").replaceChildren(...joinText());
$("join-link-large").replaceChildren(...joinText());
initControls(state.live, {
  hostLink: () => `${location.origin}/host/${code}#key=${state.key || ""}`,
});
initExports(code, () => state.key);
setInterval(() => {
  if (state.view) tickTimer(state.view, state.offset);
}, 1000);
