"""The views sent as patches (server/patches.py): for each audience (a table, the people not
yet seated, the hosts of a room), the last view its subscribers hold and its version.

Everyone subscribed to one audience holds the same view, so one patch serves them all. A
newcomer first gets the whole view the others hold (`whole`); from then on the same patches
as the rest. (Its acknowledgement carries the newest view, so it is never behind for long.) Versions come from one counter, so a
client can tell a patch meant for the view it holds (`from` is its `v`) from any other.

A host view holds every table's detail, the very objects the tables' own views hold
(server/wire.py). Comparing 50-odd changed tables took most of a 1,000-person host view's
time, though each table's stream had just compared the same two objects: so each table
keeps its last change (`steps`), and the host's comparison reuses it when its detail went
from that one to this one.
"""
from __future__ import annotations

import itertools

from .patches import diff


class Streams:
    def __init__(self):
        self.last: dict[tuple, tuple[int, dict]] = {}  # audience -> (version, view)
        self.versions = itertools.count(1)
        self.steps: dict[tuple, tuple[dict, dict, list]] = {}  # table audience -> (detail before, after, ops)

    def prepare(self, audience: tuple, view: dict, pause) -> tuple | None:
        """Work out the change from the view the audience holds to `view` ahead of `advance`,
        with `pause()` between slices (server/patches.py). No lock is needed: a view is never
        changed once built. If the audience moves on meanwhile, `advance` compares again."""
        last = self.last.get(audience)
        return None if last is None else (last, diff(last[1], view, pause, self._known_to(audience)))

    def advance(self, audience: tuple, view: dict, prepared: tuple | None = None) -> dict | None:
        """Make `view` the audience's newest; the patch message for those who held the one
        before, or None if nothing changed (or nobody held one). `prepared`: from `prepare`."""
        last = self.last.get(audience)
        if last is None:
            self.last[audience] = (next(self.versions), view)
            return None
        ops = prepared[1] if prepared is not None and prepared[0] is last else diff(last[1], view)
        if not ops:  # the same view: keep the newer objects, so the next comparison is by identity
            self.last[audience] = (last[0], view)
            return None
        version = next(self.versions)
        self.last[audience] = (version, view)
        self._remember_step(audience, last[1], view, ops)
        return {"n": view["n"], "v": version, "from": last[0], "ops": ops}

    def _remember_step(self, audience: tuple, old: dict, new: dict, ops: list) -> None:
        """A table's detail changed: keep the change, paths relative to the detail."""
        before, after = old.get("table"), new.get("table")
        if audience[1] == "t" and before is not after and type(before) is dict and type(after) is dict:
            self.steps[audience] = (before, after, [[op[0], op[1][1:], *op[2:]] for op in ops if op[1][:1] == ["table"]])

    def _known_to(self, audience: tuple):
        """For a host view's comparison: a table's detail change its own stream worked out."""
        if audience[1] != "h":
            return None
        code = audience[0]

        def known(key, before, now):
            if key != "tables" or type(now) is not dict:
                return None
            step = self.steps.get((code, "t", now.get("id")))
            return step[2] if step is not None and step[0] is before and step[1] is now else None

        return known

    def started(self, audience: tuple) -> bool:
        """Does someone hold a view of this audience (so a newcomer gets that one)?"""
        return audience in self.last

    def holds(self, audience: tuple, key: str, part) -> bool:
        """Does the audience's newest view have this very object at `key`? (False if no
        one holds a view of it as patches: those with whole views may not have it.)"""
        last = self.last.get(audience)
        return last is not None and last[1].get(key) is part

    def whole(self, audience: tuple) -> dict:
        """The message that gives a newcomer the audience's newest view (after `advance`)."""
        version, view = self.last[audience]
        return {"n": view["n"], "v": version, "view": view}

    def drop(self, audience: tuple) -> None:
        """Nobody holds this audience's view any more."""
        self.last.pop(audience, None)
        self.steps.pop(audience, None)

    def prune(self, live: dict) -> None:
        """Forget the audiences of rooms that are no longer live (audience[0] is the room code)."""
        for audience in [a for a in self.last if a[0] not in live]:
            del self.last[audience]
        for audience in [a for a in self.steps if a[0] not in live]:
            del self.steps[audience]
