// The facilitator's message (#notice): one compact line that opens on request ("Show all"),
// so it never fills a phone's screen; "Read aloud" reads it; "Close message" puts focus back
// where you were. It goes away when the workshop ends. A new message is said once, through
// #alert (base.html), in words alone: its buttons are not read out as part of it, and a
// reload does not say it again.

import { el } from "./live.js";
import { announce } from "./dom.js";
import { readButton } from "./speak.js";
import { put, say } from "./words.js";

const HEARD = "inourshoes:notice-heard";

function sayOnce(notice) {
  const region = document.getElementById("alert");
  let heard = null;
  try {
    heard = window.sessionStorage.getItem(HEARD);
  } catch {
    // no storage: it may be said again after a reload
  }
  if (!region || !notice.at || heard === notice.at) return;
  try {
    window.sessionStorage.setItem(HEARD, notice.at);
  } catch {
    // as above
  }
  region.textContent = "";
  setTimeout(() => { region.textContent = `${say("notice.from")}${notice.text}`; }, 50);
}

export function noticeBanner(box, fallback) {
  let shown = null; // the `at` of the message showing
  let closed = null; // the `at` of the message last closed
  let ended = false;
  let place = null; // where focus was before it went into the message
  let fits = null; // watches whether the message fits on its line

  document.addEventListener("focusin", (event) => {
    if (!box.contains(event.target)) place = event.target;
  });

  function clear() {
    if (fits) fits.disconnect();
    box.hidden = true;
    box.classList.remove("is-open");
    box.replaceChildren();
    shown = null;
  }

  function close(at) {
    closed = at;
    clear();
    announce(say("notice.closed"));
    const back = place && document.contains(place) && place.getClientRects().length ? place : fallback();
    if (back) back.focus();
  }

  // `fromView`: the message in a view (no message there clears it); else a `notice` event.
  function show(notice, fromView = false) {
    if (ended) return;
    if (!notice || !notice.text) {
      if (fromView) clear();
      return;
    }
    if (notice.at && (notice.at === shown || notice.at === closed)) return;
    shown = notice.at;
    const text = el("p", { class: "notice-text", id: "notice-text" },
      el("strong", { text: say("notice.from") }), notice.text);
    const more = el("button", {
      type: "button",
      class: "button button-quiet notice-more",
      "aria-expanded": "false",
      "aria-controls": "notice-text",
      text: say("notice.more"),
      hidden: true,
      onclick: () => {
        const open = box.classList.toggle("is-open");
        more.setAttribute("aria-expanded", String(open));
        more.textContent = say(open ? "notice.less" : "notice.more");
      },
    });
    const closeButton = put(el("button", { type: "button", class: "button button-quiet", onclick: () => close(notice.at) }), "notice.close");
    closeButton.append(el("span", { class: "sr-only", text: say("notice.close_hidden") }));
    box.classList.remove("is-open");
    box.replaceChildren(text, el("div", { class: "notice-tools" },
      more,
      readButton(() => `${say("notice.from")}${notice.text}`, { key: "notice-read", describedby: "notice-text", compact: true }),
      closeButton));
    box.hidden = false;
    sayOnce(notice);
    // "Show all" only when the message does not fit on its line (checked again on resizing)
    if (fits) fits.disconnect();
    fits = new ResizeObserver(() => {
      if (!box.classList.contains("is-open")) more.hidden = text.scrollHeight <= text.clientHeight + 1;
    });
    fits.observe(text);
  }

  return {
    show,
    // The workshop has ended: the thank-you screen has no message over it.
    end() {
      ended = true;
      clear();
    },
  };
}
