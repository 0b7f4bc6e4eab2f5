// The facilitator's side of the home page: "Your workshop is ready" with the host link to
// keep (copy, download, print) right after making one, and "My workshops": every workshop
// this browser runs, with a way back in and "forget this".

import { el, shownCode } from "./live.js";
import { forgetWorkshop, hostLink, rememberWorkshop, savedWorkshops } from "./host-saved.js";
import { keepTools } from "./host-keep.js";

const $ = (id) => document.getElementById(id);

export function when(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

function workshopItem(workshop) {
  const title = workshop.title || `Workshop ${workshop.code}`;
  const question = el("p", { text: `Forget \u201c${title}\u201d on this browser? The workshop itself is not changed; you will need its host link to get back in.` });
  const confirm = el("div", { class: "confirm-forget", hidden: true }, question);
  const forget = el("button", { type: "button", class: "button button-quiet" },
    "Forget this", el("span", { class: "visually-hidden", text: ` workshop: ${title}` }));
  const yes = el("button", { type: "button", class: "button button-danger", text: "Yes, forget it" });
  const no = el("button", { type: "button", class: "button button-quiet", text: "Keep it" });
  confirm.append(el("div", { class: "row" }, yes, no));
  forget.addEventListener("click", () => {
    confirm.hidden = false;
    yes.focus();
  });
  no.addEventListener("click", () => {
    confirm.hidden = true;
    forget.focus();
  });
  yes.addEventListener("click", () => {
    forgetWorkshop(workshop.code);
    $("my-workshops-status").textContent = `\u201c${title}\u201d is forgotten on this browser.`;
    showWorkshops();
    $("mine-heading").focus();
  });
  const made = workshop.created ? `made ${when(workshop.created)}` : `first opened here ${when(workshop.saved)}`;
  return el("li", { class: "my-workshop" },
    el("div", { class: "my-workshop-about" },
      el("p", { class: "my-workshop-title" }, title, workshop.practice ? el("span", { class: "tag practice-tag", text: "Practice" }) : null),
      el("p", { class: "hint" }, "Room code ", el("strong", { class: "room-code", text: shownCode(workshop.code) }), ` · ${made}`,
        workshop.link && workshop.link !== "main" ? " · co-facilitator link" : "")),
    el("div", { class: "row" },
      el("a", { class: "button button-strong", href: `/host/${workshop.code}` },
        "Open", el("span", { class: "visually-hidden", text: ` ${title}` })),
      forget),
    confirm);
}

export function showWorkshops() {
  const workshops = savedWorkshops();
  $("my-workshops").hidden = workshops.length === 0 && !$("my-workshops-status").textContent;
  $("my-workshops-list").replaceChildren(...(workshops.length
    ? workshops.map(workshopItem)
    : [el("li", { class: "empty", text: "No workshops are remembered on this browser." })]));
}

// Right after making a workshop: remember it here, and show its host link to keep.
export function showReady({ code, host_key: key, host_url: url }, title, practice = false) {
  const kept = rememberWorkshop(code, { key, title, created: new Date().toISOString(), link: "main", ...(practice ? { practice } : {}) });
  $("ready-practice").hidden = !practice;
  $("ready-heading").textContent = practice ? "Your practice workshop is ready" : "Your workshop is ready";
  $("ready-code").textContent = shownCode(code);
  const input = $("ready-link");
  input.value = url || hostLink(code, key);
  input.addEventListener("focus", () => input.select());
  $("ready-tools").replaceChildren(keepTools("ready", () => ({ code, key, title }),
    { input, buttonClass: "button button-quiet" }));
  $("ready-remembered").textContent = kept
    ? "This browser also remembers it under \u201cMy workshops\u201d on this home page."
    : "This browser cannot remember it (private browsing?), so please copy, download or print it now.";
  $("ready-open").href = input.value;
  document.querySelector(".home-choices").hidden = true;
  $("ready").hidden = false;
  showWorkshops();
  $("ready-heading").focus();
}
