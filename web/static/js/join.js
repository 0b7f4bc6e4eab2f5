// The join page (/j/CODE): first name and "I am here as...", then the participant's room.
// The join token is kept in localStorage per room code, so a refresh, a closed tab or a lost
// network keeps you as the same person: we rejoin with it on every (re)connection, and only
// then send what was done while offline (live.js).

import { connect, el } from "./live.js";
import { announce, waitNotice } from "./dom.js";
import { keepDraftsFor } from "./forms.js";
import { keepFocusClear, miniBar } from "./minibar.js";
import { noticeBanner } from "./notice.js";
import { createRoom } from "./table.js";
import { stopReading } from "./speak.js";
import { hearWith } from "./spoken.js";
import * as store from "./store.js";
import { EASY_EVENT, applyWords, easySwitch, put, say, useDeck } from "./words.js";

const app = document.getElementById("app");
const code = app.dataset.code;
const joinScreen = document.getElementById("join-screen");
const welcome = document.getElementById("join-welcome");
const form = document.getElementById("join-form");
const nameInput = document.getElementById("name");
const joinError = document.getElementById("join-error");
const nameError = document.getElementById("name-error");
const asChoices = document.getElementById("as-choices"); // "I am here as..."
const asError = document.getElementById("as-error"); // right under its legend
const roomNode = document.getElementById("room");
const banner = document.getElementById("reconnecting");
const notice = noticeBanner(document.getElementById("notice"), () => roomNode.querySelector("h2[tabindex='-1']") || document.getElementById("main"));
const mini = miniBar();
roomNode.before(mini.node);
mini.watchNotice(document.getElementById("notice"));
keepFocusClear(document.getElementById("top-bars"), mini.node);
keepDraftsFor(code);
hearWith(code, () => store.savedToken(code)); // spoken answers are fetched with this person's token

// Easy Read: the switch at the top of the page; on an Easy-Read-first deck it starts on.
useDeck({ easy_first: app.dataset.easyFirst === "true" });
const easy = easySwitch(); // at the top of the join page; in the room's header once seated
document.getElementById("easy-bar").append(easy);
// the words the server wrote: the join form, the offline banner and the skip link
const serverWords = [joinScreen, document.getElementById("top-bars"), document.querySelector(".skip-link")];
const wordsNow = () => serverWords.forEach((root) => root && applyWords(root));
document.addEventListener(EASY_EVENT, wordsNow);
wordsNow();

let token = store.savedToken(code);
let meId = null;
let room = null;
let latest = null;
let gone = false; // removed by the facilitator: ignore everything from now on
let joining = false;

const live = connect({ onView: show, onNotice: (news) => notice.show(news), onRemoved: leave, onConnect, banner });
live.socket.on("connect_error", () => {
  if (!gone) banner.hidden = false;
  mini.offline(!gone);
});
live.socket.on("disconnect", () => mini.offline(!gone));
live.socket.on("connect", () => mini.offline(false));

const ctx = {
  code,
  easySwitch: easy,
  // a press's status line says "Offline: ..." or "Sending..." while its action waits
  act: (type, fields, options = {}) => live.act(type, fields, { onWait: waitNotice(), ...options }),
  meId: () => meId,
  savedName: () => store.savedName(code),
  // "still writing" (writing.js): not logged, and pointless to send late, so only when connected
  typing: (on) => { if (live.socket.connected) live.socket.emit("typing", { on }, () => {}); },
};
let writers = []; // who at the table is writing (it may come before the room is drawn)
live.socket.on("writing", (data) => {
  writers = data.players || [];
  if (room && !gone) room.writing(writers);
});

function showJoinForm(message) {
  joinScreen.hidden = false;
  form.hidden = false;
  roomNode.hidden = true;
  welcome.dataset.say = "join.welcome";
  welcome.textContent = say("join.welcome");
  joinError.textContent = message || "";
}

// Held actions wait until we have joined again on this connection (see `rejoin`).
function onConnect() {
  if (token && !gone) rejoin();
  return false;
}

