// "2 new answers.": other people's answers are announced politely and in batches, never more
// than one announcement every few seconds, so a busy table does not talk over itself.

import { announce } from "./dom.js";
import { say } from "./words.js";

export const QUIET_MS = 5000;

export function answerNews(quietMs = QUIET_MS) {
  let waiting = 0; // answers not announced yet
  let last = -Infinity; // when the last announcement was made
  let timer = null;

  function flush() {
    timer = null;
    if (!waiting) return;
    announce(say("news.answers", { n: waiting }));
    waiting = 0;
    last = Date.now();
  }

  return {
    // `n` more answers from others arrived
    add(n) {
      if (n <= 0) return;
      waiting += n;
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, last + quietMs - Date.now()) || 600);
    },
    // the card changed: answers to the old card are no longer news
    clear() {
      clearTimeout(timer);
      timer = null;
      waiting = 0;
    },
  };
}
