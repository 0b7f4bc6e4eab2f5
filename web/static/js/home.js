// The home page: join a workshop by its code, or start one (shipped deck or your own); for
// facilitators, the workshops this browser runs (my-workshops.js).

import { el } from "./live.js";
import { showReady, showWorkshops } from "./my-workshops.js";
import { initRunSheetChoice, runSheetChoice } from "./home-runsheet.js";
import { EASY_EVENT, addWords, applyWords, easySwitch, say } from "./words.js";
import HOME from "./words-en-home.js";

addWords("en", HOME);

const CODE_LENGTH = 6;

// Forgive case, spaces and dashes: " bcd-346 " -> "BCD346".
export function normaliseCode(text) {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function show(node, ...children) {
  node.replaceChildren(...children);
}

// --- Join a workshop ------------------------------------------------------------------
const joinForm = document.getElementById("join-form");
const codeInput = document.getElementById("room-code");
const joinError = document.getElementById("join-error");

joinForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const code = normaliseCode(codeInput.value);
  if (code.length !== CODE_LENGTH) {
    show(joinError, code.length ? say("home.code.length", { n: code.length }) : say("home.code.empty"));
    codeInput.setAttribute("aria-invalid", "true");
    codeInput.focus();
    return;
  }
  codeInput.removeAttribute("aria-invalid");
  show(joinError);
  window.location.assign(`/j/${code}`);
});

// --- Start a workshop -----------------------------------------------------------------
const startForm = document.getElementById("start-form");
const titleInput = document.getElementById("title");
const deckOptions = document.getElementById("deck-options");
const decksLoading = document.getElementById("decks-loading");
const ownRadio = document.getElementById("deck-own");
const ownBox = document.getElementById("own-deck");
const fileInput = document.getElementById("deck-file");
const deckCheck = document.getElementById("deck-check");
const hideInput = document.getElementById("hide-until-reveal");
const startError = document.getElementById("start-error");
let ownDeck = null; // the uploaded TOML text, once the server says it is a good deck

async function loadDecks() {
  try {
    const response = await fetch("/api/decks");
    const decks = await response.json();
    deckOptions.replaceChildren(...decks.map((deck, i) => deckChoice(deck, i === 0)));
    decksLoading.remove();
  } catch {
    decksLoading.removeAttribute("data-say");
    decksLoading.textContent = say("home.decks.failed");
  }
}

function deckChoice(deck, checked) {
  const id = `deck-${deck.id}`;
  const input = el("input", { type: "radio", name: "deck", id, value: deck.id, checked });
  input.addEventListener("change", showOwnDeck);
  return el("div", { class: "choice" },
    input,
    el("label", { for: id },
      el("span", { class: "choice-title", text: deck.title }),
      el("span", { class: "choice-detail", text: say("home.deck.detail", { n: deck.cards, about: deck.description || "" }).trim() })));
}

function showOwnDeck() {
  ownBox.hidden = !ownRadio.checked;
}
ownRadio.addEventListener("change", showOwnDeck);

function problemList(intro, problems) {
  return [el("p", { text: intro }), el("ul", { class: "problems" }, ...problems.map((p) => el("li", { text: p })))];
}

fileInput.addEventListener("change", async () => {
  ownDeck = null;
  const file = fileInput.files[0];
  if (!file) {
    show(deckCheck);
    return;
  }
  show(deckCheck, el("p", { text: say("home.own.checking") }));
  try {
    const text = await file.text();
    const response = await fetch("/api/decks/check", {
      method: "POST",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      body: text,
    });
    const result = await response.json();
    if (result.ok) {
      ownDeck = text;
      show(deckCheck, el("p", { class: "good", text: say("home.own.ready", { title: result.deck.title, n: result.deck.cards }) }));
    } else {
      const problems = result.problems || [];
      show(deckCheck, ...problemList(
        say("home.own.problems", { n: problems.length }),
        problems));
    }
  } catch {
    show(deckCheck, el("p", { class: "error", text: say("home.own.unreadable") }));
  }
});

startForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  show(startError);
  const practising = Boolean(event.submitter && event.submitter.value === "practice");
  // practising needs no name of its own
  const title = titleInput.value.trim() || (practising ? say("home.practise.title") : "");
  if (!title) {
    show(startError, el("p", { text: say("home.error.title") }));
    titleInput.focus();
    return;
  }
  const chosen = startForm.querySelector("input[name=deck]:checked");
  const play = startForm.querySelector("input[name=play]:checked");
  const body = { title, hide_until_reveal: hideInput.checked, play: play ? play.value : "path" };
  const plan = runSheetChoice(); // the run sheet; "Practise first" opens a practice workshop
  if (plan.error) {
    show(startError, el("p", { text: plan.error }));
    return;
  }
  if (plan.run_sheet) body.run_sheet = plan.run_sheet;
  if (practising) body.practice = true;
  if (!chosen) {
    show(startError, el("p", { text: say("home.error.deck") }));
    return;
  }
  if (chosen === ownRadio) {
    if (!ownDeck) {
      show(startError, el("p", { text: say("home.error.own") }));
      fileInput.focus();
      return;
    }
    body.deck_toml = ownDeck;
  } else {
    body.deck = chosen.value;
  }
  const button = event.submitter || startForm.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const response = await fetch("/api/rooms", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const result = await response.json();
    if (response.status === 201) {
      showReady(result, title, practising);
      return;
    }
    const error = result.error || {};
    show(startError, ...(error.problems
      ? problemList(error.message, error.problems)
      : [el("p", { text: error.message || say("home.error.server") })]));
  } catch {
    show(startError, el("p", { text: say("home.error.offline") }));
  }
  button.disabled = false;
});

// Easy Read: the switch, and the page's words in the wording that is on
document.getElementById("easy-bar").append(easySwitch());
document.addEventListener(EASY_EVENT, () => applyWords());
applyWords();

loadDecks();
initRunSheetChoice();
showWorkshops();
