"""The event log in SQLite: the one module that talks to the database.

`events` is the transcript and the source of truth; `rooms` is a small directory beside it.
An accepted command's events are written in one transaction before anyone is told.

Commits go to SQLite's write-ahead log. SQLite would copy the log into the database file
inside whichever commit takes it past 1,000 pages, syncing to disk as it goes: measured under
load, that stopped the whole server for 6-11 ms every few seconds, the slowest 1 % of
actions. So commits never do it here (`wal_autocheckpoint=0`); `checkpoint` does, on a
connection of its own, called every second from a real OS thread (server/checkpoints.py).
Copying alone never lets the log start again from its beginning while commits keep landing
during the copy, so once it holds RESTART_AT pages the copy is finished with commits held
for a moment (a few milliseconds, once every ten seconds or more at the busiest).
"""
from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from .game import Event
from .offloop import real_lock

RESTART_AT = 10_000  # pages (40 MB) in the write-ahead log before it is started again


class Store:
    def __init__(self, path: str | Path):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA busy_timeout=5000")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA wal_autocheckpoint=0")  # `checkpoint` does it, away from commits
        self._lock = threading.Lock()
        self.path = str(path)
        self.closed = False
        self._checkpointer: sqlite3.Connection | None = None
        self._checkpoint_lock = real_lock()  # taken in a real OS thread, not only by green threads
        self._create_tables()

    def _create_tables(self) -> None:
        if "rooms" not in self.db.table_names():
            self.db["rooms"].create(
                {
                    "code": str,
                    "title": str,
                    "deck": str,
                    "created_at": str,
                    "ended_at": str,
                    "host_key_hash": str,
                },
                pk="code",
            )
        if "practice" not in self.db["rooms"].columns_dict:  # practice rooms: kept out of statistics
            self.db.execute("ALTER TABLE rooms ADD COLUMN practice INTEGER NOT NULL DEFAULT 0")
        if "events" not in self.db.table_names():
            self.db.execute(
                """CREATE TABLE events (
                    seq INTEGER PRIMARY KEY,
                    room TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    at TEXT NOT NULL,
                    actor TEXT,
                    type TEXT NOT NULL,
                    data TEXT NOT NULL,
                    UNIQUE(room, n)
                )"""
            )
        if "commands" not in self.db.table_names():
            self._create_commands()
        if "audio" not in self.db.table_names():
            self.db.execute(
                """CREATE TABLE audio (
                    room TEXT NOT NULL,
                    id TEXT NOT NULL,
                    player TEXT NOT NULL,
                    media_type TEXT NOT NULL,
                    seconds REAL NOT NULL,
                    at TEXT NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (room, id)
                )"""
            )

    def _create_commands(self) -> None:
        """Which client command produced which event number, so a command re-sent with the
        same id (a lost acknowledgement, a retry after reconnecting) is done only once.
        Older logs wrote `cmd` ("actor/id") into the last event of a command: carry those over."""
        with self._transaction() as conn:
            conn.execute(
                """CREATE TABLE commands (
                    room TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    command_id TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    UNIQUE(room, actor, command_id)
                )"""
            )
            conn.execute(
                """INSERT OR IGNORE INTO commands (room, actor, command_id, n)
                   SELECT room, substr(cmd, 1, instr(cmd, '/') - 1), substr(cmd, instr(cmd, '/') + 1), n
                   FROM (SELECT room, n, json_extract(data, '$.cmd') AS cmd FROM events)
                   WHERE cmd IS NOT NULL AND instr(cmd, '/') > 0"""
            )

    def append(self, code: str, first_n: int, events: list[Event], command: tuple[str, str] | None = None) -> None:
        """Write events numbered from `first_n` in one transaction (the room row with a
        new room's first event, the end time with `room_ended`), and the (actor, command
        id) that caused them, remembered with the number of the last one."""
        rows = [
            (code, first_n + i, e.at, e.actor, e.type, json.dumps(e.data, separators=(",", ":")))
            for i, e in enumerate(events)
        ]
        with self._transaction() as conn:
            for e in events:
                if e.type == "room_created":
                    conn.execute(
                        "INSERT INTO rooms (code, title, deck, created_at, host_key_hash, practice) VALUES (?,?,?,?,?,?)",
                        (code, e.data["title"], e.data["deck"]["id"], e.at, e.data["host_key_hash"], int(bool(e.data.get("practice")))),
                    )
                elif e.type == "room_ended":
                    conn.execute("UPDATE rooms SET ended_at = ? WHERE code = ?", (e.at, code))
            conn.executemany("INSERT INTO events (room, n, at, actor, type, data) VALUES (?,?,?,?,?,?)", rows)
            if command is not None:
                conn.execute(
                    "INSERT INTO commands (room, actor, command_id, n) VALUES (?,?,?,?)",
                    (code, command[0], command[1], first_n + len(events) - 1),
                )

    @contextmanager
    def _transaction(self):
        """One writer at a time, all or nothing."""
        with self._lock:
            conn = self.db.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def events(self, code: str):
        """The room's events in order, as `Event`s (empty if the room is unknown)."""
        for row in self.db.execute(
            "SELECT at, actor, type, data FROM events WHERE room = ? ORDER BY n", [code]
        ):
            yield Event(type=row[2], data=json.loads(row[3]), at=row[0], actor=row[1])

    def event_rows(self, code: str) -> list[dict]:
        """The raw transcript, for exports."""
        return [
            {"n": n, "at": at, "actor": actor, "type": type_, "data": json.loads(data)}
            for n, at, actor, type_, data in self.db.execute(
                "SELECT n, at, actor, type, data FROM events WHERE room = ? ORDER BY n", [code]
            )
        ]

    def event_data(self, code: str, n: int) -> dict:
        """The data of the room's event number `n`."""
        row = self.db.execute("SELECT data FROM events WHERE room = ? AND n = ?", [code, n]).fetchone()
        return json.loads(row[0]) if row else {}

    def commands(self, code: str) -> dict[tuple[str, str], int]:
        """(actor, command id) -> the event number its acknowledgement gave."""
        return {
            (actor, command_id): n
            for actor, command_id, n in self.db.execute(
                "SELECT actor, command_id, n FROM commands WHERE room = ?", [code]
            )
        }

    def room_exists(self, code: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM rooms WHERE code = ?", [code]).fetchone())

    def rooms(self, practice: bool = False) -> list[dict]:
        """The workshops, newest first; practice rooms only when asked for (`practice=True`)."""
        return list(self.db.query("SELECT * FROM rooms WHERE practice = ? ORDER BY created_at DESC", [int(practice)]))

    def follow_ups(self) -> dict[str, str]:
        """Follow-up workshop's code -> the earlier workshop's code (from each first event)."""
        return dict(self.db.execute(
            """SELECT e.room, json_extract(e.data, '$.follows.code') FROM rooms r JOIN events e ON e.room = r.code AND e.n = 1
               WHERE json_extract(e.data, '$.follows.code') IS NOT NULL"""
        ).fetchall())

    def room_stats(self) -> dict[str, dict]:
        """Per room code: how many events it has and how many people joined it."""
        return {
            code: {"events": events, "people": people or 0}
            for code, events, people in self.db.execute(
                "SELECT room, COUNT(*), SUM(type = 'player_joined') FROM events GROUP BY room"
            )
        }

    def delete_room(self, code: str) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM events WHERE room = ?", [code])
            conn.execute("DELETE FROM commands WHERE room = ?", [code])
            conn.execute("DELETE FROM audio WHERE room = ?", [code])
            conn.execute("DELETE FROM rooms WHERE code = ?", [code])

    # --- spoken answers: the sound itself, beside the log (the log records who made it) ---
    def save_audio(self, code: str, audio_id: str, player: str, media_type: str, seconds: float, at: str, data: bytes) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO audio (room, id, player, media_type, seconds, at, data) VALUES (?,?,?,?,?,?,?)",
                (code, audio_id, player, media_type, seconds, at, data),
            )

    def audio(self, code: str, audio_id: str) -> tuple[str, bytes] | None:
        """(media type, bytes) of a recording, or None."""
        row = self.db.execute("SELECT media_type, data FROM audio WHERE room = ? AND id = ?", [code, audio_id]).fetchone()
        return (row[0], bytes(row[1])) if row else None

    def audio_rows(self, code: str) -> list[dict]:
        """Every recording of a room, for the JSON export (`?audio=1`)."""
        return [
            {"id": i, "player": p, "media_type": m, "seconds": s, "at": at, "data": bytes(data)}
            for i, p, m, s, at, data in self.db.execute(
                "SELECT id, player, media_type, seconds, at, data FROM audio WHERE room = ? ORDER BY at", [code]
            )
        ]

    def drop_audio(self, code: str, audio_id: str) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM audio WHERE room = ? AND id = ?", [code, audio_id])

    def ended_before(self, cutoff: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT code FROM rooms WHERE ended_at IS NOT NULL AND ended_at < ?", [cutoff]
            )
        ]

    def practice_rooms(self, created_before: str | None = None, open_only: bool = False) -> list[str]:
        """Codes of practice rooms: made before a time (to delete them), or not ended yet."""
        sql = "SELECT code FROM rooms WHERE practice = 1 AND created_at < ?" + (" AND ended_at IS NULL" if open_only else "")
        return [row[0] for row in self.db.execute(sql, [created_before or "9999"])]

    def checkpoint(self) -> tuple[int, int, int] | None:
        """Copy the write-ahead log into the database file; (busy, pages in the log, pages
        copied), or None for a database in memory or a closed store. PASSIVE: it neither
        waits for nor holds up a commit or a read, so a busy moment only leaves more for the
        next call. Past RESTART_AT pages, RESTART: commits wait while the few pages written
        since are copied, and the next commit starts the log again from its beginning.
        Safe to call from another OS thread (its own connection)."""
        if self.path == ":memory:":
            return None
        with self._checkpoint_lock:
            if self.closed:
                return None
            if self._checkpointer is None:
                # a busy writer makes RESTART give up at once (tried again a second later)
                self._checkpointer = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=0)
            done = tuple(self._checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone())
            if done[1] >= RESTART_AT:
                done = tuple(self._checkpointer.execute("PRAGMA wal_checkpoint(RESTART)").fetchone())
            return done

    def close(self) -> None:
        self.closed = True
        with self._checkpoint_lock:
            if self._checkpointer is not None:
                self._checkpointer.close()
                self._checkpointer = None
        self.db.conn.close()
