// The facilitator's message (#notice, role=alert): one compact line that opens on request
// ("Show all"), so it never fills a phone's screen; "Close message" puts focus back where
// you were. It goes away when the workshop ends.

import { el } from "./live.js";
import { announce } from "./dom.js";

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
    announce("Message closed.");
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
      el("strong", {}, el("span", { class: "sr-only", text: "From the " }), "Facilitator: "), notice.text);
    const more = el("button", {
      type: "button",
      class: "button button-quiet notice-more",
      "aria-expanded": "false",
      "aria-controls": "notice-text",
      text: "Show all",
      hidden: true,
      onclick: () => {
        const open = box.classList.toggle("is-open");
        more.setAttribute("aria-expanded", String(open));
        more.textContent = open ? "Show less" : "Show all";
      },
    });
    box.classList.remove("is-open");
    box.replaceChildren(text, el("div", { class: "notice-tools" },
      more,
      el("button", { type: "button", class: "button button-quiet", onclick: () => close(notice.at) },
        "Close", el("span", { class: "sr-only", text: " message" }))));
    box.hidden = false;
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
