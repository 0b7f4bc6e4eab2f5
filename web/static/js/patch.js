// Apply a `patch` message's ops to the view we hold (the same rules as server/patches.py).
// Only the changed paths are copied: the old view, which a screen may still be comparing
// against, stays as it was.

export function applyOps(view, ops) {
  let next = view;
  for (const [kind, path, value] of ops) next = applyOne(next, kind, path, value);
  return next;
}

function applyOne(node, kind, path, value) {
  if (path.length === 0) {
    if (kind === "set") return value;
    if (kind === "add") return node.concat(value);
    throw new Error("cannot delete the whole view");
  }
  const copy = Array.isArray(node) ? node.slice() : { ...node };
  const [key, ...rest] = path;
  if (rest.length === 0 && kind === "del") delete copy[key];
  else if (rest.length === 0 && kind === "set") put(copy, key, value);
  else put(copy, key, applyOne(copy[key], kind, rest, value));
  return copy;
}

// An own property even for a key like "__proto__" (a deck may name things freely).
function put(node, key, value) {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}
