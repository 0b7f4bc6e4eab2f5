// Answering by speaking: up to a minute (MediaRecorder, WebM/Opus), the time left, stop,
// listen back; the form's button uploads it (POST .../audio, the person's token) and sends
// `{audio: id}`. No recorder or microphone: said plainly, with no button (on this form and
// every later one, until the page is loaded again).

import { el } from "./live.js";
import { savedToken } from "./store.js";
import { announce } from "./dom.js";
import { clock } from "./spoken.js";
import { FILLED } from "./symbols.js";
import { put, say } from "./words.js";

const TYPE = "audio/webm;codecs=opus";
const MOST_MS = 59500; // the server takes up to 60 seconds

let micRefused = false; // once the microphone could not be used, no form offers a record button
const MIC_REFUSED = "inourshoes:mic-refused";

export function canRecord() {
  return !micRefused && Boolean(window.MediaRecorder && navigator.mediaDevices && navigator.mediaDevices.getUserMedia
    && window.MediaRecorder.isTypeSupported && window.MediaRecorder.isTypeSupported(TYPE));
}

async function upload(code, blob) {
  const response = await fetch(`/api/rooms/${encodeURIComponent(code)}/audio`, {
    method: "POST",
    headers: { Authorization: `Bearer ${savedToken(code)}`, "Content-Type": "audio/webm" },
    body: blob,
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status !== 201) throw new Error((answer.error && answer.error.message) || say("record.failed"));
  return answer.audio;
}

// `button`: the form's send button's words; `start`: the record button's word key.
export function recorder({ id, code, button, start: startKey = "record.start" }) {
  const status = el("p", { class: "record-status", id: `${id}-rec-status`, role: "status" });
  const node = el("div", { class: "recorder" });
  if (!canRecord()) {
    node.append(el("p", { class: "hint record-none", text: say(micRefused ? "record.no_mic" : "record.unsupported") }));
    return { node, filled: () => false, finish: async () => {}, values: async () => ({}), reset() {} };
  }
  const start = put(el("button", { type: "button", class: "button record-start", "data-key": `${id}-rec` }), startKey);
  const stop = put(el("button", { type: "button", class: "button button-strong record-stop", "data-key": `${id}-rec-stop`, hidden: true }), "record.stop");
  const left = el("p", { class: "record-left", hidden: true });
  const review = el("div", { class: "record-review", hidden: true });
  node.append(start, left, stop, review, status);

  let media = null; // the MediaRecorder while recording
  let clip = null; // {blob, seconds, url} once recorded
  let sent = null; // the id the server gave the recording (kept if the form's send fails)
  let ticking = null;
  let finishing = false; // stopped by the form's send: focus stays with the send
  const refused = () => {
    if (!node.isConnected) {
      document.removeEventListener(MIC_REFUSED, refused);
      return;
    }
    start.hidden = true;
    status.textContent = say("record.no_mic");
  };
  document.addEventListener(MIC_REFUSED, refused);

  function show(state) {
    start.hidden = state !== "idle" || micRefused;
    stop.hidden = state !== "recording";
    left.hidden = state !== "recording";
    review.hidden = state !== "recorded";
  }

  function release() {
    clearInterval(ticking);
    if (media && media.stream) media.stream.getTracks().forEach((track) => track.stop());
  }

  function forget() {
    if (clip) URL.revokeObjectURL(clip.url);
    clip = null;
    sent = null;
    review.replaceChildren();
    show("idle");
  }

  async function begin() {
    status.textContent = "";
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      micRefused = true;
      document.dispatchEvent(new CustomEvent(MIC_REFUSED)); // the other forms on screen too
      return;
    }
    const chunks = [];
    const began = Date.now();
    media = new window.MediaRecorder(stream, { mimeType: TYPE, audioBitsPerSecond: 32000 });
    media.addEventListener("dataavailable", (event) => { if (event.data.size) chunks.push(event.data); });
    media.addEventListener("stop", () => {
      release();
      const seconds = (Date.now() - began) / 1000;
      const blob = new Blob(chunks, { type: "audio/webm" });
      media = null;
      if (!node.isConnected) return; // the screen changed while recording: nothing to keep
      clip = { blob, seconds, url: URL.createObjectURL(blob) };
      recorded(finishing);
      node.dispatchEvent(new CustomEvent(FILLED, { bubbles: true }));
    });
    media.start(250);
    show("recording");
    const tick = () => {
      const ms = MOST_MS - (Date.now() - began);
      if (!node.isConnected || ms <= 0) {
        if (media && media.state !== "inactive") media.stop();
        return;
      }
      left.textContent = say("record.left", { n: Math.ceil(ms / 1000) });
    };
    tick();
    ticking = setInterval(tick, 250);
    stop.focus();
  }

  function recorded(quietly) {
    const time = clock(clip.seconds);
    const player = el("audio", { controls: true, src: clip.url, class: "record-audio", "aria-label": say("record.player") });
    const drop = put(el("button", { type: "button", class: "button button-quiet record-drop", "data-key": `${id}-rec-drop` }), "record.discard");
    drop.addEventListener("click", () => {
      forget();
      announce(say("record.discarded"));
      start.focus();
    });
    review.replaceChildren(
      el("p", { class: "hint", text: say("record.listen") }),
      player,
      el("p", { class: "record-ready", text: say("record.ready", { time, button }) }),
      drop);
    show("recorded");
    if (!quietly) player.focus();
  }

  // "Send" pressed while still recording: stop, and send what was said (a person who speaks
  // and then presses Send should not be told they gave no answer).
  function finish() {
    if (!media) return Promise.resolve(); // nothing recording, or its clip is made already
    finishing = true;
    return new Promise((resolve) => {
      media.addEventListener("stop", () => { finishing = false; resolve(); }, { once: true });
      if (media.state !== "inactive") media.stop(); // Stop pressed just before: wait for the clip
    });
  }

  start.addEventListener("click", begin);
  stop.addEventListener("click", () => {
    if (media && media.state !== "inactive") media.stop();
  });

  return {
    node,
    filled: () => Boolean(clip),
    finish,
    async values() {
      if (!clip) return {};
      if (!sent) {
        status.textContent = say("record.uploading");
        try {
          sent = await upload(code, clip.blob);
        } finally {
          status.textContent = "";
        }
      }
      return { audio: sent };
    },
    reset: forget,
  };
}
