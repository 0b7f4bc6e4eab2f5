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
