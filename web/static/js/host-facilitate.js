// The facilitator's extras on the host page, mounted in one element (#facilitate): the run
// sheet (host-runsheet.js), the big screen and its spotlight (host-bigscreen.js), and in a
// practice workshop the simulated players' pace (host-practice.js). Styles: host-runsheet.css.

import { el } from "./live.js";
import { initBigScreen } from "./host-bigscreen.js";
import { initPractice } from "./host-practice.js";
import { initRunSheet } from "./host-runsheet.js";

let parts = [];

export function initFacilitate(live, code, key) {
  const mount = document.getElementById("facilitate");
  if (!mount) return;
  document.head.append(el("link", { rel: "stylesheet", href: "/static/css/host-runsheet.css" }));
  parts = [initPractice(live), initRunSheet(live, code, key), initBigScreen(live, code)];
  mount.replaceChildren(...parts.map((part) => part.section));
}

export function renderFacilitate(view) {
  for (const part of parts) part.render(view);
}
