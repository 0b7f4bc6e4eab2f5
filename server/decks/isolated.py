"""Reading an uploaded deck in a separate process, with a time limit.

TOML parsing time grows with the square of a dotted key's length (an 80 KB key takes about
30 s), and the server runs every workshop on one event loop: an uploaded deck is therefore
never parsed in the server's process. `parse_uploaded` first refuses lines no deck needs
(cheap, in-process), then runs ``python -m server.decks.isolated`` on the text and kills it
after `SECONDS`. The text goes in and the answer comes back through temporary files, and
the wait is a loop of short sleeps, which eventlet and gevent turn into yields to the event
loop. Starting a process holds its caller until the child has started (100 ms and more on a
busy machine), so under eventlet the start happens in one of eventlet's real OS threads
(`tpool`) with the standard library's own `subprocess`. Meanwhile /healthz and every table
keep answering. At most `AT_ONCE` decks are read at a time; uploads are also rate-limited
per address (DECK_LIMIT).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time

from ..offloop import off_the_loop, patched
from .checker import parse_deck
from .format import MAX_DECK_BYTES, MAX_TEXT_CHARS, DeckError

SECONDS = 10.0  # a real deck takes well under a second, even on a busy machine
AT_ONCE = 2
MAX_LINE = 4000  # characters; the longest field (a description) is 1,000
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_slots = threading.BoundedSemaphore(AT_ONCE)


def _quick_problem(text, source: str) -> str | None:
    """A problem found without parsing: a line far longer than any deck needs."""
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE:
            return (
                f"{source}: line {number}: this line is {len(line):,} characters long; a line may be "
                f"at most {MAX_LINE:,} (a card's text is at most {MAX_TEXT_CHARS})"
            )
    return None


def parse_uploaded(text, source: str = "your deck", seconds: float = SECONDS) -> dict:
    """Like `parse_deck`, for untrusted text: never blocks the server for long."""
    try:
        data = text.encode("utf-8") if isinstance(text, str) else None
    except UnicodeEncodeError:
        data = None
    if data is None or len(data) > MAX_DECK_BYTES:
        return parse_deck(text, source)  # refused before any parsing, with its own message
    problem = _quick_problem(text, source)
    if problem:
        raise DeckError([problem])
    if not _slots.acquire(timeout=seconds):
        raise DeckError([f"{source}: the server is busy reading other decks; please try again in a minute"])
    try:
        return _in_worker(data, source, seconds)
    finally:
        _slots.release()


def _in_worker(data: bytes, source: str, seconds: float) -> dict:
    with tempfile.TemporaryFile() as given, tempfile.TemporaryFile() as told:
        given.write(data)
        given.seek(0)
        worker = off_the_loop(_start, source, given, told, processes=_real_subprocess())
        deadline = time.monotonic() + seconds
        while worker.poll() is None:
            if time.monotonic() > deadline:
                worker.kill()
                while worker.poll() is None:
                    time.sleep(0.01)
                raise DeckError([f"{source}: reading this file took too long; is it really a deck? (see decks/README.md)"])
            time.sleep(0.02)  # a yield to the event loop under eventlet or gevent
        told.seek(0)
        out = told.read()
    try:
        answer = json.loads(out)
    except ValueError:
        answer = {}
    if "deck" in answer:
        return answer["deck"]
    raise DeckError(answer.get("problems") or [f"{source}: this file could not be read as a deck"])


def _start(source: str, given, told, processes=subprocess):
    return processes.Popen(
        [sys.executable, "-m", "server.decks.isolated", source],
        cwd=ROOT,
        stdin=given,
        stdout=told,
        stderr=processes.DEVNULL,
    )


def _real_subprocess():
    """The standard library's own `subprocess` (eventlet patches it; the start happens in a real thread)."""
    if patched():
        from eventlet import patcher

        return patcher.original("subprocess")
    return subprocess


def main() -> None:
    """In the worker: the deck's bytes on stdin; {"deck"} or {"problems"} as JSON on stdout."""
    if hasattr(os, "nice"):
        os.nice(10)  # the server's own process comes first
    source = sys.argv[1] if len(sys.argv) > 1 else "your deck"
    try:
        answer = {"deck": parse_deck(sys.stdin.buffer.read(MAX_DECK_BYTES + 1), source)}
    except DeckError as err:
        answer = {"problems": err.problems}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
