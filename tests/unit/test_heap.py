"""The collector settings the server runs with (server/heap.py), checked in a fresh Python:
they change the whole process, so never in the test process itself."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc, weakref
from server import heap

heap.start()
assert gc.get_threshold() == heap.THRESHOLDS, gc.get_threshold()
frozen = gc.get_freeze_count()
assert frozen > 0  # what was loaded at start is never scanned again

kept = [[i] for i in range(5000)]  # long-lived objects made after start
heap.tend()  # a second later: frozen, with no collection at all
assert gc.get_freeze_count() >= frozen + 5000, (frozen, gc.get_freeze_count())
assert not gc.get_objects(1) and not gc.get_objects(2)  # nothing old is left for a pass to scan

class Thing:
    pass

loop = Thing()
loop.me = loop  # garbage in a cycle: only the collector frees it
gone = weakref.ref(loop)
del loop
heap.tend()
gc.collect()  # frozen meanwhile, so not even a full pass reaches it ...
assert gone() is not None
heap._state["thawed"] -= heap.THAW_EVERY + 1
heap.tend()  # ... until the thaw's full pass
assert gone() is None
assert gc.get_freeze_count() >= frozen  # and everything alive is frozen again

naps = []
def sleep(seconds):
    naps.append(seconds)
    if len(naps) == 3:
        heap._state["on"] = False
heap.keep_tending(sleep)  # tends every EVERY seconds while the server runs
assert naps == [heap.EVERY] * 3, naps
print("ok")
"""


def test_the_server_freezes_every_second_and_collects_everything_now_and_then():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
