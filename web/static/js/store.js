// What this browser remembers between visits: the join token for each room (so a refresh,
// a closed tab or a lost network keeps you as the same person), your name, and settings.
// localStorage can be missing or full (private windows): then we simply remember nothing.

const tokenKey = (code) => `inourshoes:${code}`;
const nameKey = (code) => `inourshoes:${code}:name`;

function read(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // nothing to do: the page still works, it just forgets on reload
  }
}

export const savedToken = (code) => read(tokenKey(code));
export const savedName = (code) => read(nameKey(code));

export function remember(code, token, name) {
  write(tokenKey(code), token);
  if (name) write(nameKey(code), name);
}

export function forget(code) {
  write(tokenKey(code), null);
  write(nameKey(code), null);
}

export function setting(name, fallback) {
  const value = read(`inourshoes:setting:${name}`);
  return value === null ? fallback : value === "true";
}

export function saveSetting(name, value) {
  write(`inourshoes:setting:${name}`, String(value));
}

// Drafts: what someone is typing, per room, field and scope (a table's card, or its stage),
// in sessionStorage, so a reload, a new screen or a reconnect in this tab keeps it. Each is
// {text, id?, sent?, at}: `id` is the action id of a send not yet answered, for `sent` text.
const DRAFTS = "inourshoes:draft:";
const draftKey = (code, field, scope) => `${DRAFTS}${code}:${field}:${scope}`;

function session() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readDraft(code, field, scope) {
  try {
    return JSON.parse(session().getItem(draftKey(code, field, scope))) || null;
  } catch {
    return null;
  }
}

export function writeDraft(code, field, scope, draft) {
  try {
    if (!draft || (!draft.text && !draft.id)) session().removeItem(draftKey(code, field, scope));
    else session().setItem(draftKey(code, field, scope), JSON.stringify({ ...draft, at: Date.now() }));
  } catch {
    // no storage: the draft lives only in the text box
  }
}

// Drafts of the same field left under other scopes (an earlier card, another table), newest first.
export function otherDrafts(code, field, scope) {
  const store = session();
  const prefix = `${DRAFTS}${code}:${field}:`;
  const found = [];
  try {
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (!key.startsWith(prefix) || key === prefix + scope) continue;
      const draft = JSON.parse(store.getItem(key));
      if (draft && draft.text) found.push({ ...draft, scope: key.slice(prefix.length) });
    }
  } catch {
    return [];
  }
  return found.sort((a, b) => b.at - a.at);
}
