// Moving on from a card, together: what "Next card" would keep (the clear leader), choosing
// between answers that tie for the most votes, and a gentle "Move on anyway?" when someone
// else at the table is still writing. The question is part of the page, not a pop-up.

import { el } from "./live.js";
import { actionButton, announce, refocus, statusLine, swap } from "./dom.js";
import { namesList, peopleCount } from "./writing.js";

function quote(text) {
  return `“${text}”`;
}

// The question asked before moving on past people who are still writing.
function confirmBox(act, status, onMoved, onNo) {
  const question = el("p", { id: "confirm-next-q", class: "confirm-q", tabindex: "-1" });
  const node = el("div", { class: "confirm", role: "group", "aria-labelledby": "confirm-next-q", hidden: true },
    question,
    el("div", { class: "row" },
      actionButton({ key: "next-anyway", text: "Move on anyway", cls: "button button-strong", status, run: () => act("next"), after: onMoved }),
      el("button", { type: "button", class: "button button-quiet", "data-key": "next-wait", text: "Wait for them", onclick: onNo })));
  node.addEventListener("keydown", (event) => {
    if (event.key === "Escape") onNo();
  });
  return {
    node,
    open(people) {
      question.textContent = `${peopleCount(people.length)} still writing: ${namesList(people.map((p) => p.name))}. Move on anyway?`;
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
  const heading = el("h3", { id: "tie-heading", tabindex: "-1", text: "A tie: choose together" });
  const list = el("ul", { class: "tie-list" });
  const node = el("section", { class: "tie", "aria-labelledby": "tie-heading", hidden: true },
    heading,
    el("p", { text: "These answers have the same number of votes. Talk it over, then choose one to keep." }),
    list);
  return {
    node,
    heading,
    update(t) {
      const tied = (t.tie || []).map((id) => t.responses.find((r) => r.id === id)).filter(Boolean);
      node.hidden = tied.length === 0;
      swap(list,
        ...tied.map((r) => el("li", {},
          el("p", { class: "said", id: `tied-${r.id}`, text: r.text || "An answer" }),
          actionButton({
            key: `agree-${r.id}`, text: "Keep this one", cls: "button button-strong", describedby: `tied-${r.id}`, status,
            run: () => act("agree", { response: r.id }), after: onDone,
          }))),
        el("li", { class: "tie-none" },
          actionButton({
            key: "agree-none", text: "Keep none of them", cls: "button button-quiet", status,
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
  const confirm = confirmBox(act, status, () => {
    confirm.close();
    afterMove();
  }, () => {
    confirm.close();
    nextButton.focus();
  });
  const tie = tieChooser(act, status, afterMove);
  const nextButton = actionButton({
    key: "next", text: "Next card", cls: "button button-strong", describedby: "next-hint", status,
    run: () => {
      if (writers.length) {
        confirm.open(writers);
        return null;
      }
      return act("next", { round: table.round }); // a late or repeated press never ends the next card
    },
    after: afterMove,
  });
  const node = el("section", { class: "next-box", "aria-label": "Move on" }, tie.node, proposal, nextButton, confirm.node, status);

  function describe(t) {
    const best = t.proposed && t.responses.find((r) => r.id === t.proposed);
    if (t.tie && !best) return "Or wait: votes can still change.";
    if (t.hidden) return "When you are ready: the answer with the most votes is kept in “What we agreed”.";
    if (best) return `If you move on now, we keep: ${quote(best.text)}`;
    if (t.responses.length) return "No answer has a vote yet. If you move on now, nothing is kept.";
    return "No answers yet. If you move on now, nothing is kept.";
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
      tie.update(t);
      proposal.textContent = describe(t);
      nextButton.hidden = Boolean(t.tie && !t.proposed);
      if (t.tie && !tiedBefore) {
        announce("Some answers have the same votes. Please choose one together.");
        const active = document.activeElement;
        if (!active || active === document.body || node.contains(active)) tie.heading.focus();
      }
      if (nextButton.hidden) refocus(tie.heading);
    },
  };
}
