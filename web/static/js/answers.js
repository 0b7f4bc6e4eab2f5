// The answers to the card: the picture spread, then each answer in its author's colours with
// who said it, its votes, "Vote" and "Read aloud". Hidden answers: only how many.

import { el } from "./live.js";
import { actionButton, easyFold, refocus, statusLine, swap } from "./dom.js";
import { forChooser } from "./forms.js";
import { nameOf } from "./names.js";
import { saidBody, saidLabel } from "./said.js";
import { readButton } from "./speak.js";
import { spreadView } from "./symbols.js";
import { perspectiveWords, readWords, voiced, who } from "./voices.js";
import { easyRead, put, say } from "./words.js";
import { writingLine } from "./writing.js";
import { addWordsForm } from "./add-words.js";

export function answersSection({ act, meId }) {
  const heading = el("h2", { id: "answers-heading", tabindex: "-1" });
  const chooser = forChooser("vote-for", "for.vote");
  const left = el("p", { class: "votes-left" });
  const spread = el("div", { class: "spread-slot" });
  const body = el("div", { class: "answers-body" });
  const writing = writingLine();
  const status = statusLine("vote-status");
  const words = addWordsForm({ act, meId });
  // Easy Read: voting for someone without a phone folds away (easyFold)
  const forOthers = easyRead() ? easyFold("for.vote_more", chooser.field) : null;
  const node = el("section", { class: "panel answers", "aria-labelledby": "answers-heading" },
    heading, forOthers || chooser.field, left, spread, body, writing.node, status, words.node);
  let table = null;
  chooser.select.addEventListener("change", () => table && update(table));

  // Hidden answers show neither words nor names: only how many people have answered. Anyone
  // may show them once everyone with a device has answered, or when the turn-holder has no
  // device; the turn-holder may at any time.
  function hiddenAnswers(t) {
    const holder = t.players.find((p) => p.id === t.turn);
    const mayReveal = !holder || holder.id === meId() || !holder.device || t.answered >= t.to_answer;
    const answered = t.to_answer === 1 ? "answers.answered_one" : "answers.answered";
    return [
      el("p", { class: "hidden-note", text: say("answers.hidden") }),
      t.answered
        ? el("p", { class: "answered", text: say(answered, { n: t.answered, total: t.to_answer }) })
        : el("p", { class: "empty", text: say("answers.nobody") }),
      mayReveal
        ? actionButton({
          key: "reveal", words: "answers.show", cls: "button", status, run: () => act("reveal"),
          after: () => refocus(heading),
        })
        : el("p", { class: "hint", text: say("answers.who_shows", { name: nameOf(t, holder.id) }) }),
    ];
  }

  function answer(r, voter, t) {
    const voted = r.voters.includes(voter);
    const textId = `answer-${r.id}`;
    const tags = [];
    if (t.tie && t.tie.includes(r.id)) tags.push(el("span", { class: "tag tag-tie", text: say("answers.tied") }));
    else if (t.proposed === r.id) tags.push(el("span", { class: "tag tag-lead", text: say("answers.most") }));
    return voiced("li", r, { class: voted ? "said-item answer voted" : "said-item answer" },
      ...saidBody(r, { place: "answer", id: textId }),
      r.text ? null : el("span", { class: "sr-only", id: textId, text: saidLabel(r) }),
      who(r, t, meId()),
      el("div", { class: "answer-votes" },
        el("span", { class: "vote-count", text: say("answers.votes", { n: r.votes }) }),
        ...tags,
        actionButton({
          key: `vote-${r.id}`,
          words: voted ? "answers.unvote" : "answers.vote",
          cls: voted ? "button button-quiet" : "button",
          describedby: textId,
          status,
          run: () => {
            const fields = { response: r.id };
            if (voter !== meId()) fields.for = voter;
            return act(voted ? "unvote" : "vote", fields);
          },
        }),
        readButton(() => readWords(r, t), { key: `read-${r.id}`, describedby: textId })));
  }

  function update(t, writers = []) {
    if (!table || table.round !== t.round) chooser.reset(meId()); // a new card: I vote as me
    table = t;
    node.hidden = !t.card;
    if (!t.card) return;
    writing.update(writers);
    words.update(t);
    put(heading, t.responses.length ? "answers.count" : "answers.heading", { n: t.responses.length });
    chooser.update(t, meId());
    if (forOthers) forOthers.hidden = chooser.field.hidden || t.hidden;
    if (t.hidden) {
      chooser.field.hidden = true;
      left.hidden = true;
      swap(spread);
      swap(body, hiddenAnswers(t));
      return;
    }
    const voter = chooser.value() || meId();
    const used = t.responses.filter((r) => r.voters.includes(voter)).length;
    const remaining = Math.max(0, t.votes_per_card - used);
    left.hidden = false;
    left.textContent = voter === meId()
      ? say("answers.left", { n: remaining, total: t.votes_per_card })
      : say("answers.left_for", { name: nameOf(t, voter), n: remaining, total: t.votes_per_card });
    swap(spread, spreadView(t, (r) => perspectiveWords(r, t)));
    swap(body, t.responses.length
      ? el("ul", { class: "said-list" }, ...t.responses.map((r) => answer(r, voter, t)))
      : el("p", { class: "empty", text: say("answers.none") }));
  }
  return { node, update };
}
