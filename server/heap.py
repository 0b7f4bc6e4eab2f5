"""Keep Python's full garbage collections short, so they do not stall everyone's actions.

Measured under load (README "Performance"): a full collection scanned every object the
server holds (a thousand connections, the rooms) and stopped the whole server for 50-130 ms
of CPU several times a minute. Objects that survive a full collection are long-lived, so
after one they are frozen (`gc.freeze`: never scanned again) and later passes scan only
what is new. Every THAW_EVERY seconds they are thawed, so garbage among them (connections
long closed) is still collected, with one longer pause each time.

The young generations are collected less often than Python's default (700, 10, 10): most
of what the server makes dies young by reference counting (a view's parts live until the
table's next change, well under a second), so with the default every short-lived part was
scanned, promoted and scanned again, in pauses of up to 15 ms several times a second at
1000 people. With THRESHOLDS most of it is gone before any pass: at 1000 people the
fan-out p99 fell from 22-57 ms to 9-15 ms and the server's CPU from 45 % to 34 % (bench/load.py).
"""
from __future__ import annotations

import gc
import time

THAW_EVERY = 600.0  # seconds
THRESHOLDS = (20_000, 50, 10)  # gc.set_threshold: allocations before a young pass, then passes

_state = {"on": False, "full": False, "thawed": time.monotonic()}


def _watch(phase: str, info: dict) -> None:
    if phase == "stop" and info.get("generation") == 2:
        _state["full"] = True


def start() -> None:
    """Freeze what the server loaded at start (modules, decks) and watch for full passes.
    Called by run.py only: tests and tools keep Python's usual collector."""
    _state["on"] = True
    gc.set_threshold(*THRESHOLDS)
    gc.collect()
    gc.freeze()
    if _watch not in gc.callbacks:
        gc.callbacks.append(_watch)


def tend() -> None:
    """Call every few seconds: freeze after a full pass, thaw now and then."""
    now = time.monotonic()
    if not _state["on"]:
        return
    if now - _state["thawed"] > THAW_EVERY:
        _state["thawed"], _state["full"] = now, False
        gc.unfreeze()
    elif _state["full"]:
        _state["full"] = False
        gc.collect(1)  # the young garbage first, so it is not frozen with the rest
        gc.freeze()
