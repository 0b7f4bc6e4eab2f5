// Co-facilitators: "Add a co-facilitator" makes a separate host link (shown once, to copy,
// download or print); each link is listed with "Stop this link" (it stops working at once).
// Only the main host link can add or stop them; a co-facilitator sees the list only.

import { el } from "./live.js";
import { keepTools } from "./host-keep.js";
import { hostLink } from "./host-saved.js";
import { off, run } from "./host-util.js";

const $ = (id) => document.getElementById(id);
const rows = new Map(); // co-facilitator id -> {row, update}
let fresh = null; // the link just made: {key, label}

export function initCohosts(live, { code, title }) {
  const say = $("cohost-status");
  const input = $("cohost-new-link");
  $("cohost-new-tools").replaceChildren(keepTools("cohost-new",
    () => ({ code, key: fresh.key, title: `${title()} (co-facilitator: ${fresh.label})`, who: `${fresh.label}'s` }),
    { input }));
  $("cohost-add").addEventListener("click", async () => {
    if ($("cohost-add").dataset.busy) return;
    $("cohost-add").dataset.busy = "yes";
    const label = $("cohost-label").value.trim();
    const ack = await run(live, say, "cohost_add", label ? { label } : {}, "");
    delete $("cohost-add").dataset.busy;
    if (!ack.ok) return;
    fresh = { key: ack.host_key, label: label || "your co-facilitator" };
    input.value = hostLink(code, ack.host_key);
    $("cohost-label").value = "";
    $("cohost-new").hidden = false;
    $("cohost-new-heading").textContent = label ? `A new link for ${label}` : "A new co-facilitator link";
    $("cohost-new-heading").focus();
  });
  input.addEventListener("focus", () => input.select());
  $("cohost-new-done").addEventListener("click", () => {
    fresh = null;
    input.value = "";
    $("cohost-new").hidden = true;
    $("cohost-add").focus();
  });
}

function cohostRow(id, live) {
  const name = el("strong");
  const state = el("span");
  const stop = el("button", { type: "button", class: "h-btn h-btn-quiet" });
  const yes = el("button", { type: "button", class: "h-btn h-btn-danger" });
  const no = el("button", { type: "button", class: "h-btn h-btn-quiet", text: "Keep it" });
  const question = el("p");
  const confirm = el("div", { class: "confirm", hidden: true }, question, yes, no);
  let label = "";
  stop.addEventListener("click", () => {
    confirm.hidden = false;
    yes.focus();
  });
  no.addEventListener("click", () => {
    confirm.hidden = true;
    stop.focus();
  });
  yes.addEventListener("click", async () => {
    const ack = await run(live, $("cohost-status"), "cohost_revoke", { cohost: id }, `${label}'s link no longer works.`);
    if (ack.ok) {
      confirm.hidden = true;
      $("cohosts-heading").focus();
    }
  });
  const controls = el("div", {}, stop, confirm); // still works after the end: the link still opens the notes
  const row = el("li", { class: "cohost" }, el("p", {}, name, " · ", state), controls);

  function update(cohost, main) {
    label = cohost.label;
    name.textContent = cohost.label;
    state.textContent = cohost.revoked ? "link stopped" : "link working";
    state.className = cohost.revoked ? "quiet" : "online";
    stop.replaceChildren("Stop this link", el("span", { class: "visually-hidden", text: ` (${cohost.label})` }));
    question.textContent = `Stop ${cohost.label}'s link? It stops working at once, and their open page is told.`;
    yes.textContent = `Yes, stop ${cohost.label}'s link`;
    controls.hidden = cohost.revoked || !main;
    off(stop, cohost.revoked);
  }
  return { row, update };
}

export function renderCohosts(view, live, link) {
  const main = link === "main";
  $("cohost-add-box").hidden = !main;
  $("cohost-only-main").hidden = main;
  const list = view.cohosts || [];
  for (const cohost of list) {
    if (!rows.has(cohost.id)) rows.set(cohost.id, cohostRow(cohost.id, live));
    rows.get(cohost.id).update(cohost, main);
  }
  const wanted = list.map((c) => rows.get(c.id).row);
  const box = $("cohost-list");
  if (wanted.length !== box.children.length || wanted.some((row, i) => box.children[i] !== row)) {
    box.replaceChildren(...wanted);
  }
  box.hidden = wanted.length === 0;
}
