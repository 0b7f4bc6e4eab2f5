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
