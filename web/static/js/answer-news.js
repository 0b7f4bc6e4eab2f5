// "2 new answers.": batched, at most one announcement every few seconds.

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
    add(n) {
      if (n <= 0) return;
      waiting += n;
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, last + quietMs - Date.now()) || 600);
    },
    clear() {
      clearTimeout(timer);
      timer = null;
      waiting = 0;
    },
  };
}
