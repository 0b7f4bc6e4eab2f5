// Small DOM helpers shared by the participant's screens.

import { el } from "./live.js";

// Say something to screen readers through the page's polite live region.
// Things said within a moment of each other are read together, in order.
let pending = [];
let flushing = null;
export function announce(text) {
  const region = document.getElementById("announce");
  if (!region || !text) return;
  pending.push(text);
  region.textContent = "";
  clearTimeout(flushing);
  // a short gap, so the same words said twice are still read twice
  flushing = setTimeout(() => {
    region.textContent = pending.join(" ");
    pending = [];
  }, 80);
}

// Replace a container's children; if focus was on an element with a data-key inside it,
// put focus back on the new element with the same key (so re-rendering never loses your place).
export function swap(container, ...children) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  if (key) {
    const again = container.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (again) again.focus();
  }
}

// A polite live region next to a control, for the server's answer when something fails.
export function statusLine(id) {
  return el("p", { id, class: "error", role: "status" });
}

// A button that ignores clicks while its action is on its way (even if the button is redrawn
// meanwhile), then reports any error in `status` or calls `after` when it worked.
const inFlight = new Set();
export function actionButton({ key, text, cls = "button", status, run, after, describedby }) {
  return el("button", {
    type: "button",
    class: cls,
    "data-key": key,
    "aria-describedby": describedby,
    text,
    onclick: async () => {
      if (inFlight.has(key)) return;
      inFlight.add(key);
      try {
        const ack = await run();
        if (status) status.textContent = ack && !ack.ok ? ack.error.message : "";
        if (ack && ack.ok && after) after();
      } finally {
        inFlight.delete(key);
      }
    },
  });
}

// After an action that removes its own button, put focus somewhere sensible if it was lost.
export function refocus(target) {
  const active = document.activeElement;
  if (target && (!active || active === document.body || !document.contains(active))) target.focus();
}

const ICONS = {
  person: "person",
  carer: "carer",
  support_worker: "support-worker",
  manager: "manager",
  commissioner: "commissioner",
  health: "health",
  other: "other",
};

// A decorative icon: the words always sit beside it, so it has empty alt text.
export function icon(name, cls = "icon") {
  return el("img", { class: cls, src: `/static/icons/${name}.svg`, alt: "", width: 40, height: 40 });
}

export function perspectiveIcon(perspective, cls) {
  return icon(ICONS[perspective] || "other", cls);
}

// "Priya" / "Priya, entered by Sam" / "... kept in the room": who said something, plainly.
export function byline(item, meId) {
  const parts = [];
  if (item.author_name) parts.push(item.author === meId ? `${item.author_name} (you)` : item.author_name);
  if (item.entered_by && item.entered_by_name) parts.push(`entered by ${item.entered_by_name}`);
  const meta = el("p", { class: "meta" }, parts.join(", "));
  if (item.private) meta.append(" ", el("span", { class: "tag", text: "Kept in the room" }));
  return meta;
}

// A list of notes or pledges, or a quiet line when there are none yet.
export function itemList(items, meId, empty) {
  if (!items.length) return el("p", { class: "empty", text: empty });
  return el("ul", { class: "said-list" },
    ...items.map((item) => el("li", { class: "said-item" },
      el("p", { class: "said", text: item.text }),
      byline(item, meId))));
}
