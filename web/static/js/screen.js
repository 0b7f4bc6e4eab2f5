// The big screen (/screen/CODE), for a projector or a screen shared in a call: the room code
// while people join, then the stage, the timer, the facilitator's message, who is here, every
// table's path (and, for a few seconds, each outcome a table meets, in large type), what
// tables agreed, the pledge wall at the close, and the spotlight. It
// controls nothing: it says `screen {code}` and shows each screen view the server sends
// (server/game/views_screen.py: no names, nothing kept in the room). Text via textContent only.

import { connect, el } from "./live.js";
import { icon } from "./dom.js";
import { footprint, legendOf, useLegend } from "./legend.js";
import { createTimer } from "./timer.js";

const root = document.getElementById("screen");
const code = root.dataset.code;
const $ = (id) => document.getElementById(id);
const timer = createTimer();
$("screen-timer").append(timer.node);

const STAGES = {
  lobby: "Welcome",
  look_back: "Looking back",
  play: "Playing the cards",
  reflect: "Looking back on today",
  pledge: "Pledges",
  closed: "Thank you",
};
const CARD_TYPES = { scenario: "A situation", reflection: "A reflection", question: "A question", wild: "A wild card", working: "What is working?" };
const AGREED_SHOWN = 3;
const PAGE_SECONDS = 8;
const MATRIX_TABLES = 6; // more tables than this (or a narrow screen): each outcome with how many tables met it

