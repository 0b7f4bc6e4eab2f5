// Playing a spoken answer. A recording is fetched only when someone asks to hear it, with
// their key in the Authorization header (the participant's token, or the host key on the host
// page), and played from a blob: URL (the page's CSP allows `media-src 'self' blob:`).
// Pressing "Play the spoken answer (0:12)" puts the browser's own player in its place and
// starts it, so pausing and playing again work with the keyboard as everywhere else.

import { el } from "./live.js";
import { put, say } from "./words.js";

// The page says once how it may fetch recordings: its room code and the key to send (the
// participant's token, or the host key).
let listen = null;
export function hearWith(code, bearer) {
  listen = { code, bearer };
}

// A player stays the same element while the screen is redrawn (a vote arriving must not stop
// a recording someone is listening to): one per place and recording.
const players = new Map();

// 42 -> "0:42", 61.5 -> "1:02"
export function clock(seconds) {
  const whole = Math.max(1, Math.round(Number(seconds) || 0));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

export async function fetchRecording(code, id, bearer) {
  const response = await fetch(`/api/rooms/${encodeURIComponent(code)}/audio/${encodeURIComponent(id)}`, {
    headers: { Authorization: `Bearer ${bearer}` },
  });
  if (!response.ok) throw new Error(`audio ${response.status}`);
  return response.blob();
}

// `audio`: {id, seconds} from a response, note or pledge; `label`: what the player is
// called ("Spoken answer from Ana"); `place`: where on the page it is (see `players`).
export function spokenPlayer(audio, { label, place = "" }) {
  const known = players.get(`${place}:${audio.id}`);
  if (known) return known;
  const { code, bearer } = listen || {};
  const time = clock(audio.seconds);
  const status = el("p", { class: "error spoken-status", role: "status" });
  const button = el("button", { type: "button", class: "button spoken-play", "data-key": `play-${audio.id}` });
  put(button, "spoken.play", { time });
  const node = el("div", { class: "spoken", "data-audio": audio.id }, button, status);
  players.set(`${place}:${audio.id}`, node);
  button.addEventListener("click", async () => {
    if (button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    status.classList.remove("error");
    status.textContent = say("spoken.loading");
    try {
      const blob = await fetchRecording(code, audio.id, bearer());
      const player = el("audio", {
        controls: true, preload: "auto", class: "spoken-audio", "aria-label": label, "data-key": `audio-${place}-${audio.id}`, src: URL.createObjectURL(blob),
      });
      status.textContent = "";
      button.replaceWith(player);
      player.focus();
      await player.play().catch(() => {}); // a browser that refuses to start by itself: the controls are there
    } catch {
      button.removeAttribute("aria-disabled");
      status.classList.add("error");
      status.textContent = say("spoken.failed");
    }
  });
  return node;
}
