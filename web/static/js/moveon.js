// Moving on from a card, together: what "Next card" would keep (the clear leader), choosing
// between answers that tie for the most votes, and a gentle "Move on anyway?" when someone
// else at the table is still writing, or when nobody has answered yet (one tap by mistake
// must not throw a card away). The question is part of the page, not a pop-up.

import { el } from "./live.js";
import { QUIET_MS, actionButton, announce, refocus, statusLine, swap } from "./dom.js";
import { saidBody, saidLabel } from "./said.js";
import { voiced, who } from "./voices.js";
import { put, say } from "./words.js";
import { namesList, peopleCount } from "./writing.js";

function quote(text) {
  return `“${text}”`;
}

// The question asked before moving on past people who are still writing, or from a card
// nobody has answered.
function confirmBox(act, round, status, onMoved, onNo) {
  const question = el("p", { id: "confirm-next-q", class: "confirm-q", tabindex: "-1" });
  let openedAt = -Infinity;
  const stay = el("button", { type: "button", class: "button button-quiet", "data-key": "next-wait", onclick: onNo });
  const node = el("div", { class: "confirm", role: "group", "aria-labelledby": "confirm-next-q", hidden: true },
    question,
    el("div", { class: "row" },
      actionButton({
        key: "next-anyway", words: "next.anyway", cls: "button button-strong", status, after: onMoved,
        // the second tap of a double tap on "Next card" must not land here and answer for you
        run: () => (performance.now() - openedAt < QUIET_MS ? null : act("next", { round: round() })),
      }),
      stay));
  node.addEventListener("keydown", (event) => {
    if (event.key === "Escape") onNo();
  });
  return {
    node,
    open(people) {
      question.textContent = people.length
        ? say("next.confirm", { count: peopleCount(people.length), names: namesList(people.map((p) => p.name)) })
        : say("next.confirm_empty");
      put(stay, people.length ? "next.wait" : "next.stay");
      openedAt = performance.now();
      node.hidden = false;
      question.focus({ preventScroll: true });
      node.scrollIntoView({ block: "nearest" }); // the question and both answers in view
    },
    close() {
      node.hidden = true;
    },
  };
}

// The answers that tie for the most votes, and a button to keep each one (or none).
function tieChooser(act, status, onDone) {
  const heading = put(el("h3", { id: "tie-heading", tabindex: "-1" }), "next.tie_heading");
  const list = el("ul", { class: "tie-list" });
  const node = el("section", { class: "tie", "aria-labelledby": "tie-heading", hidden: true },
    heading,
    el("p", { text: say("next.tie_hint") }),
    list);
  return {
    node,
    heading,
    update(t) {
      const tied = (t.tie || []).map((id) => t.responses.find((r) => r.id === id)).filter(Boolean);
      node.hidden = tied.length === 0;
      swap(list,
        // each answer a card in its writer's colours, with who said it, its button inside
        ...tied.map((r) => voiced("li", r, { class: "tie-option" },
          ...saidBody(r, { place: "tie", id: `tied-${r.id}` }),
          who(r, t),
          r.text ? null : el("span", { class: "sr-only", id: `tied-${r.id}`, text: saidLabel(r) }),
          actionButton({
            key: `agree-${r.id}`, words: "next.keep", cls: "button button-strong", describedby: `tied-${r.id}`, status,
            run: () => act("agree", { response: r.id }), after: onDone,
          }))),
        el("li", { class: "tie-none" },
          actionButton({
            key: "agree-none", words: "next.keep_none", cls: "button button-quiet", status,
            run: () => act("agree", { response: null }), after: onDone,
          })));
    },
  };
}

export function moveOnBox({ act }, { afterMove }) {
  const status = statusLine("next-status");
  const proposal = el("p", { class: "proposal", id: "next-hint" });
  let writers = [];
  let table = null;
  let askedRound = null; // the card the question is about: pressing later never ends the next one
  const confirm = confirmBox(act, () => askedRound, status, () => {
    confirm.close();
    afterMove();
  }, () => {
    confirm.close();
    nextButton.focus();
  });
  const tie = tieChooser(act, status, afterMove);
  const nextButton = actionButton({
    key: "next", words: "next.button", cls: "button button-strong", describedby: "next-hint", status,
    run: () => {
      if (writers.length || !table.responses.length) {
        askedRound = table.round;
        confirm.open(writers);
        return null;
      }
      return act("next", { round: table.round }); // a late or repeated press never ends the next card
    },
    after: afterMove,
  });
  const node = el("section", { class: "next-box", "aria-label": say("next.region") }, tie.node, proposal, nextButton, confirm.node, status);

  function describe(t) {
    const best = t.proposed && t.responses.find((r) => r.id === t.proposed);
    if (t.tie && !best) return say("next.wait_votes");
    if (t.hidden) return say("next.hidden");
    if (best) return say("next.keeps", { answer: quote(saidLabel(best)) });
    // votes, but no one clear leader: Next card will ask the table to choose between them
    const most = Math.max(0, ...t.responses.map((r) => r.votes || 0));
    if (most > 0) return say("next.will_tie", { n: t.responses.filter((r) => r.votes === most).length });
    if (t.responses.length) return say("next.no_votes");
    return say("next.no_answers");
  }

  return {
    node,
    update(t, others) {
      const tiedBefore = Boolean(table && table.tie && table.round === t.round);
      table = t;
      writers = others;
      node.hidden = !t.card;
      if (!t.card) {
        confirm.close();
        return;
      }
      // a question about a card that has gone, or "nobody has answered" once someone has
      if (t.round !== askedRound || (!others.length && t.responses.length)) confirm.close();
      tie.update(t);
      proposal.textContent = describe(t);
      nextButton.hidden = Boolean(t.tie && !t.proposed);
      if (t.tie && !tiedBefore) {
        announce(say("news.tie"));
        const active = document.activeElement;
        if (!active || active === document.body || node.contains(active)) tie.heading.focus();
      }
      if (nextButton.hidden) refocus(tie.heading);
    },
  };
}