function who(perspective, size = 36) {
  if (!perspective) return null;
  return el("span", { class: "screen-who" }, footprint(perspective, { size }), el("span", { text: legendOf(perspective).name }));
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

// An outcome met is the room's moment: the table, the outcome and its words, and the colours
// that met there, for MOMENT_SECONDS each (several at once take turns; one waiting longer than
// STALE_SECONDS is let go). A screen opened, or back from a lost connection, celebrates
// nothing that happened before; the spotlight, the close and the end put moments away.
const MOMENT_SECONDS = 10;
const STALE_SECONDS = 30;
let metBefore = null; // "table/outcome" keys already met; null until the next view
let moments = []; // [{ table, outcome, at }]
let momentTimer = null;
let shown = null; // the view last drawn, drawn again when the screen changes size
window.addEventListener("resize", () => {
  if (shown) renderProgress(shown);
  pagePledges();
  fitSpotlight();
});
// What sits above the panels (a moment, the message, the header) comes and goes between views
// (a moment ends on a timer): the panels are measured again at once, so a screen that paged
// "Table 1 of 3" under a moment shows every table again as soon as the moment is gone.
const above = new ResizeObserver(() => {
  pageRows();
  pagePledges();
  fitSpotlight();
});
for (const id of ["screen-moment", "screen-notice", "screen-top"]) above.observe($(id));

function newlyMet(view) {
  const met = new Set();
  const fresh = [];
  for (const table of view.tables) {
    for (const outcome of table.board ? table.board.outcomes : []) {
      if (!outcome.met) continue;
      const key = `${table.id}/${outcome.id}`;
      met.add(key);
      if (metBefore && !metBefore.has(key)) fresh.push({ table, outcome, at: Date.now() });
    }
  }
  metBefore = met;
  return fresh;
}

function hideMoments() {
  moments = [];
  clearTimeout(momentTimer);
  momentTimer = null;
  together = false;
  $("screen-moment").hidden = true;
}

// The tables closed: the room's moment of what it did together, for TOGETHER_SECONDS, then
// the paths and the pledges. Only seen live (a screen opened at the close starts at the wall).
const TOGETHER_SECONDS = 15;
let together = false; // that moment is showing
let togetherDue = false; // the tables closed during a pause or the spotlight: the moment waits for them
let stageBefore = null; // the stage of the view before, null until the first

function togetherMoment(view) {
  hideMoments();
  const sides = view.joined.map((entry) => entry.perspective);
  $("moment-heading").textContent = "Together, we did this!";
  $("screen-moment-body").replaceChildren(...[
    el("p", { class: "screen-moment-outcome", text: countsText(view) }),
    view.pledges.length ? el("p", { class: "screen-moment-statement", text: `${plural(view.pledges.length, "pledge", "pledges")} to take away and do.` }) : null,
    el("p", { class: "screen-moment-why", text: `${plural(sides.length, "side", "sides")} in the room:` }),
    el("p", { class: "screen-moment-colours" }, ...sides.map((perspective) => who(perspective, 48))),
  ].filter(Boolean));
  $("screen-moment").hidden = false;
  $("screen-moment-say").textContent = `Together, we did this! ${countsText(view)}.`;
  together = true;
  momentTimer = setTimeout(hideMoments, TOGETHER_SECONDS * 1000);
}

function showMoment() {
  moments = moments.filter((m) => Date.now() - m.at < STALE_SECONDS * 1000);
  if (momentTimer || !moments.length) return;
  const { table, outcome } = moments.shift();
  const colours = [...new Set(outcome.tiles.map((tile) => tile.perspective))];
  $("moment-heading").textContent = `${table.name} met an outcome!`;
  $("screen-moment-body").replaceChildren(...[
    el("p", { class: "screen-moment-outcome" }, icon(outcome.icon || "star", "screen-moment-icon"), el("span", { text: outcome.name })),
    outcome.statement ? el("p", { class: "screen-moment-statement", text: `“${outcome.statement}”` }) : null,
    el("p", { class: "screen-moment-why", text: `${plural(colours.length, "colour", "colours")} met here: everyone's side counted.` }),
    el("p", { class: "screen-moment-colours" }, ...colours.map((perspective) => who(perspective, 48))),
    table.board.complete ? el("p", { class: "screen-moment-why", text: `${table.name} has walked the whole path!` }) : null,
  ].filter(Boolean));
  $("screen-moment").hidden = false;
  $("screen-moment-say").textContent = `${table.name} met an outcome: ${outcome.name}.`;
  momentTimer = setTimeout(() => {
    $("screen-moment").hidden = true;
    momentTimer = setTimeout(() => { // a breath between two moments, so the next one arrives anew
      momentTimer = null;
      showMoment();
    }, 600);
  }, MOMENT_SECONDS * 1000);
}

function renderJoined(view) {
  $("screen-joined").replaceChildren(
    el("li", { class: "screen-total" }, el("strong", { text: String(view.people) }), view.people === 1 ? " person" : " people"),
    ...view.joined.map((j) => el("li", {}, el("strong", { class: "screen-joined-count", text: String(j.count) }),
      el("span", { class: "sr-only", text: " here as " }), // "2 here as a family carer", not "2 a family carer"
      footprint(j.perspective, { size: 40 }), el("span", { class: "screen-joined-name", text: j.name }))));
}

// Every table's path as one table: a row per table, a column per outcome; each cell holds
// the footprints placed there and says "Met" once enough colours have met.
function pathTable(view) {
  const outcomes = view.outcomes;
  const head = el("tr", {}, el("th", { scope: "col", text: "Table" }),
    ...outcomes.map((o) => el("th", { scope: "col" }, icon(o.icon || "star", "screen-outcome-icon"), el("span", { text: o.name }))));
  const rows = view.tables.filter((t) => t.board).map((t) => el("tr", {},
    el("th", { scope: "row" }, el("span", { text: t.name }), el("span", { class: "screen-row-note", text: plural(t.cards_played, "card", "cards") })),
    ...t.board.outcomes.map((o) => {
      const names = o.tiles.map((tile) => legendOf(tile.perspective).name);
      return el("td", { class: o.met ? "is-met" : "" },
        el("span", { class: "screen-tiles", "aria-hidden": "true" }, ...o.tiles.map((tile) => footprint(tile.perspective, { size: 40 }))),
        o.met ? el("span", { class: "screen-met", text: "★ Met" }) : null,
        el("span", { class: "sr-only", text: names.length ? `Footprints: ${names.join(", ")}.` : "No footprints yet." }));
    })));
  return el("table", { class: "screen-path-table" },
    el("caption", { class: "sr-only", text: "Every table's path: the footprints on each outcome" }),
    el("thead", {}, head), el("tbody", {}, ...rows));
}

// A projector cannot scroll: when a panel runs off the bottom of the screen (four tables and a
// message did not fit 1280 x 720; nine pledges did not either), as many of its items as fit
// are shown at a time, the next ones every PAGE_SECONDS: "Tables 1-3 of 4".
const pagers = {}; // panel id -> { page, timer }

function pageItems(panel, items, note, [one, many], again) {
  const state = pagers[panel.id] || (pagers[panel.id] = { page: 0, timer: null });
  const overflows = () => panel.getBoundingClientRect().bottom > document.documentElement.clientHeight;
  items.forEach((item) => { item.hidden = false; });
  note.hidden = true;
  if (!panel.offsetParent || items.length < 2 || !overflows()) {
    clearInterval(state.timer);
    state.timer = null;
    return;
  }
  note.textContent = `${many} 1–${items.length} of ${items.length}`; // its room, while measuring
  note.hidden = false;
  let fit = items.length;
  while (fit > 1 && overflows()) {
    fit -= 1;
    items[fit].hidden = true;
  }
  const pages = Math.ceil(items.length / fit);
  const each = Math.ceil(items.length / pages); // even pages: 2 and 2, not 3 and 1
  state.page %= pages;
  items.forEach((item, i) => { item.hidden = Math.floor(i / each) !== state.page; });
  const first = state.page * each + 1;
  const last = Math.min(items.length, first + each - 1);
  note.textContent = first === last ? `${one} ${first} of ${items.length}` : `${many} ${first}–${last} of ${items.length}`;
  if (!state.timer) state.timer = setInterval(() => { state.page += 1; again(); }, PAGE_SECONDS * 1000);
}

function pageRows() {
  pageItems($("screen-paths-panel"), [...$("screen-paths").querySelectorAll("tbody tr")], $("screen-paths-page"), ["Table", "Tables"], pageRows);
}

function pagePledges() {
  pageItems($("screen-pledges"), [...$("screen-pledge-wall").children], $("screen-pledges-page"), ["Pledge", "Pledges"], pagePledges);
}

// A big room: one line per outcome, with how many tables have met it.
function outcomeList(view) {
  const tables = view.tables.filter((t) => t.board).length;
  return el("ul", { class: "screen-outcome-list" }, ...view.outcomes.map((o) => el("li", { class: o.tables ? "is-met" : "" },
    icon(o.icon || "star", "screen-outcome-icon"), el("span", { class: "screen-outcome-name", text: o.name }),
    el("strong", { text: `met at ${o.tables} of ${tables} tables` }))));
}

// "12 cards played · 9 answers agreed · 3 outcomes met": what the room did together.
function countsText(view) {
  const met = view.outcomes.reduce((sum, o) => sum + o.tables, 0);
  const agreed = view.tables.reduce((sum, t) => sum + t.agreed.length, 0);
  const counts = [plural(view.cards_played, "card played", "cards played"), plural(agreed, "answer agreed", "answers agreed")];
  if (view.outcomes.length) counts.push(plural(met, "outcome met", "outcomes met"));
  return counts.join(" · ");
}

function renderProgress(view) {
  shown = view;
  $("screen-counts").textContent = countsText(view);
  const hasBoard = view.outcomes.length && view.tables.some((t) => t.board);
  const many = view.tables.filter((t) => t.board).length > MATRIX_TABLES || window.matchMedia("(max-width: 50rem)").matches;
  $("screen-paths").replaceChildren(...(hasBoard ? [many ? outcomeList(view) : pathTable(view)] : []));
  pageRows();
  const newest = view.agreed.slice(-AGREED_SHOWN).reverse();
  $("screen-agreed").replaceChildren(...newest.map((note) => el("li", {},
    el("p", { class: "screen-agreed-text", text: note.text }),
    el("p", { class: "screen-agreed-from" }, who(note.perspective, 28), el("span", { text: note.table })))));
  $("screen-agreed-none").hidden = newest.length > 0;
}

// Reflect: its three questions for the whole room, each with its newest ideas.
function renderIdeas(ideas) {
  for (const [kind, items] of Object.entries(ideas)) {
    $(`screen-ideas-${kind}`).replaceChildren(...(items.length
      ? items.map((idea) => el("li", {},
        el("p", { class: "screen-agreed-text", text: idea.text }),
        el("p", { class: "screen-agreed-from" }, who(idea.perspective, 28), el("span", { text: idea.table }))))
      : [el("li", { class: "screen-quiet", text: "Ideas will appear here." })]));
  }
}

function renderPledges(view) {
  const wall = $("screen-pledge-wall");
  wall.replaceChildren(...view.pledges.map((p) => el("li", {},
    el("p", { class: "screen-pledge-text", text: p.text }),
    el("p", { class: "screen-pledge-from" }, who(p.perspective, 28), el("span", { text: p.table })))));
  $("screen-pledges-none").hidden = view.pledges.length > 0;
}

function cardBlock(card) {
  return el("div", { class: "screen-card" },
    el("p", { class: "screen-card-kind" }, icon(card.icon || "chat", "screen-card-icon"),
      el("span", { text: CARD_TYPES[card.type] || "A card" }),
      card.perspective && card.perspective !== "anyone" ? who(card.perspective, 32) : null),
    el("p", { class: "screen-card-text", text: card.text }));
}

function renderSpotlight(spot) {
  const body = [];
  if (spot.kind === "pledge") {
    body.push(el("p", { class: "screen-spot-where", text: `A pledge from ${spot.table}` }),
      el("p", { class: "screen-spot-words", text: spot.text }), el("p", {}, who(spot.perspective)));
  } else {
    body.push(el("p", { class: "screen-spot-where", text: spot.table }));
    if (spot.card) body.push(cardBlock(spot.card));
    if (spot.note) {
      body.push(el("p", { class: "screen-spot-label", text: spot.note.kind === "agreed" ? "What they agreed" : "Their note" }),
        el("p", { class: "screen-spot-words", text: spot.note.text }), el("p", {}, who(spot.note.perspective)));
    }
  }
  $("spotlight-body").replaceChildren(...body);
  fitSpotlight();
}

// A projector cannot scroll: a long card and a long answer under the facilitator's message
// ran off the bottom. The spotlight's type shrinks, a step at a time, until it fits (or
// reaches three fifths of its size).
function fitSpotlight() {
  const spot = $("screen-spotlight");
  spot.style.fontSize = "";
  if (spot.hidden) return;
  const fits = () => spot.getBoundingClientRect().bottom <= document.documentElement.clientHeight;
  for (let step = 19; step >= 12 && !fits(); step -= 1) spot.style.fontSize = `${step / 20}rem`;
}

function render(view) {
  useLegend(view.room.legend);
  const { room } = view;
  $("screen-problem").hidden = true;
  $("screen-title").textContent = room.title;
  $("screen-title").classList.toggle("is-long", room.title.length > 28);
  document.title = `Big screen · ${room.title} · In Our Shoes`;
  $("screen-practice").hidden = !room.practice;
  $("screen-stage").textContent = room.ended ? "The workshop has ended. Thank you!"
    : room.paused ? "Paused for a moment" : STAGES[room.stage] || room.stage;
  timer.update(room.ended || room.stage === "closed" ? null : room.timer, view.now); // no time to keep at the close
  const notice = room.notice && room.notice.text;
  $("screen-notice").hidden = !notice;
  $("screen-notice").textContent = notice || "";

  const lobby = room.stage === "lobby" && !room.ended;
  const closing = room.ended || room.stage === "pledge" || room.stage === "closed";
  const spot = view.spotlight;
  $("screen-spotlight").hidden = !spot;
  if (spot) renderSpotlight(spot);
  $("screen-join").hidden = !lobby || !!spot;
  const qr = $("screen-join").querySelector("img");
  if (lobby && !qr.src) qr.src = qr.dataset.src; // only once the room is known to exist
  $("screen-code-small").hidden = lobby || room.locked || room.ended || room.stage === "closed";
  $("screen-progress").hidden = !!spot;
  const reflecting = Boolean(view.ideas) && !spot;
  $("screen-paths-panel").hidden = lobby || reflecting; // thinking back: the three questions take the screen
  $("screen-agreed-panel").hidden = lobby || reflecting || closing;
  $("screen-reflect-panel").hidden = !reflecting;
  if (reflecting) renderIdeas(view.ideas);
  $("screen-pledges").hidden = !closing || !!spot;
  root.dataset.stage = lobby ? "lobby" : closing ? "closing" : reflecting ? "reflect" : "play";
  renderJoined(view);
  renderProgress(view);
  renderPledges(view);
  pagePledges(); // once the wall is in sight (or not)
  const fresh = newlyMet(view);
  const atClose = room.stage === "closed" && !room.ended;
  togetherDue = atClose && (togetherDue || (stageBefore !== null && stageBefore !== room.stage));
  stageBefore = room.stage;
  if (togetherDue && !spot && !room.paused) {
    togetherDue = false;
    togetherMoment(view);
  } else if (together && atClose && !spot && !room.paused) {
    // it runs its time
  } else if (closing || spot || room.stage !== "play" || room.paused) {
    hideMoments(); // no celebration runs on while the room is paused
  } else {
    moments.push(...fresh);
    showMoment();
  }
}

function showProblem(text) {
  for (const id of ["screen-join", "screen-progress", "screen-pledges", "screen-spotlight"]) $(id).hidden = true;
  $("screen-title").textContent = "Big screen";
  $("screen-problem").textContent = text;
  $("screen-problem").hidden = false;
}

const live = connect({
  onView: render,
  onConnect: async () => {
    metBefore = null; // back after a lost connection: what was met meanwhile is not news
    stageBefore = null; // ... nor a close
    const ack = await live.call("screen", { code });
    if (ack && ack.ok) render(ack.view);
    else showProblem(ack && ack.error ? ack.error.message : "We could not open this workshop. Please try again.");
    return Boolean(ack && ack.ok);
  },
  banner: $("reconnecting"),
});
$("screen-join-link").textContent = `${location.host}/j/${code}`;
