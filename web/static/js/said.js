// What someone said, however they said it: a picture (good / not sure / not good), words,
// a spoken recording, or a mix. Shared by the participant's screens and the host page, so
// both show the same things in the same words.

import { el } from "./live.js";
import { clock, spokenPlayer } from "./spoken.js";
import { symbolBadge, symbolWord } from "./symbols.js";
import { say } from "./words.js";

// The picture, the words and a play button for the recording. `place` keeps each player
// in its place while the screen is redrawn; `id`: the id of the words' paragraph.
export function saidBody(item, { place = "said", id, cls = "said" } = {}) {
  const name = item.author_name || "";
  return [
    item.symbol ? symbolBadge(item.symbol) : null,
    item.text ? el("p", { class: cls, id, text: item.text }) : null,
    item.audio ? spokenPlayer(item.audio, { place, label: name ? say("spoken.label", { name }) : say("spoken.mine") }) : null,
  ].filter(Boolean);
}

// The same in words alone: for reading aloud, quoting ("If you move on now, we keep: ..."),
// and anywhere a picture or a player cannot go.
export function saidWords(item) {
  const parts = [];
  if (item.symbol) parts.push(`${symbolWord(item.symbol)}.`);
  if (item.text) parts.push(item.text);
  if (item.audio) parts.push(say("read.spoken", { time: clock(item.audio.seconds) }));
  return parts.join(" ");
}

// Short words for a label: the text, else "A picture: Good", else "A spoken answer".
export function saidLabel(item) {
  if (item.text) return item.text;
  if (item.symbol) return say("answers.a_picture", { word: symbolWord(item.symbol) });
  return item.audio ? say("answers.spoken_only") : "";
}