async function rejoin() {
  if (joining) return;
  joining = true;
  live.resetViews();
  const ack = await live.call("join", { code, token });
  joining = false;
  if (gone) return;
  if (ack.ok) {
    meId = ack.player_id;
    show(ack.view);
    live.ready();
  } else if (ack.error.code === "offline") {
    // the connection dropped again: the next connection rejoins
  } else if (ack.error.code === "forbidden") {
    leave({ text: ack.error.message });
  } else if (ack.error.code === "not_found") {
    store.forget(code);
    token = null;
    showJoinForm(ack.error.message);
  } else {
    // no answer, too many tries or a hiccup on the server: say so, and try again shortly
    welcome.removeAttribute("data-say");
    welcome.textContent = say("join.retry", { message: ack.error.message });
    setTimeout(() => { if (live.socket.connected) rejoin(); }, 3000);
  }
}

// What is missing is said beside its own field (and marked invalid there) until it is given.
// The words keep their key, so the Easy Read switch changes them too (applyWords).
function showMissing(field, error, key) {
  error.dataset.say = key;
  error.textContent = say(key);
  field.setAttribute("aria-invalid", "true");
}

function clearMissing(field, error) {
  error.removeAttribute("data-say");
  error.textContent = "";
  field.removeAttribute("aria-invalid");
}

nameInput.addEventListener("input", () => {
  if (nameInput.value.trim()) clearMissing(nameInput, nameError);
});
asChoices.addEventListener("change", () => clearMissing(asChoices, asError));

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (joining) return;
  const name = nameInput.value.trim();
  const chosen = form.querySelector("input[name=perspective]:checked");
  clearMissing(nameInput, nameError);
  if (!name) {
    showMissing(nameInput, nameError, "join.name.missing");
    nameInput.focus();
    return;
  }
  if (!chosen) {
    showMissing(asChoices, asError, "join.as.missing");
    joinError.textContent = "";
    form.querySelector("input[name=perspective]").focus();
    // the legend and its error too, not only the first choice (which may be just in view)
    asChoices.querySelector("legend").scrollIntoView({ block: "nearest" });
    return;
  }
  joinError.textContent = say(live.socket.connected ? "join.joining" : "join.offline");
  joining = true;
  const ack = await live.call("join", { code, name, perspective: chosen.value });
  joining = false;
  if (!ack.ok) {
    joinError.textContent = ack.error.message;
    return;
  }
  token = ack.token;
  meId = ack.player_id;
  store.remember(code, token, name);
  joinError.textContent = "";
  // the form is hidden now: its button loses focus to the new screen's heading (table.js)
  if (joinScreen.contains(document.activeElement)) document.activeElement.blur();
  show(ack.view);
  live.ready();
  announce(say("join.joined", { name }));
});

// Render the newest view (a view with the same number may still bring news of who is online).
function show(view) {
  if (gone || !meId) return;
  if (latest && view.n < latest.n) return;
  latest = view;
  if (!room) {
    joinScreen.hidden = true;
    roomNode.hidden = false;
    room = createRoom(roomNode, ctx);
    room.writing(writers);
    const header = roomNode.querySelector(".room-header");
    if (header) mini.watch(header);
  }
  room.update(view);
  keepFocusVisible();
  mini.update(view, meId);
  if (view.room.ended) notice.end();
  else notice.show(view.room.notice, true);
}

// A view can hide what had focus (the answer box of a card the table has moved on from):
// then focus goes to whose turn it is, or the screen's heading, never left on nothing.
function keepFocusVisible() {
  const active = document.activeElement;
  if (!active || active === document.body || !roomNode.contains(active) || active.getClientRects().length) return;
  const heading = roomNode.querySelector("#turn-heading") || roomNode.querySelector(".screen [tabindex='-1']");
  if (heading) heading.focus();
}

// Removed by the facilitator (or rejoining after that): a kind goodbye; the token is forgotten.
function leave(data) {
  gone = true;
  store.forget(code);
  token = null;
  stopReading();
  live.close();
  banner.hidden = true;
  mini.node.hidden = true;
  notice.end();
  const heading = el("h1", { tabindex: "-1", text: say("goodbye.heading") });
  // the server says why (taken out by the facilitator, or not let in today)
  roomNode.replaceChildren(el("section", { class: "panel goodbye" },
    heading,
    el("p", { class: "lead", text: (data && data.text) || say("goodbye.removed") }),
    el("p", {}, put(el("a", { href: "/" }), "goodbye.start"))));
  joinScreen.hidden = true;
  roomNode.hidden = false;
  heading.focus();
}

if (token) {
  // Coming back: find our place again instead of asking for a name.
  form.hidden = true;
  const name = store.savedName(code);
  welcome.removeAttribute("data-say");
  welcome.textContent = name ? say("join.back", { name }) : say("join.back_anon");
}
