// One card per table: its board in miniature, the card in play and what the table is saying
// (host-talk.js), whose voice is heard there, who sits there, and the table's own controls.
// Each card is built once and then updated in place (only when its table changed), so a view
// arriving while the facilitator types or chooses does not lose their place.

import { el } from "./live.js";
import { swap } from "./dom.js";
import { guard, namesApart, stagesFor, off, once, run, setOptions, settle, stageLabel, waiting } from "./host-util.js";
import { helpers } from "./host-helpers.js";
import { miniBoard } from "./host-board.js";
import { olderAgreed, saidList, talk } from "./host-talk.js";
import { voiceChart, voiceSentences } from "./host-voice.js";

const cards = new Map(); // table id -> {root, update}

export function renderTables(view, live) {
  const box = document.getElementById("tables");
  const labels = namesApart(view.players);
  for (const table of view.tables) {
    if (!cards.has(table.id)) cards.set(table.id, tableCard(table.id, live));
    cards.get(table.id).update(table, view, labels);
  }
  const wanted = view.tables.map((t) => cards.get(t.id).root);
  if (wanted.some((node, i) => box.children[i] !== node) || box.children.length !== wanted.length) {
    box.replaceChildren(...wanted);
  }
}

function personItem(person, turn) {
  const status = person.device
    ? el("span", { class: person.connected ? "online" : "offline", text: person.connected ? "online" : "not online" }) // the participants' words
    : el("span", { class: "no-device", text: "no phone or computer" });
  return el("li", { class: turn ? "turn-now" : null },
    el("strong", { text: person.name }),
    ` · ${person.perspective_label} · `,
    status,
    turn ? el("span", { class: "turn-mark", text: " · their turn" }) : null);
}

// A <details> whose summary stays put (keeping focus and open state) while its body changes;
// with nothing in it, it is hidden.
function folded(cls) {
  const summary = el("summary");
  const body = el("div");
  const root = el("details", { class: `helper ${cls}` }, summary, body);
  function show(title, content) {
    if (title) summary.textContent = title;
    root.hidden = !content;
    body.replaceChildren(...(content ? [content] : []));
  }
  return { root, summary, show };
}

