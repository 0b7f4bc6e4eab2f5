"""Keep Python's garbage collections short, so they do not stall everyone's actions.

Measured under load (README "Performance"): a collection stops the whole server for as long
as it scans, and it scans every object in the generations it collects. A full pass over what
a 1000-person workshop holds (connections, rooms) took 50-130 ms. The young generation was no
better in the end: with most of what the server makes dying young by reference counting, its
counter (allocations less deallocations) rose slowly, so a young pass came only every 15-20 s
and then scanned everything that had survived meanwhile (70,000 objects: connections' timers,
new answers), stopping the server for 45-65 ms, a third of the slowest 1 % of actions.

So every EVERY seconds `tend` freezes what is tracked (`gc.freeze`: moved out of every
generation, never scanned again, in constant time): a collection then only ever scans the
objects made since the last second. Reference counting still frees frozen objects as usual;
only garbage in cycles waits, until every THAW_EVERY seconds everything is thawed and
collected in one full pass (one longer pause, at a time we choose, then frozen again).

The young generation is also collected less often than Python's default (700, 10, 10): with
the default every short-lived part of a view was scanned and promoted several times a second.
"""
from __future__ import annotations

import gc
import time

EVERY = 1.0  # seconds between freezes
THAW_EVERY = 600.0  # seconds between full passes
THRESHOLDS = (20_000, 50, 10)  # gc.set_threshold: allocations before a young pass, then passes

_state = {"on": False, "thawed": time.monotonic()}


def start() -> None:
    """Freeze what the server loaded at start (modules, decks). Called by run.py only:
    tests and tools keep Python's usual collector."""
    _state["on"], _state["thawed"] = True, time.monotonic()
    gc.set_threshold(*THRESHOLDS)
    gc.collect()
    gc.freeze()


def tend() -> None:
    """Freeze what the last second made; now and then thaw, collect everything, freeze."""
    if not _state["on"]:
        return
    now = time.monotonic()
    if now - _state["thawed"] > THAW_EVERY:
        _state["thawed"] = now
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def keep_tending(sleep) -> None:
    """run.py starts this as a background task of the server (`sleep`: the server's own)."""
    while _state["on"]:
        sleep(EVERY)
        tend()
