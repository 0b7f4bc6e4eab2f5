// The home page: join a workshop by its code, or start one (shipped deck or your own); for
// facilitators, the workshops this browser runs (my-workshops.js).

import { el } from "./live.js";
import { showReady, showWorkshops } from "./my-workshops.js";
import { initRunSheetChoice, runSheetChoice } from "./home-runsheet.js";

const CODE_LENGTH = 6;

// Forgive case, spaces and dashes: " bcd-346 " -> "BCD346".
export function normaliseCode(text) {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function say(node, ...children) {
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
    say(joinError, code.length
      ? `A room code has ${CODE_LENGTH} letters and numbers. This one has ${code.length}. Please check it.`
      : "Please type the room code first.");
    codeInput.setAttribute("aria-invalid", "true");
    codeInput.focus();
    return;
  }
  codeInput.removeAttribute("aria-invalid");
  say(joinError);
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
    decksLoading.textContent = "We could not load the decks. Please reload the page.";
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
      el("span", { class: "choice-detail", text: `${deck.cards} cards. ${deck.description || ""}` })));
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
    say(deckCheck);
    return;
  }
  say(deckCheck, el("p", { text: "Checking your deck..." }));
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
      say(deckCheck, el("p", { class: "good", text: `Your deck "${result.deck.title}" is ready: ${result.deck.cards} cards.` }));
    } else {
      const problems = result.problems || [];
      say(deckCheck, ...problemList(
        `Your deck cannot be used yet. Please fix ${problems.length === 1 ? "this problem" : `these ${problems.length} problems`} and choose the file again:`,
        problems));
    }
  } catch {
    say(deckCheck, el("p", { class: "error", text: "We could not check that file. Is it a .toml text file?" }));
  }
});

startForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  say(startError);
  const title = titleInput.value.trim();
  if (!title) {
    say(startError, el("p", { text: "Please give the workshop a name." }));
    titleInput.focus();
    return;
  }
  const chosen = startForm.querySelector("input[name=deck]:checked");
  const body = { title, hide_until_reveal: hideInput.checked };
  const plan = runSheetChoice(); // the run sheet; "Practise first" opens a practice workshop
  if (plan.error) {
    say(startError, el("p", { text: plan.error }));
    return;
  }
  if (plan.run_sheet) body.run_sheet = plan.run_sheet;
  if (event.submitter && event.submitter.value === "practice") body.practice = true;
  if (!chosen) {
    say(startError, el("p", { text: "Please choose the cards." }));
    return;
  }
  if (chosen === ownRadio) {
    if (!ownDeck) {
      say(startError, el("p", { text: "Please choose a deck file that passes the check first." }));
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
      showReady(result, title);
      return;
    }
    const error = result.error || {};
    say(startError, ...(error.problems
      ? problemList(error.message, error.problems)
      : [el("p", { text: error.message || "Something went wrong. Please try again." })]));
  } catch {
    say(startError, el("p", { text: "We could not reach the server. Please check the connection and try again." }));
  }
  button.disabled = false;
});

loadDecks();
initRunSheetChoice();
showWorkshops();
