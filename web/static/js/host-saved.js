// The workshops this browser runs: each room's host key, title and date, kept in
// localStorage so a closed tab, a new tab or a restarted laptop never locks the facilitator
// out ("My workshops" on the home page). Nothing here leaves the browser; "forget this"
// removes it. localStorage can be missing (private windows): then we remember nothing.

const PREFIX = "inourshoes:workshop:";

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function parse(text) {
  try {
    const entry = JSON.parse(text);
    return entry && typeof entry.key === "string" ? entry : null;
  } catch {
    return null;
  }
}

export function savedWorkshop(code) {
  const store = storage();
  return store ? parse(store.getItem(PREFIX + code)) : null;
}

// Remember (or update) a workshop: `{key, title?, created?, link?}`. Returns whether it was
// kept (a full or missing storage keeps nothing).
export function rememberWorkshop(code, fields) {
  const store = storage();
  if (!store) return false;
  const before = savedWorkshop(code);
  const sameKey = before && before.key === fields.key;
  const entry = { ...(sameKey ? before : {}), ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  entry.code = code;
  entry.saved = entry.saved || new Date().toISOString();
  try {
    store.setItem(PREFIX + code, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

export function forgetWorkshop(code) {
  const store = storage();
  if (store) store.removeItem(PREFIX + code);
}

// Every remembered workshop, newest first.
export function savedWorkshops() {
  const store = storage();
  if (!store) return [];
  const found = [];
  for (let i = 0; i < store.length; i += 1) {
    const name = store.key(i);
    if (name && name.startsWith(PREFIX)) {
      const entry = parse(store.getItem(name));
      if (entry) found.push({ ...entry, code: name.slice(PREFIX.length) });
    }
  }
  const when = (w) => w.created || w.saved || "";
  return found.sort((a, b) => when(b).localeCompare(when(a)));
}

export function hostLink(code, key) {
  return `${location.origin}/host/${code}#key=${key}`;
}
