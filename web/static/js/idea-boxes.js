// Reflect's three boxes on a phone: each box shows its ideas and one button, "Add an idea";
// its form (words, pictures, a recording, "Leave this out of the notes") opens under that
// button, one box at a time, with "Not now" to fold it again. Three open forms made a phone's
// reflect screen three similar blocks, 3,000 px long before anyone had said a thing; the
// ideas, not the forms, are what the table looks at. On a wide screen the boxes sit side by
// side and every form is simply open. Words typed and not sent stay as a draft (forms.js): a
// box with a draft is the one open when the page is drawn again.

import { el } from "./live.js";
import { WIDE as WIDE_QUERY } from "./dom.js";
import { put } from "./words.js";

const WIDE = window.matchMedia(WIDE_QUERY);
let openKind = null; // the box whose form is open on a narrow screen, kept while the page is open
let shown = null; // the boxes on the page now (a screen drawn afresh replaces them)
WIDE.addEventListener("change", () => shown && shown());

// `parts`: [{kind, form (forms.js sayForm), headingId}]. Returns `update()`, to call after
// the forms' own update (which brings back their drafts).
export function ideaBoxes(parts) {
  const boxes = parts.map((part) => {
    const formId = `idea-form-${part.kind}`;
    part.form.node.id = formId;
    const opener = put(el("button", {
      type: "button", class: "button idea-open", "aria-expanded": "false", "aria-controls": formId,
      "aria-describedby": part.headingId, "data-key": `idea-open-${part.kind}`,
    }), "reflect.open");
    const closer = put(el("button", { type: "button", class: "button button-quiet idea-close", "data-key": `idea-close-${part.kind}` }), "reflect.not_now");
    part.form.node.querySelector("button[type=submit]").after(closer);
    opener.addEventListener("click", () => {
      openKind = part.kind;
      follow();
      part.form.node.querySelector("textarea").focus();
    });
    closer.addEventListener("click", () => {
      openKind = null;
      follow();
      opener.focus();
    });
    return { ...part, opener, closer };
  });
  let looked = false; // drafts looked at once, when the forms first have them

  function follow() {
    const wide = WIDE.matches;
    for (const box of boxes) {
      const open = wide || openKind === box.kind;
      box.form.node.hidden = !open;
      box.opener.hidden = open;
      box.closer.hidden = wide;
      box.opener.setAttribute("aria-expanded", String(open));
    }
  }
  shown = follow;
  follow();

  return {
    openers: Object.fromEntries(boxes.map((box) => [box.kind, box.opener])),
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
