"""Run a blocking call in a real OS thread, so the server's event loop keeps serving.

Under eventlet every workshop shares one OS thread: a call that blocks in C (starting a
process, an SQLite checkpoint writing megabytes and syncing them to disk) would stop every
table meanwhile. `off_the_loop` hands such a call to eventlet's pool of real threads
(`tpool`) and waits for it as a green wait. In threading mode the caller is already a real
thread, so the call is made directly (as it is under gevent, which is only benchmarked).
`real_lock` is a lock both sides can use.
"""
from __future__ import annotations

import sys
import threading


def patched() -> bool:
    """Has eventlet replaced threads with green threads in this process?"""
    eventlet = sys.modules.get("eventlet")
    return eventlet is not None and eventlet.patcher.is_monkey_patched("thread")


def real_lock():
    """A lock that works between real OS threads (eventlet replaces `threading.Lock` with one
    for green threads only, which a real thread cannot wait on)."""
    if patched():
        from eventlet import patcher

        return patcher.original("threading").Lock()
    return threading.Lock()


def off_the_loop(call, *args, **kwargs):
    """`call(*args, **kwargs)`, in a real OS thread when eventlet runs the server."""
    if patched():
        from eventlet import tpool

        return tpool.execute(call, *args, **kwargs)
    return call(*args, **kwargs)
