"""Small changes between two views, for clients that asked for them (`patches: true`).

A table's view is 9-14 KB and every action changes a few hundred bytes of it; the host view
covers every table (hundreds of KB in a conference). Sending the whole view to everyone after
every tap costs phones on venue wifi, and the server its time. So a client may ask for
`patch` messages instead: operations that turn the view it holds into the new one.

Operations, applied in order (`path` is a list of keys and list positions from the root):

- `["set", path, value]`  put `value` at `path` (a new key, or a changed value)
- `["add", path, items]`  append `items` to the list at `path` (answers, notes and the like grow at the end)
- `["del", path]`         remove the key at `path`

Pure functions of plain JSON values, so the web client (web/static/js/patch.js) does the same.
Values Python calls equal count as unchanged (1 and true): no view uses one field for both.
"""
from __future__ import annotations


def diff(old, new, pause=None, known=None) -> list[list]:
    """The operations that turn `old` into `new` (both dicts); [] when they are equal.
    `pause`: called between the items of the view's top-level lists (a host view's tables
    and people), so a long comparison can let other work in; the operations are the same.
    `known(key, before, now)`: with `pause`, the operations (paths relative to the item)
    that turn one such item into the next if already worked out, else None (server/streams.py)."""
    ops: list[list] = []
    if pause is None:
        _diff(old, new, [], ops)
    else:
        _diff_top(old, new, ops, pause, known)
    return ops


def _diff_top(old: dict, new: dict, ops: list, pause, known=None) -> None:
    """`_diff` of two views, one top-level list item at a time with `pause()` between. It
    differs from `_diff` in one place on purpose: two top-level lists are not first compared
    whole (`before != value` on a host view's tables is itself one long step without pauses)."""
    for key, value in new.items():
        if key not in old:
            ops.append(["set", [key], value])
            continue
        before = old[key]
        if before is value:
            continue
        if type(before) is list and type(value) is list and 0 < len(before) <= len(value):
            for i, item in enumerate(before):
                pause()
                now = value[i]
                if item is now:
                    continue
                done = known(key, item, now) if known is not None else None
                if done is not None:
                    ops.extend([op[0], [key, i, *op[1]], *op[2:]] for op in done)
                elif type(item) is not type(now) or item != now:
                    _diff(item, now, [key, i], ops)
            if len(value) > len(before):
                ops.append(["add", [key], value[len(before) :]])
        elif type(before) is not type(value) or before != value:
            _diff(before, value, [key], ops)
    ops.extend(["del", [key]] for key in old if key not in new)


def _diff(old, new, path: list, ops: list) -> None:
    if type(old) is dict and type(new) is dict:
        for key, value in new.items():
            if key not in old:
                ops.append(["set", path + [key], value])
            else:
                before = old[key]
                if before is not value and (type(before) is not type(value) or before != value):
                    _diff(before, value, path + [key], ops)
        ops.extend(["del", path + [key]] for key in old if key not in new)
    elif type(old) is list and type(new) is list and 0 < len(old) <= len(new):
        for i, before in enumerate(old):
            value = new[i]
            if before is not value and (type(before) is not type(value) or before != value):
                _diff(before, value, path + [i], ops)
        if len(new) > len(old):
            ops.append(["add", path, new[len(old) :]])
    else:
        ops.append(["set", path, new])


def apply(view, ops: list[list]):
    """`view` with `ops` applied, leaving `view` itself as it was (only the changed paths are copied)."""
    for op in ops:
        view = _apply_one(view, op[0], op[1], op[2] if len(op) > 2 else None)
    return view


def _apply_one(node, kind: str, path: list, value):
    if not path:
        if kind == "set":
            return value
        if kind == "add":
            return node + value
        raise ValueError("cannot delete the whole view")
    copy = dict(node) if isinstance(node, dict) else list(node)
    key = path[0]
    if len(path) == 1 and kind == "del":
        del copy[key]
    elif len(path) == 1 and kind == "set":
        copy[key] = value
    else:
        copy[key] = _apply_one(copy[key], kind, path[1:], value)
    return copy
