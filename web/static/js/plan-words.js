// Words and pictures the action plan uses on every page: each status with its picture (the
// words are always shown, so colour is never the only sign), and dates as people say them.

import { el } from "./live.js";

export const STATUSES = [
  ["done", "Done", "It happened", "check"],
  ["started", "Started", "It is on its way", "walk"],
  ["open", "Not started yet", "Nothing has happened yet", "clock"],
  ["dropped", "Dropped", "We stopped doing this", "cross"],
];
const FOUND = Object.fromEntries(STATUSES.map(([id, label, , picture]) => [id, { label, picture }]));

export function statusLabel(status) {
  return (FOUND[status] || { label: status }).label;
}

// "Done" with its picture, as a tag.
export function statusTag(status, cls = "look-back-status") {
  const { label, picture } = FOUND[status] || { label: status, picture: "question" };
  return el("span", { class: `tag ${cls} status-${status}` },
    el("img", { class: "icon-small", src: `/static/icons/${picture}.svg`, alt: "", width: 24, height: 24 }), label);
}

// "30 April 2026" for "2026-04-30" (or an ISO time), whatever the browser's language.
export function dayLabel(value) {
  if (!value) return "";
  const [year, month, day] = value.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

// Is an action past its date and not yet done (or dropped)? Today as the device's calendar
// has it, so "late" begins at midnight where the facilitator is.
export function isLate(action, today = new Date()) {
  if (!action.due || !["open", "started"].includes(action.status)) return false;
  const local = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  return action.due.slice(0, 10) < local;
}
