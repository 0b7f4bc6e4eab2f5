"""Live rooms: state folded from the log, kept in memory, changed only through `execute`.

This is the one write path: decide, append to the log (committed), fold, and only then
return the events so the caller can acknowledge and broadcast.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from datetime import datetime, timezone

from .game import Audiences, Room, RuleError, apply, audiences, decide, presence_audiences, replay
from .game.lookback import passed_on
from .store import Store

CODE_ALPHABET = "BCDFGHJKMNPQRTVWXY346789"  # no vowels, no 0/O, 1/I/L, 2/Z, 5/S look-alikes
CODE_LENGTH = 6


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_secret() -> str:
    """128 random bits, URL-safe."""
    return secrets.token_urlsafe(16)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code) -> str | None:
    """Forgive case, spaces and dashes in a typed room code; None if it cannot be one."""
    if not isinstance(code, str) or len(code) > 40:
        return None
    code = "".join(ch for ch in code.upper() if ch.isalnum())
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def shown_code(code: str) -> str:
    """A room code as people see it everywhere, in two threes ("XBJ J9B"): the way it is read
    out and typed (normalise_code takes the space back out)."""
    return f"{code[:3]} {code[3:]}"


class Rooms:
    """The live rooms of this process, the commands each has done, and who is online."""

    def __init__(self, store: Store, clock=utcnow):
        self.store = store
        self.clock = clock
        self.live: dict[str, Room] = {}
        self.done: dict[str, dict[tuple[str, str], int]] = {}  # code -> (actor, id) -> n
        self.sockets: dict[str, dict[str, set[str]]] = {}  # code -> player id -> open sids
        self.away: dict[str, dict[str, str]] = {}  # code -> player id -> offline since (UTC)
        self._locks: dict[str, threading.Lock] = {}  # only for rooms that exist
        self._guard = threading.Lock()
        self.tell = None  # (code, Audiences) -> None: the transport, for changes made here to another room
        self.versions: dict[str, dict[str | None, int]] = {}  # code -> table (None: table list) -> changes

    def _lock(self, code: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(code, threading.Lock())

    def create(self, title, deck: dict, hide_until_reveal: bool = False, follows: dict | None = None,
               play: str = "path", **options) -> tuple[str, str]:
        """Open a new room; returns (code, host key). The key is shown once, stored hashed.
        `follows`: for a follow-up, the earlier workshop as `lookback.snapshot` gives it.
        `play`: "path" (a board of outcomes) or "open" (cards and votes only).
        `options`: a practice room's `practice` and `simulated`, a `run_sheet` (rules.create)."""
        host_key = new_secret()
        for _ in range(50):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if code not in self.live and not self.store.room_exists(code):
                break
        command = {
            "type": "create",
            "at": self.clock(),
            "code": code,
            "title": title,
            "deck": deck,
            "host_key_hash": digest(host_key),
            "hide_until_reveal": hide_until_reveal,
            "follows": follows,
            "play": play,
            **options,
        }
        events = decide(None, command)
        with self._lock(code):
            self.store.append(code, 1, events)
            self.live[code] = replay(events)
            self.done[code] = {}
        return code, host_key

    def get(self, code: str) -> Room | None:
        """The live room, rebuilt from its events the first time it is touched. A code
        that names no room leaves nothing behind, however many are tried."""
        room = self.live.get(code)
        if room is not None or not code or not self.store.room_exists(code):
            return room
        with self._lock(code):
            room = self.live.get(code)
            if room is None:
                room = replay(self.store.events(code))
                if room is None:  # deleted meanwhile
                    self._drop_lock(code)
                    return None
                self.done[code] = self.store.commands(code)
                self.live[code] = room
        return room

    def execute(self, code: str, command: dict) -> tuple[Room, int, Audiences]:
        """Run one command. Returns (room, event number to acknowledge, who must hear).
        A command re-sent with the same id returns its first number and does nothing."""
        room = self.get(code)
        if room is None:
            raise RuleError("not_found", "There is no workshop with that code.")
        with self._lock(code):
            if self.live.get(code) is not room:
                raise RuleError("not_found", "There is no workshop with that code.")
            key = (str(command.get("actor")), command["id"]) if command.get("id") else None
            if key in self.done[code]:
                return room, self.done[code][key], Audiences()
            command.setdefault("at", self.clock())
            command.setdefault("seed", secrets.randbits(32))  # not the global `random`: tests (hypothesis) watch it
            events = decide(room, command)
            if events:
                self.store.append(code, room.n + 1, events, key)
                for event in events:
                    apply(room, event)
                if key:
                    self.done[code][key] = room.n
            n, news = room.n, self._heard(code, audiences(room, events))
        self._pass_on(room, events)
        return room, n, news

    def _pass_on(self, room: Room, events) -> None:
        """What a follow-up's tables said goes to the earlier workshop's plan too (after this
        room's lock is let go; the earlier room keeps each once). Its hosts are told."""
        for code, command in passed_on(room, events):
            try:
                _, _, news = self.execute(code, command)
            except RuleError:  # the earlier workshop was deleted, or refused it: this room keeps it
                continue
            if self.tell is not None:
                self.tell(code, news)

    def check_host(self, code: str, host_key) -> Room | None:
        """The room, if `host_key` is its main host key or a live co-facilitator's."""
        room = self.get(code) if code else None
        return room if room is not None and self.key_of(room, host_key) else None

    @staticmethod
    def key_of(room: Room, host_key) -> str | None:
        """Which host link a key is: "main", a co-facilitator's id, or None."""
        if not isinstance(host_key, str) or len(host_key) > 100:
            return None
        hashed = digest(host_key)
        if hmac.compare_digest(room.host_key_hash, hashed):
            return "main"
        for cohost, link in room.cohosts.items():
            if not link["revoked"] and hmac.compare_digest(link["key_hash"], hashed):
                return cohost
        return None

    def player_for_token(self, room: Room, token) -> str | None:
        if not isinstance(token, str) or len(token) > 100:
            return None
        return room.tokens.get(digest(token))

    # --- presence: who has a connection open now (not recorded in the log) -----------
    def connected(self, code: str, player_id: str, sid: str) -> Audiences | None:
        """One more open connection; who must hear if the person just came online (and a
        turn that passed on while they were away comes back to them)."""
        sids = self.sockets.setdefault(code, {}).setdefault(player_id, set())
        sids.add(sid)
        if len(sids) > 1:
            return None
        news = self._heard(code, presence_audiences(self.live[code], player_id))
        if self.away.get(code, {}).pop(player_id, None) is not None:
            news = news.merge(self.execute(code, {"type": "returned", "actor": "system", "player": player_id})[2])
        return news

    def tick(self) -> list[tuple[str, Audiences]]:
        """Tell every room who is away (and since when); returns the rooms where a turn
        passed on, with who must hear."""
        changed = []
        for code, away in list(self.away.items()):
            room = self.live.get(code)
            if room is None or room.ended or not away:
                self.away.pop(code, None)
                continue
            _, _, news = self.execute(code, {"type": "tick", "actor": "system", "away": dict(away)})
            if news.hosts:
                changed.append((code, news))
        return changed

    def disconnected(self, code: str, player_id: str, sid: str) -> Audiences | None:
        """One open connection less; who must hear if the person just went offline."""
        people = self.sockets.get(code, {})
        sids = people.get(player_id, set())
        sids.discard(sid)
        if sids or player_id not in people:
            return None
        del people[player_id]
        self.away.setdefault(code, {})[player_id] = self.clock()
        room = self.live.get(code)
        return self._heard(code, presence_audiences(room, player_id)) if room else None

    def _heard(self, code: str, news: Audiences) -> Audiences:
        """Count a change to each table the rules say changed (and to the table list when the
        unseated's view changed: that view is the room, the table list and the waiting list),
        so the transport knows which encoded parts it can reuse."""
        versions = self.versions.setdefault(code, {})
        for table in news.tables:
            versions[table] = versions.get(table, 0) + 1
        if news.lobby:
            versions[None] = versions.get(None, 0) + 1
        return news

    def version(self, code: str, table: str | None) -> int:
        """How many changes the rules named for a table (None: the table list) so far."""
        return self.versions.get(code, {}).get(table, 0)

    def sids_of(self, code: str, player_id: str) -> list[str]:
        return list(self.sockets.get(code, {}).get(player_id, ()))

    def gone(self, code: str, player_id: str) -> list[str]:
        """The person was removed: forget their connections; returns the sids they had."""
        return list(self.sockets.get(code, {}).pop(player_id, ()))

    def online_in(self, code: str):
        """Who is connected: a live, read-only view of the ids (not a copy: a thousand-person
        room would copy it at every action). Ask it `player in online`."""
        return self.sockets.get(code, {}).keys()

    def forget(self, code: str) -> None:
        for table in (self.live, self.done, self.sockets, self.away, self.versions):
            table.pop(code, None)

    def _drop_lock(self, code: str) -> None:
        with self._guard:
            self._locks.pop(code, None)

    def delete(self, code: str) -> None:
        """Erase a room's events for good. Under the room's lock, so a command already on
        its way either lands before the delete or finds the room gone."""
        with self._lock(code):
            self.store.delete_room(code)
            self.forget(code)
        self._drop_lock(code)
