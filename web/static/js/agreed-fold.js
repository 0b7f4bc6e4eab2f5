// "What we agreed", folded on a phone: shared by the play screen and the close.

import { el } from "./live.js";
import { WIDE as WIDE_QUERY } from "./dom.js";
import { sayWith } from "./words.js";

// "What we agreed" on a phone (or any screen under 60rem: phone.css, dom.js fold) starts
// folded under one tap, "What we agreed (25)", so a long list never buries the card and the
// answers; on a wide screen it is simply open. Views arrive many times a minute and the
// screen is drawn again when the stage or Easy Read changes: what the person chose (open or
// shut) is kept for as long as the page is open, never snapped back. `name`: one per place.
const NARROW_OPEN = new Map(); // name -> true/false, as the person last left it on a narrow screen
const WIDE = window.matchMedia(WIDE_QUERY); // the breakpoint of the other folds
const SHOWN = new Map(); // name -> the fold on the page now (a screen drawn afresh replaces it)
WIDE.addEventListener("change", () => { for (const follow of SHOWN.values()) follow(); });

export function agreedFold(name, panel) {
  const summary = el("summary", { "data-key": `fold-${name}` }); // focus kept when redrawn (dom.js swap)
  const details = el("details", { class: "fold" }, summary, panel);
  const follow = () => { details.open = WIDE.matches || NARROW_OPEN.get(name) === true; };
  let shown = null;
  follow();
  SHOWN.set(name, follow);
  // opened or shut by the person (on a wide screen there is nothing to tap: summary hidden)
  details.addEventListener("toggle", () => { if (!WIDE.matches) NARROW_OPEN.set(name, details.open); });
  return {
    node: details,
    count(n) {
      if (n === shown) return;
      shown = n;
      summary.replaceChildren(...sayWith("agreed.heading"), ` (${n})`);
    },
  };
}

