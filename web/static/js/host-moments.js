// The host page's three moments (Before, During, Closing): each a heading with a button that
// shows or hides its panels. When the stage changes, the groups that stage needs open and the
// others close, except one the facilitator opened by hand and is working in (focus inside).

const NEEDED = {
  lobby: ["before"],
  look_back: ["during"],
  play: ["during"],
  reflect: ["during", "closing"],
  pledge: ["during", "closing"],
  closed: ["closing"],
  ended: ["closing"],
};

const groups = new Map(); // name -> {toggle, body, byHand}
let shownFor = null; // the stage the groups were last arranged for

function set(name, open) {
  const group = groups.get(name);
  group.toggle.setAttribute("aria-expanded", String(open));
  group.body.hidden = !open;
}

export function initMoments() {
  for (const section of document.querySelectorAll(".moment")) {
    const name = section.id.replace("moment-", "");
    const toggle = section.querySelector(".moment-toggle");
    const body = section.querySelector(".moment-body");
    groups.set(name, { toggle, body, byHand: false });
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      groups.get(name).byHand = open;
      set(name, open);
    });
  }
}

// Open the group that holds `element` (to show or focus something inside it).
export function reveal(element) {
  for (const [name, group] of groups) {
    if (group.body.contains(element) && group.body.hidden) {
      group.byHand = true;
      set(name, true);
    }
  }
}

export function renderMoments(room) {
  const stage = room.ended ? "ended" : room.stage;
  if (stage === shownFor) return;
  shownFor = stage;
  const wanted = NEEDED[stage] || [];
  for (const [name, group] of groups) {
    const keep = group.byHand && group.body.contains(document.activeElement);
    set(name, wanted.includes(name) || keep);
    if (!keep) group.byHand = false;
  }
}