function tableCard(id, live) {
  const p = `table-${id}`;
  const heading = el("h4", { id: `${p}-heading`, tabindex: "-1" }); // focus lands here when a control goes
  const stageChip = el("p", { class: "chip table-stage" });
  const board = el("div", { class: "table-board" });
  const turn = el("p", { class: "turn" });
  const said = el("div", { class: "table-talk", "aria-live": "off" });
  const older = folded("said-box");
  const notes = folded("said-box");
  const pledges = folded("said-box");
  const voiceLines = el("ul", { class: "voice-sentences" });
  const voice = folded("voice-box voice-stacked");
  voice.summary.textContent = "Whose voice is heard here";
  const peopleHeading = el("h5", { id: `${p}-people` });
  const people = el("ul", { class: "table-people", "aria-labelledby": `${p}-people` });
  const say = el("p", { class: "status", role: "status" });

  const stageSelect = el("select", { id: `${p}-stage` });
  const skip = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Skip this card" });
  const reveal = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Show answers" });
  const next = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Next card" });
  let name = "";
  let seen = ""; // the table (and what it depends on) as last drawn
  const act = (type, fields, done) => run(live, say, type, { table: id, ...fields }, done);
  const moveTable = el("button", {
    type: "button", class: "h-btn h-btn-quiet", text: "Move this table",
    onclick: async () => {
      const ack = await act("stage", { stage: stageSelect.value }, `${name} is now at: ${stageLabel(stageSelect.value)}.`);
      if (ack.ok) settle(stageSelect);
    },
  });
  // above what the table says, so answers arriving never move a button under the pointer;
  // "Skip" last, furthest from "Next card"
  const actions = el("div", { class: "table-actions h-row", "data-live": true }, next, reveal, skip);
  const stageRow = el("div", { class: "h-row", "data-live": true },
    el("label", { for: `${p}-stage`, text: "Stage" }), stageSelect, moveTable);
  // Skipping a card asks first, with the facilitator's two reasons: "for later" (it comes
  // again after a few cards, so its outcome on the path can still be met) or "out of the
  // game" (a card that upset someone never comes back). Answers already given are not kept.
  let answered = 0;
  let round = null;
  const skipQuestion = el("p", { id: `${p}-skip-question` });
  const skipLater = el("button", { type: "button", class: "h-btn", text: "Put it back for later", "aria-describedby": `${p}-skip-question` });
  const skipYes = el("button", { type: "button", class: "h-btn", text: "Take it out of the game", "aria-describedby": `${p}-skip-question` });
  const skipNo = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Keep the card" });
  const skipAsk = el("div", { class: "confirm", hidden: true }, skipQuestion, skipLater, skipYes, skipNo);
  const skipNow = (later) => act("skip", { ...(round == null ? {} : { round }), later },
    later ? `Card skipped at ${name}: it comes back after a few cards. Nothing was kept from it.` : `Card skipped at ${name} and taken out of the game. Nothing was kept from it.`);
  const askWords = () => `${answered ? `${name} has ${answered === 1 ? "1 answer" : `${answered} answers`} on this card; skipping keeps none of them.` : `Skip ${name}'s card?`}`
    + " Put it back and it comes again after a few cards, so its outcome can still be met; take it out if it upset someone.";
  const closeAsk = () => { // focus inside goes to the table's heading, not to the top of the page
    const inside = skipAsk.contains(document.activeElement);
    skipAsk.hidden = true;
    if (inside) heading.focus();
  };
  skip.addEventListener("click", () => {
    if (skip.hasAttribute("data-off")) return;
    skipQuestion.textContent = askWords();
    skipAsk.hidden = false;
    skipLater.focus();
  });
  skipNo.addEventListener("click", () => { skipAsk.hidden = true; skip.focus(); });
  for (const [button, later] of [[skipLater, true], [skipYes, false]]) {
    once(button, async () => {
      const ack = await skipNow(later);
      closeAsk();
      return ack;
    });
  }
  once(reveal, () => act("reveal", {}, `Answers shown at ${name}.`));
  // "Next card" on a card nobody has voted on would keep nothing from it: asked first, as
  // the table's own "Next card" asks (with votes it goes at once: agreed, or a tie to settle)
  let voted = false;
  const nextQuestion = el("p", { id: `${p}-next-question` });
  const nextYes = el("button", { type: "button", class: "h-btn", text: "Move on anyway", "aria-describedby": `${p}-next-question` });
  const nextNo = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Stay on this card" });
  const nextAsk = el("div", { class: "confirm", hidden: true }, nextQuestion, nextYes, nextNo);
  const nextNow = () => act("next", {}, ""); // the card itself shows what happened: agreed, or a tie
  next.addEventListener("click", () => {
    if (next.hasAttribute("data-off")) return;
    if (voted) {
      guard(next, nextNow);
      return;
    }
    nextQuestion.textContent = `Nobody at ${name} has voted on this card yet, so nothing would be agreed from it. Move on anyway?`;
    nextAsk.hidden = false;
    nextYes.focus();
  });
  nextNo.addEventListener("click", () => { nextAsk.hidden = true; next.focus(); });
  nextYes.addEventListener("click", async () => {
    nextAsk.hidden = true;
    heading.focus();
    await guard(next, nextNow);
  });
  const choose = async (response) => {
    const ack = await act("agree", { response },
      response ? `You chose an answer for ${name}; it is kept in what they agreed.` : `${name} agreed none of the tied answers.`);
    // the tie's buttons are gone: focus to the table, unless the facilitator is elsewhere now
    const active = document.activeElement;
    if (ack.ok && (!active || active === document.body || root.contains(active))) heading.focus();
    return ack;
  };

  const helper = helpers(id, p, live);
  const root = el("article", { class: "table-card", "aria-labelledby": `${p}-heading` },
    el("div", { class: "table-top" }, heading, stageChip),
    board, turn, actions, nextAsk, skipAsk, say, said, older.root, notes.root, pledges.root, voiceLines, voice.root,
    peopleHeading, people, stageRow, helper.root);
  let shownStage = null;

  // Away from play, what the table is writing now comes first, open (reflect's notes, the
  // pledges), and the card's buttons go: nothing to press there until the table plays again.
  function arrange(stage) {
    if (stage === shownStage) return; // moved only when the stage changes: focus inside stays put
    const hadFocus = root.contains(document.activeElement);
    const playing = stage === "play";
    turn.hidden = !playing;
    actions.hidden = !playing;
    if (!playing) {
      closeAsk();
      nextAsk.hidden = true;
    }
    const first = stage === "reflect" ? notes : ["pledge", "closed"].includes(stage) ? pledges : null;
    const order = first ? [first.root, said, older.root, ...[notes, pledges].filter((f) => f !== first).map((f) => f.root)]
      : [said, older.root, notes.root, pledges.root];
    say.after(...order);
    if (first) first.root.open = true;
    shownStage = stage;
    if (hadFocus && !root.contains(document.activeElement)) heading.focus(); // a moved or hidden part held it
  }

  function update(table, view, labels) {
    setOptions(stageSelect, stagesFor(view.room), table.stage);
    off(skip, !table.card || waiting(skipYes, view.n) || waiting(skipLater, view.n));
    answered = table.card ? table.responses.length : 0;
    if (table.round !== round) {
      closeAsk(); // the question was about a card that has gone
      // a new card: the last one's news goes ("You chose an answer ..." stayed cards later)
      if (table.round !== null && !say.classList.contains("status-error")) say.textContent = "";
    }
    else if (!skipAsk.hidden && skipQuestion.textContent !== askWords()) skipQuestion.textContent = askWords();
    round = table.round;
    const pressed = [next, reveal, skip].find((button) => button === document.activeElement);
    off(next, !table.card || Boolean(table.tie) || waiting(next, view.n));
    off(reveal, !table.hidden || waiting(reveal, view.n));
    reveal.hidden = !view.room.hide_until_reveal; // answers shown as they come: nothing to show
    // a button pressed is off now (the card went, the answers are shown): it is about to be
    // disabled, which would drop focus to the top of the page; the table's heading takes it
    if (pressed && pressed.hasAttribute("data-off")) heading.focus();
    voted = Boolean(table.card) && table.responses.some((r) => r.votes > 0);
    if (!nextAsk.hidden && (voted || next.hasAttribute("data-off"))) { // voted meanwhile, or the card went
      const inside = nextAsk.contains(document.activeElement);
      nextAsk.hidden = true;
      if (inside) (next.hasAttribute("data-off") ? heading : next).focus();
    }
    const tally = (view.voice && view.voice.tables && view.voice.tables[table.id]) || {};
    const lines = (voiceSentences(view).tables || {})[table.id] || [];
    const named = (person) => ({ ...person, name: labels.get(person.id) || person.name }); // "Jo (2)"
    const signature = JSON.stringify([table, tally, lines, table.players.map((person) => labels.get(person.id))]);
    if (signature === seen) return;
    seen = signature;
    name = table.name;
    heading.textContent = table.name;
    stageChip.textContent = stageLabel(table.stage);
    stageChip.className = `chip table-stage chip-${table.stage}`;
    board.replaceChildren(...[miniBoard(table.board, table.name)].filter(Boolean));
    const holder = table.players.find((person) => person.id === table.turn);
    turn.replaceChildren(...(table.players.length
      ? ["Turn: ", el("strong", { text: holder ? named(holder).name : "nobody yet" })]
      : ["Nobody sits here yet."]));
    // an empty table has no card to act on: its buttons wait until someone sits there
    actions.classList.toggle("is-empty", table.players.length === 0 && !table.card);
    swap(said, talk(table, view.perspectives, choose));
    const earlier = olderAgreed(table, view.perspectives);
    older.show(earlier && `Earlier agreements (${earlier.children.length})`, earlier);
    const reflectNotes = table.notes.filter((n) => n.kind !== "agreed");
    notes.show(`Notes (${reflectNotes.length})`, reflectNotes.length && saidList(reflectNotes, view.perspectives));
    pledges.show(`Pledges (${table.pledges.length})`, table.pledges.length && saidList(table.pledges, view.perspectives));
    voiceLines.replaceChildren(...lines.map((text) => el("li", { text })));
    voice.show(null, voiceChart(view, tally, `Whose voice is heard at ${table.name}`));
    peopleHeading.textContent = `People at this table (${table.players.length})`;
    people.replaceChildren(...(table.players.length
      ? table.players.map((person) => personItem(named(person), person.id === table.turn))
      : [el("li", { class: "quiet", text: "Nobody yet." })]));
    helper.update(table, view, labels);
    arrange(table.stage);
  }
  return { root, update };
}
