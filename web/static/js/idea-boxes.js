// Reflect's three boxes on a phone: each box shows its ideas and one button, "Add an idea";
// its form (words, pictures, a recording, "Leave this out of the notes") opens under that
// button, one box at a time, with "Not now" to fold it again. Three open forms made a phone's
// reflect screen three similar blocks, 3,000 px long before anyone had said a thing; the
// ideas, not the forms, are what the table looks at. Once an idea is added its box folds, so
// the person sees it among the others, like a note stuck on the wall. On a wide screen the
// boxes sit side by side and every form is simply open.
// Words typed and not sent stay as a draft (forms.js): a folded box that holds some says so
// ("Finish my idea"), and the first such box is the one open when the page is drawn again.

import { el } from "./live.js";
import { WIDE as WIDE_QUERY, announce } from "./dom.js";
import { easyRead, put, say } from "./words.js";

const WIDE = window.matchMedia(WIDE_QUERY);
let openKind = null; // the box whose form is open on a narrow screen, kept while the page is open
let shown = null; // the boxes on the page now (a screen drawn afresh replaces them)
WIDE.addEventListener("change", () => shown && shown());

// `parts`: [{kind, form (forms.js sayForm), headingId, question}]. Returns each box's
// `openers` (its button and the note of words not sent, to place under its ideas), `sent(kind)`
// for the form to call once an idea is added, and `update()`, to call after the forms' own
// update (which brings back their drafts).
export function ideaBoxes(parts) {
  const boxes = parts.map((part) => {
    const formId = `idea-form-${part.kind}`;
    part.form.node.id = formId;
    const label = el("span");
    const opener = el("button", {
      type: "button", class: "button idea-open", "aria-expanded": "false", "aria-controls": formId,
      "data-key": `idea-open-${part.kind}`,
    }, label, el("span", { class: "sr-only", text: ` ${say("reflect.open_to", { question: part.question })}` }));
    const unsent = el("p", { class: "hint idea-unsent", hidden: true, text: say("reflect.unsent") });
    const closer = put(el("button", { type: "button", class: "button button-quiet idea-close", "data-key": `idea-close-${part.kind}` }), "reflect.not_now");
    part.form.node.querySelector("button[type=submit]").after(closer);
    opener.addEventListener("click", () => {
      openKind = part.kind;
      follow();
      // the box's question at the top of the screen (below the bar: scroll-padding), not
      // scrolled away by the box that just folded above it
      document.getElementById(part.headingId).scrollIntoView({ block: "start" });
      // Easy Read: on the first picture, so a phone's keyboard does not come up over the
      // pictures and the record button (how most people using Easy Read answer)
      const first = (easyRead() && part.form.node.querySelector(".symbol-choice, .record-start")) || part.form.node.querySelector("textarea");
      first.focus({ preventScroll: true });
    });
    closer.addEventListener("click", () => {
      openKind = null;
      follow();
      opener.focus();
    });
    return { ...part, opener, closer, label, unsent, node: el("div", { class: "idea-opener" }, unsent, opener) };
  });
  let looked = false; // drafts looked at once, when the forms first have them

  function follow() {
    const wide = WIDE.matches;
    for (const box of boxes) {
      const open = wide || openKind === box.kind;
      const waiting = !open && box.form.hasWords();
      box.form.node.hidden = !open;
      box.node.hidden = open;
      box.closer.hidden = wide;
      box.unsent.hidden = !waiting;
      box.opener.setAttribute("aria-expanded", String(open));
      const words = waiting ? "reflect.finish" : "reflect.open";
      if (box.label.dataset.words !== words) {
        box.label.dataset.words = words;
        put(box.label, words);
      }
    }
  }
  shown = follow;
  follow();

  return {
    openers: Object.fromEntries(boxes.map((box) => [box.kind, box.node])),
    sent(kind) {
      const box = boxes.find((b) => b.kind === kind);
      if (WIDE.matches || !box || openKind !== kind || box.form.hasWords()) return;
      openKind = null; // the idea is on the wall: fold, and stand by it
      follow();
      box.opener.focus();
      announce(say("sent"));
    },
    update() {
      if (!looked && openKind === null) {
        const drafted = boxes.find((box) => box.form.hasWords());
        if (drafted) openKind = drafted.kind;
      }
      looked = true;
      follow();
    },
  };
}
