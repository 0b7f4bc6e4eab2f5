// Who is still writing. While you type an answer, your table hears "writing" (a signal the
// server forgets after 8 seconds unless renewed); it stops when you send, clear or leave the
// box. The table shows who else is writing, and "Next card" asks before moving on past them.

import { el } from "./live.js";
import { say } from "./words.js";

const RENEW_EVERY = 4000; // ms: well inside the server's 8 seconds

// Send `typing` for one text box: {on: true} at most every few seconds while there is text
// in it, {on: false} when it is sent, emptied or left.
export function signalTyping(box, typing) {
  let sentAt = 0;
  let on = false;
  const stop = () => {
    if (!on) return;
    on = false;
    sentAt = 0;
    typing(false);
  };
  box.addEventListener("input", () => {
    if (!box.value.trim()) {
      stop();
      return;
    }
    const now = Date.now();
    if (!on || now - sentAt > RENEW_EVERY) {
      on = true;
      sentAt = now;
      typing(true);
    }
  });
  box.addEventListener("blur", stop);
  if (box.form) box.form.addEventListener("submit", stop);
  return { stop };
}

// The other people at the table who are writing just now (never you).
export function othersWriting(table, ids, meId) {
  return table.players.filter((p) => ids.includes(p.id) && p.id !== meId);
}

export function namesList(names) {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${say("and")} ${names[names.length - 1]}`;
}

export function peopleCount(n) {
  return say("writing.people", { n });
}

// "Bo is writing..." under the answers: quiet, not announced (it changes too often).
export function writingLine() {
  const node = el("p", { class: "writing", hidden: true });
  return {
    node,
    update(people) {
      node.hidden = people.length === 0;
      if (!people.length) return;
      const names = namesList(people.map((p) => p.name));
      node.textContent = say(people.length === 1 ? "writing.one" : "writing.many", { names });
    },
  };
}
