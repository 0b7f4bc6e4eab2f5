// On a long host page (a phone above all) "Pause everyone" sits at the top and scrolls away
// while the facilitator reads a table or moves someone. This small bar at the foot of the
// screen keeps it one tap away, with the stage the room is at, while the top's own controls
// are out of sight. It never hides what has focus: the page's scroll-padding-bottom is its
// height (WCAG 2.4.11).

import { stageLabel } from "./host-util.js";

const $ = (id) => document.getElementById(id);

export function initQuickBar() {
  const bar = $("quick-bar");
  const pause = $("quick-pause");
  let inSight = true;
  const measure = () => {
    document.documentElement.style.scrollPaddingBottom = bar.hidden ? "" : `${bar.offsetHeight + 8}px`;
  };
  const show = () => {
    bar.hidden = inSight || $("pause").hidden;
    measure();
  };
  new IntersectionObserver(([entry]) => {
    inSight = entry.isIntersecting;
    show();
  }).observe($("host-now"));
  new ResizeObserver(measure).observe(bar);
  pause.addEventListener("click", () => $("pause").click()); // the same press, the same words after it
  return {
    update(room) {
      $("quick-stage").textContent = room.paused ? "Everyone is paused" : `Stage: ${stageLabel(room.stage)}`;
      pause.textContent = room.paused ? "Resume" : "Pause everyone";
      show();
    },
  };
}
