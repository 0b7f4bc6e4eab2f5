// Read aloud with the browser's voice (nothing leaves the device): one button per item, which
// says "Stop reading" while it reads; one thing at a time. No voice: `noVoice()` says so.
// It reads the words on screen, so Easy Read words in Easy Read.

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
  button.after(el("p", { class: "read-problem hint", role: "status", text: say("read.failed") }));
}

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

// `words()`: what to read, when pressed. `compact`: the picture alone. Null with no voice.
export function readButton(words, { key, label = "read.button", describedby, compact = false } = {}) {
  if (!canSpeak()) return null;
  const button = el("button", {
    type: "button",
    class: compact ? "button button-quiet read-aloud read-compact" : "button button-quiet read-aloud",
    "data-key": key,
    "data-read": label,
    "aria-describedby": describedby,
  });
  // redrawn while reading: this is its button now
  if (current && key && current.key === key) current.button = button;
  show(button, Boolean(current && current.button === button));
  button.addEventListener("click", () => {
    if (current && current.button === button) stopReading();
    else readAloud(words(), button, key);
  });
  return button;
}

export function noVoice() {
  return canSpeak() ? null : el("p", { class: "no-voice hint", text: say("read.none") });
}

// The button, else the message: for the one main place on a screen.
export function readOrSay(words, options) {
  return readButton(words, options) || noVoice();
}
