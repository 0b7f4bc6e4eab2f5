// Keep a host link safe: copy it, download it as a small page, or print a sheet with the
// room code and a QR code of the link. Used right after making a workshop (home page), on
// the host page, and for a new co-facilitator's link. The QR code is drawn by the server
// (POST /api/rooms/CODE/host-qr.svg with the key as a Bearer token, never cached), since
// the key lives only in the link's #fragment.

import { el, shownCode } from "./live.js";
import { hostLink } from "./host-saved.js";

// Copy `text`; when the browser will not (plain http, no permission), select it in `input`
// so the person can copy it by hand. Returns what to tell them.
export async function copyText(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true, say: "Copied. Paste it somewhere private, such as an email to yourself." };
  } catch {
    if (input) {
      input.hidden = false;
      input.value = text;
      input.focus();
      input.select();
    }
    return { ok: false, say: "Your browser did not let us copy. The link is selected: press Ctrl+C (or Cmd+C) to copy it." };
  }
}

export async function hostQr(code, key) {
  const response = await fetch(`/api/rooms/${code}/host-qr.svg`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}` },
    cache: "no-store",
  });
  if (!response.ok) throw new Error("The QR code could not be made. Please check the connection.");
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await response.text())}`;
}

const joinUrl = (code) => `${location.origin}/j/${code}`;

// The same words on the file and on the printed sheet: what the link is and how to get back.
function instructions(doc, { code, who }) {
  const make = (tag, text) => {
    const node = doc.createElement(tag);
    node.textContent = text;
    return node;
  };
  const list = doc.createElement("ol");
  list.append(
    make("li", "Open this host link on any computer, tablet or phone (or scan its QR code) to get back into the facilitator's page."),
    make("li", "On the computer where you made the workshop, the home page also lists it under \u201cMy workshops\u201d."),
    make("li", "Lost it? The organiser of this server can make a new host link; the old one then stops working."),
  );
  return [
    make("p", `This is ${who} host link for In Our Shoes workshop ${shownCode(code)}. It opens the facilitator's controls and the notes, so keep it private: do not show it on a shared screen or send it to participants.`),
    list,
    make("p", `Participants join with the room code ${shownCode(code)} at ${joinUrl(code)} (not with this link).`),
  ];
}

function fileName(code) {
  return `inourshoes-host-link-${code}.html`;
}

// A small web page with the link, room code and instructions; built as a document (never
// from strings), so a title with markup in it stays plain text.
export function linkPage({ code, key, title, qr, who = "your" }) {
  const doc = document.implementation.createHTMLDocument(`Host link: ${title}`);
  const meta = doc.createElement("meta");
  meta.setAttribute("charset", "utf-8");
  doc.head.prepend(meta);
  doc.documentElement.setAttribute("lang", "en-GB");
  const heading = doc.createElement("h1");
  heading.textContent = title;
  const link = doc.createElement("a");
  link.href = hostLink(code, key);
  link.textContent = hostLink(code, key);
  const linkLine = doc.createElement("p");
  linkLine.append(link);
  doc.body.append(heading, ...instructions(doc, { code, who }), linkLine);
  if (qr) {
    const image = doc.createElement("img");
    image.src = qr;
    image.alt = "QR code of the host link";
    image.width = 240;
    image.height = 240;
    doc.body.append(image);
  }
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

function save(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/html;charset=utf-8" }));
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function downloadLink(details) {
  let qr = null;
  try {
    qr = await hostQr(details.code, details.key);
  } catch {
    // the file is still useful without its QR code
  }
  save(linkPage({ ...details, qr }), fileName(details.code));
}

// Fill the page's print sheet (room code, QR code of the host link, the link in words,
// how to get back in) and open the browser's print dialogue with only the sheet showing.
export async function printLink({ code, key, title, who = "your" }) {
  const qr = await hostQr(code, key);
  let sheet = document.getElementById("print-sheet");
  if (!sheet) {
    sheet = el("section", { id: "print-sheet", class: "print-sheet", "aria-hidden": "true" });
    document.body.append(sheet);
  }
  const image = el("img", { class: "print-qr", src: qr, alt: "QR code of the host link", width: 300, height: 300 });
  sheet.replaceChildren(
    el("p", { class: "print-kicker", text: "In Our Shoes · private: for the facilitator" }),
    el("h1", { text: title }),
    el("p", { class: "print-code" }, "Room code ", el("strong", { text: shownCode(code) })),
    image,
    el("p", { class: "print-link", text: hostLink(code, key) }),
    ...instructions(document, { code, who }));
  await image.decode().catch(() => {});
  document.body.classList.add("printing-sheet");
  window.addEventListener("afterprint", () => document.body.classList.remove("printing-sheet"), { once: true });
  window.print();
}

// The three buttons (and a status line) for one host link. `details()` gives
// {code, key, title, who?} at the moment of the click; `input` shows the link to copy by
// hand when the browser will not copy; `buttonClass` fits the page's own buttons.
export function keepTools(prefix, details, { input, buttonClass = "h-btn h-btn-quiet" } = {}) {
  const say = el("p", { class: "status", role: "status", id: `${prefix}-status` });
  const tell = (text, bad = false) => {
    say.classList.toggle("status-error", bad);
    say.textContent = text;
  };
  const button = (id, text, run) => el("button", {
    type: "button",
    id: `${prefix}-${id}`,
    class: buttonClass,
    text,
    onclick: async () => {
      tell("");
      try {
        await run(details());
      } catch (err) {
        tell(err.message || "That did not work. Please try again.", true);
      }
    },
  });
  const copy = button("copy", "Copy the link", async (d) => {
    const done = await copyText(hostLink(d.code, d.key), input);
    tell(done.say, !done.ok);
  });
  const download = button("download", "Download as a file", async (d) => {
    await downloadLink(d);
    tell("The file is downloading. Keep it somewhere private.");
  });
  const print = button("print", "Print it", async (d) => {
    await printLink(d);
    tell("Keep the printed sheet somewhere private.");
  });
  return el("div", { class: "keep-tools" }, el("div", { class: "keep-buttons" }, copy, download, print), say);
}
