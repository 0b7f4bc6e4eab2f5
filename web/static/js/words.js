// Every word the participant's pages say, in two wordings: the standard one and Easy Read
// (short sentences, one idea each, with a picture beside each action word). The words
// themselves live in one place per language, words-en.js, so they can be reviewed together;
// the server reads the same file for the pages it renders (server/words.py).
//
//   say("draw")                       -> "Draw a card" (or the Easy Read wording when it is on)
//   say("turn.of", {name: "Sam"})     -> "It is Sam's turn"
//   say("votes", {n: 1})              -> "1 vote" (an entry's `standard_one` / `easy_one`)
//   put(button, "draw")               -> the button shows [picture] + the words
//
// Easy Read is per person and remembered in this browser (localStorage). On a deck that is
// Easy Read first it starts on, until the person chooses. Changing it sends EASY_EVENT; the
// screens redraw with the other wording.

import EN from "./words-en.js";
import { saveSetting, setting } from "./store.js";

export const EASY_EVENT = "inourshoes:easy-read";

const LANGUAGES = { en: EN };
export const words = Object.fromEntries(Object.entries(LANGUAGES).map(([lang, data]) => [lang, data.words]));

let lang = "en";
let easyFirst = false;

export function easyRead() {
  return setting("easy", easyFirst);
}

function entryOf(key) {
  const entry = words[lang][key];
  if (!entry) throw new Error(`No words for "${key}" in words-${lang}.js`);
  return entry;
}

function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (all, name) => (vars[name] === undefined ? all : String(vars[name])));
}

// The words for `key` in the wording that is on (or the one asked for: `easy` true/false).
export function say(key, vars = {}, easy = easyRead()) {
  const entry = entryOf(key);
  const one = vars.n === 1;
  const text = easy
    ? (one && entry.easy_one) || entry.easy || (one && entry.standard_one) || entry.standard
    : (one && entry.standard_one) || entry.standard;
  return fill(text, vars);
}

// The words with some {marks} filled by nodes (`{name: strongElement}`): "You are <b>Ana</b>."
export function sayNodes(key, vars = {}) {
  const text = say(key, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === "string" ? v : `{${k}}`])));
  return text.split(/(\{\w+\})/).filter(Boolean).map((part) => {
    const name = part.match(/^\{(\w+)\}$/);
    return name && vars[name[1]] instanceof Node ? vars[name[1]] : part;
  });
}

// The picture that goes with `key` (a file in /static/icons), or null.
export function pictureOf(key) {
  return entryOf(key).icon || null;
}

// (live.js `el` is not used here: live.js itself says these words)
function make(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function picture(name, cls = "say-icon") {
  return make("img", { class: cls, src: `/static/icons/${name}.svg`, alt: "", width: 32, height: 32 });
}

// The words as nodes: in Easy Read, the picture first (decorative: the words say it all).
export function sayWith(key, vars = {}) {
  const name = easyRead() ? pictureOf(key) : null;
  const text = make("span", { class: "say-words" }, say(key, vars));
  return name ? [picture(name), text] : [text];
}

// Put the words (and the picture) of `key` in `node`, replacing what it showed.
export function put(node, key, vars = {}) {
  node.replaceChildren(...sayWith(key, vars));
  return node;
}

// The deck says whether Easy Read comes first; the person's own choice, once made, wins.
export function useDeck(deck) {
  const before = easyRead();
  easyFirst = Boolean(deck && deck.easy_first);
  mark();
  if (before !== easyRead()) document.dispatchEvent(new CustomEvent(EASY_EVENT));
}

export function setEasyRead(on) {
  saveSetting("easy", on);
  mark();
  document.dispatchEvent(new CustomEvent(EASY_EVENT));
}

function mark() {
  document.documentElement.classList.toggle("easy-read", easyRead());
}

// Words the server rendered into the page (`data-say="key"`): shown in the wording that is
// on, with the picture in Easy Read. Called at load and whenever the wording changes.
export function applyWords(root = document) {
  for (const node of root.querySelectorAll("[data-say]")) {
    const vars = node.dataset.sayVars ? JSON.parse(node.dataset.sayVars) : {};
    if (node.hasAttribute("data-say-picture")) put(node, node.dataset.say, vars);
    else node.textContent = say(node.dataset.say, vars);
  }
}

// "Easy Read: on" / "Easy Read: off": a switch that says which mode is on.
export function easySwitch() {
  const button = make("button", { type: "button", class: "button button-quiet easy-switch", "data-key": "easy-read" });
  function show() {
    const on = easyRead(); // the words say which mode is on (no aria-pressed as well)
    button.replaceChildren(picture("easy-read"), make("span", {}, say(on ? "easy.on" : "easy.off")));
  }
  button.addEventListener("click", () => setEasyRead(!easyRead()));
  document.addEventListener(EASY_EVENT, show);
  mark();
  show();
  return button;
}
