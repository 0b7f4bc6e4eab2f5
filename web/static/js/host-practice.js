// A practice workshop's simulated players, on the host page: who they are, and how fast they
// play (`practice {pace}`). They go through the same rules as people, so every other control
// on this page works on them as it would on the day. Shown only in a practice room.

import { el } from "./live.js";
import { run } from "./host-util.js";

const PACES = [["paused", "Paused"], ["slow", "Slow"], ["normal", "Normal"], ["fast", "Fast"]];

export function initPractice(live) {
  const status = el("p", { class: "status", role: "status" });
  const who = el("p", { class: "practice-who" });
  const radios = PACES.map(([pace, label]) => {
    const input = el("input", { type: "radio", name: "practice-pace", id: `pace-${pace}`, value: pace });
    input.addEventListener("change", () => run(live, status, "practice", { pace }, `Simulated players: ${label.toLowerCase()}.`));
    return el("div", { class: "h-check" }, input, el("label", { for: `pace-${pace}`, text: label }));
  });
  const section = el("section", { class: "h-panel practice", id: "practice", "aria-labelledby": "practice-heading", hidden: true },
    el("h2", { id: "practice-heading", text: "Practice workshop" }),
    el("p", { text: "Simulated players join, draw, answer, vote, reflect and pledge by themselves, so you can try every control. This workshop is deleted after a day and is not counted anywhere." }),
    who,
    el("fieldset", { class: "practice-pace", "data-live": true }, el("legend", { text: "How fast they play" }), ...radios),
    status);

  function render(view) {
    section.hidden = !view.practice;
    if (!view.practice) return;
    const bots = view.players.filter((p) => p.simulated);
    who.textContent = bots.length
      ? `${bots.length} of ${view.practice.simulated} simulated players are here: ${bots.map((p) => p.name).join(", ")}.`
      : "The simulated players are on their way.";
    for (const radio of section.querySelectorAll("input[type=radio]")) {
      if (document.activeElement !== radio) radio.checked = radio.value === view.practice.pace;
    }
  }
  return { section, render };
}
