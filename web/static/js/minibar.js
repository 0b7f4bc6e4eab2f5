// A small bar at the top of the participant's screen, shown once the room's own header has
// scrolled away: whose turn it is, the timer, "Offline" while the connection is down, and a
// way back to the card. It never hides what has focus: `keepFocusClear` sets the page's
// scroll-padding-top to the height of everything stuck to the top (WCAG 2.4.11).

import { el } from "./live.js";
import { createTimer } from "./timer.js";
import { say } from "./words.js";
import { nameOf } from "./names.js";

function turnText(table, meId) {
  if (!table) return "";
  if (table.stage !== "play") return table.name;
  if (!table.turn) return say("mini.anyone", { table: table.name });
  if (table.turn === meId) return say("turn.yours");
  const holder = table.players.find((p) => p.id === table.turn);
  return holder ? say("turn.theirs_short", { name: nameOf(table, holder.id) }) : table.name;
}

export function miniBar() {
  const turn = el("span", { class: "minibar-turn" });
  const timer = createTimer({ quiet: true });
  const offline = el("span", { class: "minibar-offline", text: say("offline.short"), hidden: true });
  const toCard = el("a", {
    class: "minibar-link",
    href: "#card-heading",
    text: say("mini.card"),
    hidden: true,
    onclick: (event) => {
      const card = document.getElementById("card-heading");
      if (!card) return;
      event.preventDefault();
      card.focus();
    },
  });
  // the facilitator's message sits at the top of the page: on a phone it scrolls away
  const toMessage = el("a", {
    class: "minibar-link minibar-message",
    href: "#notice",
    text: say("mini.message"),
    hidden: true,
    onclick: (event) => {
      const first = [...document.querySelectorAll("#notice button")].find((b) => !b.hidden);
      if (!first) return;
      event.preventDefault();
      first.focus();
    },
  });
  const node = el("div", { class: "minibar is-away", role: "region", "aria-label": say("mini.region"), hidden: true },
    turn, timer.node, offline, toCard, toMessage);

  return {
    node,
    update(view, meId) {
      const t = view.table;
      node.hidden = !t || view.room.ended;
      turn.textContent = turnText(t, meId);
      timer.update(t && t.stage === "closed" ? null : view.room.timer, view.now); // as the header's
      toCard.hidden = !(t && t.card);
    },
    offline(on) {
      offline.hidden = !on;
    },
    // "Message" while the facilitator's message (`box`) is showing
    watchNotice(box) {
      const show = () => { toMessage.hidden = box.hidden; };
      new MutationObserver(show).observe(box, { attributes: true, attributeFilter: ["hidden"] });
      show();
    },
    // Show the bar only while `header` (the room's own, with the same news) is out of sight,
    // or while its link has focus (it never hides what has focus).
    watch(header) {
      let inSight = true;
      const show = () => node.classList.toggle("is-away", inSight && !node.contains(document.activeElement));
      new IntersectionObserver(([entry]) => {
        inSight = entry.isIntersecting;
        show();
      }).observe(header);
      node.addEventListener("focusout", () => setTimeout(show));
    },
  };
}

// Keep focus clear of what sticks to the top: the banners (sticky on larger screens) and the
// small bar (fixed, just below them). Measured again whenever either changes size.
export function keepFocusClear(bars, bar) {
  const measure = () => {
    const stuck = bars && getComputedStyle(bars).position === "sticky" ? bars.offsetHeight : 0;
    bar.style.top = `${stuck}px`;
    const mini = bar.hidden ? 0 : bar.offsetHeight;
    document.documentElement.style.scrollPaddingTop = `${stuck + mini + 8}px`;
  };
  const watcher = new ResizeObserver(measure);
  if (bars) watcher.observe(bars);
  watcher.observe(bar);
  window.addEventListener("resize", measure);
  measure();
  return measure;
}
