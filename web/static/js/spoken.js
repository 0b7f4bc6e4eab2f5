// Playing a spoken answer: fetched on request with the page's key (token or host key), played
// from a blob: URL (CSP `media-src 'self' blob:`) in the browser's own player.

import { el } from "./live.js";
import { put, say } from "./words.js";

let listen = null;
export function hearWith(code, bearer) {
  listen = { code, bearer };
}

// One player per place and recording, kept through redraws (a vote must not stop it).
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

// `audio`: {id, seconds}; `label`: the player's name; `place`: see `players`.
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
      await player.play().catch(() => {}); // refused: the controls are there
    } catch {
      button.removeAttribute("aria-disabled");
      status.classList.add("error");
      status.textContent = say("spoken.failed");
    }
  });
  return node;
}
