"""Keep the event log's write-ahead log short, away from every commit (server/store.py).

Every EVERY seconds the log is copied into the database file in one of eventlet's real OS
threads (server/offloop.py): SQLite's C code does the writing and syncing while the event
loop goes on serving every table. Between two calls a 1,000-person workshop adds 1,000 to
3,000 pages (4-12 MB) to the log, which the next call copies; every few calls the log is
started again (`Store.checkpoint`, RESTART_AT).
"""
from __future__ import annotations

import logging

from .offloop import off_the_loop

EVERY = 1.0  # seconds

log = logging.getLogger(__name__)


def keep_checkpointing(store, sleep) -> None:
    """Until the store is closed: wait (`sleep`, the server's own), then checkpoint."""
    while not store.closed:
        sleep(EVERY)
        try:
            off_the_loop(store.checkpoint)
        except Exception:  # the next pass tries again; commits never depend on it
            log.warning("write-ahead log checkpoint failed", exc_info=True)
