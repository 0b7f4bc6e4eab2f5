// The join page (/j/CODE): first name and "I am here as...", then the participant's room.
// The join token is kept in localStorage per room code, so a refresh, a closed tab or a lost
// network keeps you as the same person: we rejoin with it on every (re)connection.

import { connect, el } from "./live.js";
import { createRoom } from "./table.js";
import { stopReading } from "./card.js";
import * as store from "./store.js";

const app = document.getElementById("app");
const code = app.dataset.code;
const joinScreen = document.getElementById("join-screen");
const welcome = document.getElementById("join-welcome");
const form = document.getElementById("join-form");
const nameInput = document.getElementById("name");
const joinError = document.getElementById("join-error");
const nameError = document.getElementById("name-error");
const roomNode = document.getElementById("room");
const banner = document.getElementById("reconnecting");
const noticeBox = document.getElementById("notice");

let token = store.savedToken(code);
let meId = null;
let room = null;
let latest = null;
let gone = false; // removed by the facilitator: ignore everything from now on
let joining = false;

const live = connect({ onView: show, onNotice: showNotice, onRemoved: leave, onConnect, banner });
live.socket.on("connect_error", () => { if (!gone) banner.hidden = false; });

const ctx = {
  code,
  act: (type, fields) => live.act(type, fields),
  meId: () => meId,
  savedName: () => store.savedName(code),
  typing: (on) => live.call("typing", { on }), // "still writing": not logged, see writing.js
};
live.socket.on("writing", (data) => { if (room && !gone) room.writing(data.players || []); });

function showJoinForm(message) {
  joinScreen.hidden = false;
  form.hidden = false;
  roomNode.hidden = true;
  welcome.textContent = "Welcome. Tell us your first name and how you are here today.";
  joinError.textContent = message || "";
}

function onConnect() {
  if (token && !gone) rejoin();
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
  } else if (ack.error.code === "forbidden") {
    leave({ text: ack.error.message });
  } else if (ack.error.code === "not_found") {
    store.forget(code);
    token = null;
    showJoinForm(ack.error.message);
  } else {
    // no answer, too many tries or a hiccup on the server: say so, and try again shortly
    welcome.textContent = `${ack.error.message} We will try again in a moment.`;
    setTimeout(() => { if (live.socket.connected) rejoin(); }, 3000);
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (joining) return;
  const name = nameInput.value.trim();
  const chosen = form.querySelector("input[name=perspective]:checked");
  nameError.textContent = "";
  nameInput.removeAttribute("aria-invalid");
  if (!name) {
    nameError.textContent = "Please tell us your first name.";
    nameInput.setAttribute("aria-invalid", "true");
    nameInput.focus();
    return;
  }
  if (!chosen) {
    joinError.textContent = "Please choose how you are here: “I am here as...”.";
    form.querySelector("input[name=perspective]").focus();
    return;
  }
  joinError.textContent = "Joining...";
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
  show(ack.view);
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
  }
  room.update(view);
  showNotice(view.room.notice, true);
}

// The facilitator's messages, in the #notice banner (role=alert), until closed or replaced.
let noticeShown = null;
let noticeClosed = null;
function showNotice(notice, fromView = false) {
  if (gone) return;
  if (!notice || !notice.text) {
    if (fromView) {
      noticeBox.hidden = true;
      noticeShown = null;
    }
    return;
  }
  if (notice.at && (notice.at === noticeShown || notice.at === noticeClosed)) return;
  noticeShown = notice.at;
  noticeBox.replaceChildren(
    el("p", {}, el("strong", { text: "From the facilitator: " }), notice.text),
    el("button", {
      type: "button",
      class: "button button-quiet",
      text: "Close message",
      onclick: () => {
        noticeClosed = notice.at;
        noticeBox.hidden = true;
      },
    }));
  noticeBox.hidden = false;
}

// Removed by the facilitator (or rejoining after that): a kind goodbye; the token is forgotten.
function leave(data) {
  gone = true;
  store.forget(code);
  token = null;
  stopReading();
  live.socket.disconnect();
  banner.hidden = true;
  noticeBox.hidden = true;
  const heading = el("h1", { tabindex: "-1", text: "Thank you" });
  roomNode.replaceChildren(el("section", { class: "panel goodbye" },
    heading,
    el("p", { class: "lead", text: "You have left the workshop. Thank you for taking part." }),
    data && data.text && !data.text.startsWith("You have left the workshop.") ? el("p", { text: data.text }) : null,
    el("p", {}, el("a", { href: "/", text: "Go to the start page" }))));
  joinScreen.hidden = true;
  roomNode.hidden = false;
  heading.focus();
}

if (token) {
  // Coming back: find our place again instead of asking for a name.
  form.hidden = true;
  const name = store.savedName(code);
  welcome.textContent = name ? `Welcome back, ${name}. Finding your place...` : "Welcome back. Finding your place...";
}
