"""The practice rooms' loop: at each room's pace, ask the rules what the simulated players
do next (`game.practice.bot_moves`), run each move through `Rooms.execute` like anyone's,
and tell people through the transport.

One background task drives every practice room of this process (`socketio.sleep`, so it
runs the same under eventlet, gevent or threads). It starts with the first practice room,
again after a restart for practice rooms still open, and stops when none is left.
"""
from __future__ import annotations

import logging
import random
import threading
import time

from .game import RuleError
from .game.practice import PACES, bot_moves
from .rooms import Rooms, digest, new_secret

log = logging.getLogger(__name__)
LOOK_EVERY = 0.1  # seconds between looks at the rooms (each moves at its own pace)
PAUSED_LOOK = 1.0  # seconds between looks at a room whose players are paused


class PracticeLoop:
    def __init__(self, socketio, rooms: Rooms, send):
        self.io = socketio
        self.rooms = rooms
        self.send = send  # the transport's send(code, audiences)
        self.due: dict[str, float] = {}  # room code -> time.monotonic() of its next step
        self.running = False
        self._guard = threading.Lock()
        self.seeds = random.Random()  # its own, so the global random state is never touched

    def watch(self, code: str) -> None:
        """Drive this practice room from now on."""
        with self._guard:
            self.due.setdefault(code, 0.0)
            start, self.running = not self.running, True
        if start:
            self.io.start_background_task(self._run)

    def _run(self) -> None:
        while True:
            self.io.sleep(LOOK_EVERY)
            with self._guard:
                if not self.due:
                    self.running = False
                    return
                codes = list(self.due)
            for code in codes:
                try:
                    self.step(code)
                except Exception:  # one room's trouble never stops the others
                    log.exception("practice step failed in %s", code)

    def step(self, code: str, now: float | None = None) -> None:
        """One step of one room, if it is due."""
        now = time.monotonic() if now is None else now
        if self.due.get(code, 0.0) > now:
            return
        room = self.rooms.get(code)
        if room is None or room.ended or not room.practice:
            self.due.pop(code, None)
            return
        seconds = PACES.get(room.pace)
        self.due[code] = now + (seconds or PAUSED_LOOK)
        if seconds is None:
            return
        for move in bot_moves(room, self.rooms.clock(), self.seeds.getrandbits(32)):
            if move["type"] == "simulate":
                move["token_hash"] = digest(new_secret())  # a token nobody holds
            try:
                _, _, news = self.rooms.execute(code, move)
            except RuleError:  # the room changed meanwhile (a host act): the next step decides again
                continue
            self.send(code, news)


def init_app(app) -> None:
    """Start driving the practice rooms still open (after a restart)."""
    services = app.extensions["inourshoes"]
    loop = PracticeLoop(services.socketio, services.rooms, services.transport.send)
    app.extensions["inourshoes_practice"] = loop
    for code in services.store.practice_rooms(open_only=True):
        loop.watch(code)
