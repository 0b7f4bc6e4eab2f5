// What someone said: a picture, words, a recording, or a mix; the same on every page.

import { el } from "./live.js";
import { clock, spokenPlayer } from "./spoken.js";
import { symbolBadge, symbolWord } from "./symbols.js";
import { say } from "./words.js";

// `place`: see spoken.js; `id`: the words' paragraph.
export function saidBody(item, { place = "said", id, cls = "said" } = {}) {
  const name = item.author_name || "";
  return [
    item.symbol ? symbolBadge(item.symbol) : null,
    item.text ? el("p", { class: cls, id, text: item.text }) : null,
    item.audio ? spokenPlayer(item.audio, { place, label: name ? say("spoken.label", { name }) : say("spoken.mine") }) : null,
  ].filter(Boolean);
}

// In words alone: to read aloud.
export function saidWords(item) {
  const parts = [];
  if (item.symbol) parts.push(`${symbolWord(item.symbol)}.`);
  if (item.text) parts.push(item.text);
  if (item.audio) parts.push(say("read.spoken", { time: clock(item.audio.seconds) }));
  return parts.join(" ");
}

export function saidLabel(item) {
  if (item.text) return item.text;
  if (item.symbol) return say("answers.a_picture", { word: symbolWord(item.symbol) });
  return item.audio ? say("answers.spoken_only") : "";
}
