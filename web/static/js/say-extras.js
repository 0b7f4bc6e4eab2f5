// Answering without typing, as a `sayForm` extra: a picture and a recording (and `more`
// fields, e.g. the pledge's "who and when"). Words then become optional.

import { el } from "./live.js";
import { canRecord, recorder } from "./record.js";
import { symbolPicker } from "./symbols.js";

// `record`: the word key of the record button ("Record my answer").
export function sayExtras({ id, code, button, pictures = true, voice = true, more = null, record = "record.start" }) {
  const picker = pictures ? symbolPicker(`${id}-symbol`) : null;
  const voiceBox = voice ? recorder({ id, code, button, start: record }) : null;
  const parts = [picker, voiceBox, more].filter(Boolean);
  const speaks = voice && canRecord();
  return {
    node: el("div", { class: "say-extras" }, ...parts.map((part) => part.node)),
    empty: pictures ? (speaks ? "say.empty_any" : "say.empty_picture") : speaks ? "say.empty_voice" : null,
    filled: () => Boolean((picker && picker.value()) || (voiceBox && voiceBox.filled())),
    finish: () => (voiceBox ? voiceBox.finish() : Promise.resolve()), // a recording still going
    async values() {
      const fields = { ...(more ? more.values() : {}) };
      if (picker && picker.value()) fields.symbol = picker.value();
      return { ...fields, ...(voiceBox ? await voiceBox.values() : {}) };
    },
    reset() {
      for (const part of parts) part.reset();
    },
  };
}
