"""The collector settings the server runs with (server/heap.py), checked in a fresh Python:
they change the whole process, so never in the test process itself."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc
from server import heap
heap.start()
assert gc.get_threshold() == heap.THRESHOLDS, gc.get_threshold()
frozen = gc.get_freeze_count()
assert frozen > 0  # what was loaded at start is never scanned again
kept = [[i] for i in range(5000)]  # long-lived objects made after start
gc.collect()  # a full pass: tend freezes what survived it
heap.tend()
assert gc.get_freeze_count() >= frozen + 5000, (frozen, gc.get_freeze_count())
heap._state["thawed"] -= heap.THAW_EVERY + 1  # ... and thaws it all now and then
heap.tend()
assert gc.get_freeze_count() == 0
print("ok")
"""


def test_the_server_freezes_what_lives_long_and_collects_the_young_less_often():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
