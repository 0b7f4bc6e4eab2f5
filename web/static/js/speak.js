// Read aloud, with the browser's own voice (speechSynthesis; nothing leaves the device).
// One button per item (the card, each answer, an agreed note, a stage's prompts, the
// facilitator's message): pressing it reads that item, and while it reads the same button
// says "Stop reading". Only one thing is read at a time. Where the browser has no voice,
// `noVoice()` gives a plain message to show instead of the buttons; where reading fails, the
// button says so beside itself. The words read are the ones on screen, so in Easy Read mode
// the Easy Read wording is read.

import { el } from "./live.js";
import { picture, put, say } from "./words.js";

let current = null; // {button, key, utterance} being read now

export function canSpeak() {
  return Boolean(window.speechSynthesis) && typeof window.SpeechSynthesisUtterance === "function";
}

function restore() {
  if (!current) return;
  const { button } = current;
  current = null;
  show(button, false);
}

function show(button, reading) {
  const key = reading ? "read.stop" : button.dataset.read;
  if (button.classList.contains("read-compact")) {
    // a picture alone, where space is short; its words are its name
    button.replaceChildren(picture(reading ? "stop" : "speaker"), el("span", { class: "sr-only", text: say(key) }));
  } else {
    put(button, key);
  }
  button.classList.toggle("is-reading", reading);
}

export function stopReading() {
  if (!canSpeak()) return;
  const was = current;
  current = null;
  window.speechSynthesis.cancel();
  if (was) show(was.button, false);
}

function problem(button) {
  const next = button.nextElementSibling;
  if (next && next.classList.contains("read-problem")) return;
  button.after(el("p", { class: "read-problem error", role: "status", text: say("read.failed") }));
}

// Read `text` aloud; the button (if any) says "Stop reading" until it is done.
export function readAloud(text, button = null, key = null) {
  if (!canSpeak() || !text) return;
  stopReading();
  const utterance = new window.SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en-GB";
  utterance.rate = 0.9;
  const mine = { button, key, utterance };
  const done = () => { if (current === mine) restore(); };
  utterance.onend = done;
  utterance.onerror = (event) => {
    const quiet = event && ["interrupted", "canceled"].includes(event.error);
    if (!quiet && button) problem(button);
    done();
  };
  if (button) {
    current = mine;
    show(button, true);
  }
  window.speechSynthesis.speak(utterance);
}

// A "Read aloud" button for one item: `words()` gives what to read, at the moment of
// pressing (so it is the wording on screen then). Null where the browser has no voice.
// `compact`: the picture alone (its words are its accessible name).
export function readButton(words, { key, label = "read.button", describedby, compact = false } = {}) {
  if (!canSpeak()) return null;
  const button = el("button", {
    type: "button",
    class: compact ? "button button-quiet read-aloud read-compact" : "button button-quiet read-aloud",
    "data-key": key,
    "data-read": label,
    "aria-describedby": describedby,
  });
  // the screen was drawn again while this item is being read: this is its button now
  if (current && key && current.key === key) current.button = button;
  show(button, Boolean(current && current.button === button));
  button.addEventListener("click", () => {
    if (current && current.button === button) stopReading();
    else readAloud(words(), button, key);
  });
  return button;
}

// The plain message shown (once, by the card or the prompts) where nothing can be read aloud.
export function noVoice() {
  return canSpeak() ? null : el("p", { class: "no-voice hint", text: say("read.none") });
}

// A button where there is a voice, else the message: for the one main place on a screen.
export function readOrSay(words, options) {
  return readButton(words, options) || noVoice();
}
