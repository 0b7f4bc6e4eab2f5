"""The write-ahead log is copied into the database file by `Store.checkpoint`, never inside a
commit (server/store.py), from a real OS thread under eventlet (server/offloop.py), every
second while the store is open (server/checkpoints.py); and nothing committed is lost."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from server import checkpoints
from server import store as store_module
from server.game import Event
from server.offloop import off_the_loop
from server.store import Store

ROOT = Path(__file__).resolve().parents[2]
TEXT = "An answer long enough to fill a page of the log quickly. " * 20


def write(store: Store, code: str, first: int, count: int) -> None:
    """`count` events, one commit each, as the server writes them."""
    for n in range(first, first + count):
        store.append(code, n, [Event("response_added", {"text": TEXT, "i": n}, "2026-12-01T00:00:00.000+00:00", "p1")])


def test_commits_leave_the_log_for_checkpoint_to_copy(tmp_path):
    store = Store(tmp_path / "log.db")
    assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    write(store, "ROOM01", 1, 1500)  # well past the 1,000 pages a commit would have copied at
    busy, pages, copied = store.checkpoint()
    assert busy == 0 and pages > 1000 and copied == pages
    store.close()
    assert store.checkpoint() is None  # closed: nothing to do, no error


def test_checkpoints_from_another_thread_while_writing_lose_nothing(tmp_path):
    store = Store(tmp_path / "busy.db")
    done, results = threading.Event(), []

    def keep_copying():
        while not done.is_set():
            results.append(store.checkpoint())

    copier = threading.Thread(target=keep_copying)
    copier.start()
    try:
        write(store, "ROOM01", 1, 2000)
    finally:
        done.set()
        copier.join()
    assert any(copied for _, _, copied in results)  # it copied while commits went on
    assert store.checkpoint()[0] == 0
    # the database file alone (a copy, without the log beside it) holds every event, in order
    shutil.copy(tmp_path / "busy.db", tmp_path / "copy.db")
    conn = sqlite3.connect(tmp_path / "copy.db")
    assert [n for (n,) in conn.execute("SELECT n FROM events WHERE room = 'ROOM01' ORDER BY n")] == list(range(1, 2001))
    assert store.event_data("ROOM01", 2000)["i"] == 2000  # and the live store goes on


def test_the_log_starts_again_while_commits_keep_coming(tmp_path, monkeypatch):
    """Copying alone never restarts the log if a commit lands during every copy (it grew
    without end at a 1000-person workshop's pace): past RESTART_AT pages the copy is
    finished with commits held for a moment, so the log stays bounded."""
    monkeypatch.setattr(store_module, "RESTART_AT", 500)
    store = Store(tmp_path / "steady.db")
    done, sizes = threading.Event(), []

    def keep_writing():
        n = 1
        while not done.is_set():
            write(store, "ROOM01", n, 1)
            n += 1
            time.sleep(0.002)  # about the pace of a 1000-person workshop

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        for _ in range(12):
            time.sleep(0.25)
            sizes.append(store.checkpoint()[1])
    finally:
        done.set()
        writer.join()
    assert max(sizes) < 3 * 500, sizes  # without the restart: 300 more pages each time, ~3,600


def test_keep_checkpointing_runs_until_the_store_closes(tmp_path):
    store = Store(tmp_path / "loop.db")
    write(store, "ROOM01", 1, 10)
    copies, waits = [], []
    checkpoint = store.checkpoint
    store.checkpoint = lambda: copies.append(checkpoint())

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 3:
            store.close()

    checkpoints.keep_checkpointing(store, sleep)
    assert waits == [checkpoints.EVERY] * 3
    assert copies[0][2] > 0 and copies[1] is not None and copies[2] is None


def test_a_failed_checkpoint_is_logged_and_the_loop_goes_on(tmp_path, caplog):
    store = Store(tmp_path / "fail.db")
    calls = []

    def failing():
        calls.append(1)
        if len(calls) == 2:
            store.close()
        raise sqlite3.OperationalError("disk I/O error")

    store.checkpoint = failing
    checkpoints.keep_checkpointing(store, lambda seconds: None)
    assert len(calls) == 2 and "checkpoint failed" in caplog.text


def test_without_eventlet_the_call_is_made_directly():
    assert off_the_loop(threading.get_ident) == threading.get_ident()


OFF_THE_LOOP = r"""
import eventlet
eventlet.monkey_patch()
import threading
from eventlet import patcher
from server.offloop import off_the_loop

real_sleep = patcher.original("time").sleep
ticks = []
def tick():
    while True:
        ticks.append(1)
        eventlet.sleep(0.01)
eventlet.spawn(tick)
eventlet.sleep(0)
loop_thread = patcher.original("_thread").get_ident()
def blocking():
    real_sleep(0.3)  # blocks its OS thread, as a checkpoint's disk writes do
    return patcher.original("_thread").get_ident()
worker = off_the_loop(blocking)
assert worker != loop_thread, "ran on the loop's own thread"
assert len(ticks) >= 10, f"the loop was held: {len(ticks)} ticks in 0.3 s"
print("ok")
"""


def test_under_eventlet_a_blocking_call_runs_in_a_real_thread_and_the_loop_goes_on():
    done = subprocess.run([sys.executable, "-c", OFF_THE_LOOP], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


CLOSE_DURING_CHECKPOINT = r"""
import eventlet
eventlet.monkey_patch()
import sys, time
from eventlet import patcher
from server.offloop import off_the_loop
from server.store import Store

store = Store(sys.argv[1])
real_sleep = patcher.original("time").sleep
def slow_checkpoint():  # holds the checkpoint lock in a real thread, as a long copy does
    with store._checkpoint_lock:
        real_sleep(0.3)
    return "copied"
copying = eventlet.spawn(off_the_loop, slow_checkpoint)
eventlet.sleep(0.05)
closing = eventlet.spawn(store.close)
with eventlet.Timeout(5, False):
    assert copying.wait() == "copied"
    closing.wait()
    assert store.checkpoint() is None
    print("ok")
"""


def test_under_eventlet_closing_during_a_checkpoint_waits_for_it_and_returns(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", CLOSE_DURING_CHECKPOINT, str(tmp_path / "close.db")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stdout + done.stderr
