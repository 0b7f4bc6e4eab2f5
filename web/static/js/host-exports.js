// Download the notes: fetch /api/rooms/CODE/export.FMT with the host key as a Bearer token
// (never in the URL), then save the file from a blob with a sensible name.

const NAMES = { md: "Markdown", csv: "CSV", json: "JSON", html: "printable page", docx: "Word" };

export function initExports(code, key) {
  const say = document.getElementById("export-status");
  const anonymous = document.getElementById("export-anonymous");
  for (const button of document.querySelectorAll("#export-buttons [data-format]")) {
    button.addEventListener("click", async () => {
      const format = button.dataset.format;
      say.classList.remove("status-error");
      say.textContent = `Preparing the ${NAMES[format]} file…`;
      try {
        const query = anonymous.checked ? "?anonymous=1" : "";
        const response = await fetch(`/api/rooms/${code}/export.${format}${query}`, {
          headers: { Authorization: `Bearer ${key() || ""}` },
        });
        if (!response.ok) throw new Error(await problem(response));
        const blob = await response.blob();
        const stamp = new Date().toISOString().slice(0, 10);
        const fallback = `inourshoes-${code}-${stamp}${anonymous.checked ? "-anonymous" : ""}.${format}`;
        save(blob, serverName(response) || fallback);
        say.textContent = `The ${NAMES[format]} file is downloading.`;
      } catch (err) {
        say.classList.add("status-error");
        say.textContent = err.message && !err.message.startsWith("Failed") ? err.message
          : "The download did not work. Please check the connection and try again.";
      }
    });
  }
}

// The name the server suggests (Content-Disposition), if it is a plain safe one.
function serverName(response) {
  const header = response.headers.get("Content-Disposition") || "";
  const match = /filename="?([A-Za-z0-9._-]+)"?/.exec(header);
  return match ? match[1] : null;
}

async function problem(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return body.error.message;
  } catch {
    // not JSON: fall back to a message by status
  }
  const { status } = response;
  if (status === 403) return "The host key was not accepted for downloads. Please open the host link again.";
  if (status === 404) return "That download is not available yet.";
  if (status === 429) return "Too many downloads at once. Please wait a minute and try again.";
  return `The download did not work (error ${status}). Please try again.`;
}

function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
