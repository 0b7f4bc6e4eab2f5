// The participant's words, standard or Easy Read (with a picture beside action words), from
// words-en.js (words-en-home.js: the home page's). say("turn.theirs", {name}) gives words;
// put(node, key) shows them with the picture. Easy Read is per person, kept in this browser;
// an Easy-Read-first deck starts it on. Switching sends EASY_EVENT: screens redraw.

import EN from "./words-en.js";
import { saveSetting, setting } from "./store.js";

export const EASY_EVENT = "inourshoes:easy-read";

const LANGUAGES = { en: EN };
export const words = Object.fromEntries(Object.entries(LANGUAGES).map(([lang, data]) => [lang, { ...data.words }]));

// A page's own words (words-en-home.js) join the rest.
export function addWords(language, more) {
  Object.assign(words[language], more.words);
}

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

// {marks} filled by nodes too: "You are <b>Ana</b>."
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

function make(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function picture(name, cls = "say-icon") {
  return make("img", { class: cls, src: `/static/icons/${name}.svg`, alt: "", width: 32, height: 32 });
}

// In Easy Read, the picture first (decorative: the words say it all).
export function sayWith(key, vars = {}) {
  const name = easyRead() ? pictureOf(key) : null;
  const text = make("span", { class: "say-words" }, say(key, vars));
  return name ? [picture(name), text] : [text];
}

export function put(node, key, vars = {}) {
  node.replaceChildren(...sayWith(key, vars));
  return node;
}

// The person's own choice, once made, wins over the deck's.
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

// Words the server rendered (`data-say="key"`), in the wording that is on.
export function applyWords(root = document) {
  const own = root.matches && root.matches("[data-say]") ? [root] : [];
  for (const node of [...own, ...root.querySelectorAll("[data-say]")]) {
    const vars = node.dataset.sayVars ? JSON.parse(node.dataset.sayVars) : {};
    if (node.hasAttribute("data-say-picture")) put(node, node.dataset.say, vars);
    else node.textContent = say(node.dataset.say, vars);
  }
}

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
