"""Socket.IO transport: parse and authorise a payload, run it through `Rooms`, then tell
people. Every handler answers with an acknowledgement, `{"ok": true, ...}` or
`{"ok": false, "error": {"code", "message"}}`, and never lets an exception escape.

Socket.IO rooms used: `r:CODE` everyone in a workshop (notices), `h:CODE` its hosts,
`u:CODE` people not yet seated, `t:CODE:TABLE` the people at one table, `s:CODE` its big
screens (server/screens.py). Clients that asked for patches (`patches: true`, server/patches.py)
are in `ph:`, `pu:` and `pt:` rooms instead, and get `patch` messages where the others get
whole views (server/streams.py).

Besides the rules, the transport keeps two things that are never logged: who is connected
(in `Rooms`), and who is writing just now (`typing`, shown to their table as `writing`).
"""
from __future__ import annotations

import functools
import logging
import threading
import time

from limits import parse, storage, strategies

from .addresses import client_key
from .game import Audiences, RuleError
from .rooms import Rooms, digest, new_secret, normalise_code
from .screens import ScreenFeed
from .slices import Slices
from .streams import Streams
from . import heap
from .wire import JsonPacket, Views

log = logging.getLogger(__name__)

CLIENT_EVENTS = ("join", "host", "act", "typing", "screen")  # each answers with an acknowledgement
RESERVED = ("actor", "at", "seed", "token_hash", "code", "deck", "host_key_hash", "key", "key_hash")
JOIN_PER_CLIENT = parse("10/minute")
JOIN_PER_ADDRESS = parse("1000/minute")  # new people only: a rejoin with a valid token is never counted
REJOIN_PER_CLIENT = parse("30/minute")
ACT_PER_CLIENT = parse("40/10seconds")
TYPING_PER_CLIENT = parse("30/10seconds")
HOST_VIEW_DELAY = 0.15  # seconds: the host view (every table) is sent at most this often
HOST_VIEW_SHARE = 10  # ... and, in a big room, not sooner than this many times its building took
HOST_VIEW_CALM = 1.0  # ... and in a room of more than BIG_ROOM tables, others' changes once a second
BIG_ROOM = 40  # tables
TABLE_LIST_DELAY = 1.0  # seconds: the other tables see a changed list of tables at most this often
TYPING_LASTS = 8.0  # seconds a "still writing" signal lasts unless renewed
TICK_EVERY = 2.0  # seconds between checks of who is away and who stopped writing
GOODBYES = {
    "removed": "The facilitator has taken you out of this workshop. Thank you for taking part.",
    "turned_away": "The facilitator could not let you in to this workshop today. Thank you for coming.",
}


class LazyMemoryStorage(storage.MemoryStorage):
    """limits' in-memory storage, minus the timer thread it starts every 10 ms to purge old
    windows (costly under load): windows expire when read, and a client's are cleared when
    it disconnects."""

    def _MemoryStorage__schedule_expiry(self) -> None:
        pass


def error(code: str, message: str) -> dict:
    return {"ok": False, "error": {"code": code, "message": message}}


class Transport:
    def __init__(self, socketio, rooms: Rooms, guesses):
        self.io = socketio
        self.rooms = rooms
        self.guesses = guesses  # wrong codes and host keys per address (server/guesses.py)
        self.clients: dict[str, dict] = {}  # sid -> {"code", "player" | "host": True}
        self.hosts: dict[str, set] = {}  # code -> open host sids
        self.host_view_due: set[str] = set()  # rooms whose host view will be sent shortly
        self.host_view_sending: set[str] = set()  # rooms whose host-view task is running (one each)
        self.host_view_prompt: set[str] = set()  # rooms where a facilitator acted since the last host view
        self.host_views = threading.Lock()  # guards the two sets, and `lists_due` (threading mode)
        self.lists_due: set[str] = set()  # rooms whose tables will be sent the new list of tables shortly
        self.lists_sent: dict[str, list] = {}  # code -> the list of tables last sent to every table
        self.writing: dict[tuple[str, str], dict[str, float]] = {}  # (code, table) -> player -> until
        self.limiter = strategies.FixedWindowRateLimiter(LazyMemoryStorage())
        self.views = Views(rooms)  # encoded views, reused while unchanged (server/wire.py)
        self.host_delay: dict[str, tuple] = {}  # code -> (least, most) seconds until its next host view
        socketio.server.packet_class = JsonPacket  # JSON only, encoded views sent as they are
        # per address: limits' own storage, which forgets old windows, so addresses leave nothing behind
        self.per_address = strategies.FixedWindowRateLimiter(storage.MemoryStorage())
        self.screens = ScreenFeed(self)  # the big screens, `s:CODE` (server/screens.py)
        self.patching: set[str] = set()  # sids that asked for patches instead of whole views
        self.streams = Streams()  # the last view each audience of patching sids holds
        self.streaming = threading.RLock()  # a patch's version and its sending go together (threading mode)

    def register(self) -> None:
        """Handlers go straight to python-socketio, called with the connection's sid: what
        Flask-SocketIO adds (a Flask request context per message, with its cookie session)
        cost a tenth of the server's time under load and nothing here reads it."""
        for name in CLIENT_EVENTS:
            self.io.server.on(name, self._guarded(getattr(self, name)))
        self.io.server.on("disconnect", self.disconnect)
        self.io.start_background_task(self._keep_ticking)

    def address(self, sid: str) -> str | None:
        """The connection's address (server/addresses.py has already applied trusted proxies)."""
        return (self.io.server.get_environ(sid) or {}).get("REMOTE_ADDR")

    def _guarded(self, handler):
        @functools.wraps(handler)
        def run(sid, payload=None, *args):
            try:
                if not isinstance(payload, dict):
                    raise RuleError("bad_request", "The message was not in the expected form.")
                return handler(sid, payload)
            except RuleError as err:
                return error(err.code, err.message)
            except Exception:  # a bug must cost one action, never the server
                log.exception("handler %s failed", handler.__name__)
                return error("server_error", "Something went wrong on our side. Please try again.")

        return run

    # --- client -> server -------------------------------------------------------------
    def join(self, sid: str, payload: dict) -> dict:
        """Limits hit the guesser, not the room: a code that names no room is a miss for the
        address (server/guesses.py); tries count per connection; a rejoin with a valid token
        never counts (a venue whose wifi dropped comes back at once)."""
        address, guesses = self.address(sid), self.guesses
        if guesses.blocked(address) or not self.limiter.test(JOIN_PER_CLIENT, "join", sid):
            raise RuleError("rate_limited", "Too many tries. Please wait a minute and try again.")
        code = normalise_code(payload.get("code"))
        room = self.rooms.get(code) if code else None
        if room is None:
            self.limiter.hit(JOIN_PER_CLIENT, "join", sid)
            if code:
                guesses.missed(address)
            raise RuleError("not_found", "There is no workshop with that code. Please check it.")
        token = payload.get("token")
        player_id = self.rooms.player_for_token(room, token) if token else None
        if player_id is not None and not self.limiter.hit(REJOIN_PER_CLIENT, "rejoin", sid):
            raise RuleError("rate_limited", "Too many tries. Please wait a minute and try again.")
        if player_id is not None and room.players[player_id].removed:
            raise RuleError("forbidden", "The facilitator has taken you out of this workshop. Please ask them if this is a mistake.")
        if player_id is None:
            self.limiter.hit(JOIN_PER_CLIENT, "join", sid)
            if token and not payload.get("name"):
                raise RuleError("not_found", "We could not find you in this workshop. Please join again.")
            if address and not self.per_address.hit(JOIN_PER_ADDRESS, "join", client_key(address)):
                raise RuleError("rate_limited", "Too many people joined from here just now. Please wait a minute.")
            token = new_secret()
            command = {
                "type": "join",
                "name": payload.get("name"),
                "perspective": payload.get("perspective"),
                "token_hash": digest(token),
            }
            room, _, news = self.rooms.execute(code, command)
            player_id = room.tokens[command["token_hash"]]
            self.send(code, news)
        self._leave_all(sid)
        self._forget(sid)
        self.clients[sid] = {"code": code, "player": player_id}
        self._wants_patches(sid, payload)
        table = room.players[player_id].table
        self.io.server.enter_room(sid, f"r:{code}")
        self.send(code, self.rooms.connected(code, player_id, sid))
        self._place(sid, code, ("t", table) if table else ("u",))
        if self.writing.get((code, table)):  # who is writing already: a rejoined page hears it too
            self.io.emit("writing", {"players": sorted(self.writing[(code, table)])}, to=sid)
        return {"ok": True, "token": token, "player_id": player_id, "view": self._view(code, table)}

    def host(self, sid: str, payload: dict) -> dict:
        address, guesses = self.address(sid), self.guesses
        if guesses.blocked(address) or not self.limiter.hit(JOIN_PER_CLIENT, "host", sid):
            raise RuleError("rate_limited", "Too many tries. Please wait a minute and try again.")
        code = normalise_code(payload.get("code"))
        room = self.rooms.check_host(code, payload.get("host_key")) if code else None
        if room is None:
            if code:  # a wrong key and an unknown room are the same miss
                guesses.missed(address)
            raise RuleError("forbidden", "That host link or key is not right.")
        self._leave_all(sid)
        self._forget(sid)
        self.clients[sid] = {"code": code, "host": True, "key": self.rooms.key_of(room, payload["host_key"])}
        self.hosts.setdefault(code, set()).add(sid)
        self._wants_patches(sid, payload)
        self.io.server.enter_room(sid, f"r:{code}")
        self._place(sid, code, ("h",))
        view = self.views.host_data(room, self.rooms.online_in(code), self.rooms.clock())
        return {"ok": True, "view": view, "link": self.clients[sid]["key"]}

    def act(self, sid: str, payload: dict) -> dict:
        client = self.clients.get(sid)
        if client is None:
            raise RuleError("forbidden", "Please join a workshop first.")
        if not self.limiter.hit(ACT_PER_CLIENT, "act", sid):
            raise RuleError("rate_limited", "That was a lot of clicks at once. Please wait a few seconds.")
        command_id = payload.get("id")
        if command_id is not None and (not isinstance(command_id, str) or len(command_id) > 64):
            raise RuleError("bad_request", "'id' must be a short text.")
        if payload.get("type") in ("join", "create"):
            raise RuleError("bad_request", "Use the join message to join.")
        command = {k: v for k, v in payload.items() if k not in RESERVED}
        command["actor"] = "host" if client.get("host") else client["player"]
        answer = {}
        if client.get("host"):
            command["key"] = client["key"]
            if command.get("type") == "cohost_add":  # a new link: its key is shown only now
                answer["host_key"] = new_secret()
                command["key_hash"] = digest(answer["host_key"])
        code = client["code"]
        _, n, news = self.rooms.execute(code, command)
        self.send(code, news, prompt=bool(client.get("host")))
        return {"ok": True, "n": n, **answer}

    def typing(self, sid: str, payload: dict) -> dict:
        """`typing {"on": bool}`: someone at a table is writing (or stopped). Not logged;
        their table hears `writing {"players"}` when the list changes."""
        client = self.clients.get(sid)
        room = self.rooms.get(client["code"]) if client and client.get("player") else None
        table = room.players[client["player"]].table if room else None
        if table is None:
            raise RuleError("forbidden", "Please sit at a table first.")
        if not self.limiter.hit(TYPING_PER_CLIENT, "typing", sid):
            raise RuleError("rate_limited", "That was a lot of messages at once. Please wait a few seconds.")
        key = (client["code"], table)
        before = set(self.writing.get(key, ()))
        if payload.get("on") is True:
            self.writing.setdefault(key, {})[client["player"]] = time.monotonic() + TYPING_LASTS
        else:
            self.writing.get(key, {}).pop(client["player"], None)
        if set(self.writing.get(key, ())) != before:
            self._send_writing(key)
        return {"ok": True}

    def screen(self, sid: str, payload: dict) -> dict:
        """`screen {"code"}`: a big screen for the whole room; needs no key (server/screens.py)."""
        return self.screens.join(sid, payload, JOIN_PER_CLIENT)

    def disconnect(self, sid: str, *reason) -> None:
        self._forget(sid)
        self.patching.discard(sid)
        self.screens.forget(sid)
        for item, scope in (
            (JOIN_PER_CLIENT, "join"), (JOIN_PER_CLIENT, "host"), (ACT_PER_CLIENT, "act"), (TYPING_PER_CLIENT, "typing"),
            (REJOIN_PER_CLIENT, "rejoin"), (JOIN_PER_CLIENT, "screen"),
        ):  # fmt: skip
            self.limiter.clear(item, scope, sid)

    def _leave_all(self, sid: str) -> None:
        """A connection that joins again (as someone else, or as a host) first leaves every
        Socket.IO room it was in, so it hears only about where it is now."""
        if sid in self.clients:
            for name in self.io.server.rooms(sid):
                if name != sid:
                    self.io.server.leave_room(sid, name)

    def _forget(self, sid: str) -> None:
        client = self.clients.pop(sid, None)
        if client and client.get("host"):
            self.hosts.get(client["code"], set()).discard(sid)
        if client and client.get("player"):
            self.send(client["code"], self.rooms.disconnected(client["code"], client["player"], sid))

    # --- server -> client -------------------------------------------------------------
    def send(self, code: str, news: Audiences | None, prompt: bool = False) -> None:
        """Tell the people the rules named: move sockets between Socket.IO rooms as people
        change table or leave, show notices, then send each changed view once. `prompt`: a
        facilitator did it, so their host view shows it without a big room's calm wait."""
        if news is None:
            return
        moved = []  # (sid, audience): patching sockets placed once the tables' views are out
        for player_id, old, new in news.moves:
            for sid in self.rooms.sids_of(code, player_id):
                for name in _rooms_of(code, ("t", old) if old else ("u",)):
                    self.io.server.leave_room(sid, name)
                if sid in self.patching:  # the new table's whole view, after its patch to the others
                    moved.append((sid, ("t", new) if new else ("u",)))
                else:
                    self._place(sid, code, ("t", new) if new else ("u",))
        for player_id, table, reason in news.removed:
            self._removed(code, player_id, table, reason)
        for key in news.revoked:
            self._revoked(code, key)
        for notice in news.notices:
            self.io.emit("notice", notice, to=f"r:{code}")
        room = self.rooms.get(code)
        if room is None:
            return
        online, now = self.rooms.online_in(code), self.rooms.clock()
        for table_id in news.tables:
            self._publish(room, ("t", table_id), online, now)
        if news.lobby:
            self._publish(room, ("u",), online, now)
            self._table_list_soon(code)
        for sid, audience in moved:
            self._place(sid, code, audience)
        if news.hosts:
            self._host_view_soon(code, prompt)
        if news.screens:
            self.screens.soon(code)

    def _host_view_soon(self, code: str, prompt: bool = False) -> None:
        """The host view covers every table, so it is the costly one to build and send:
        changes within HOST_VIEW_DELAY are gathered into one view. A big room's host view
        waits longer (HOST_VIEW_SHARE), so it never takes more than a tenth of the server's time,
        and in a conference (over BIG_ROOM tables) others' changes come once a second: a
        facilitator cannot read 100 tables faster, and the server serves everyone else
        meanwhile. What a facilitator does comes at once (`prompt`).
        One task per room sends them, one after another, so a slow one is never overtaken."""
        if not self.hosts.get(code):
            return
        with self.host_views:
            if prompt:
                self.host_view_prompt.add(code)
            if code in self.host_view_due:
                return
            self.host_view_due.add(code)
            if code in self.host_view_sending:  # the running task sends it when done
                return
            self.host_view_sending.add(code)
        self.io.start_background_task(self._send_host_views, code)

    def _send_host_views(self, code: str) -> None:
        """While changes keep coming: wait, then build the host view in slices (server/slices.py),
        the tables' parts brought up to date and the comparison with the last one made a little
        at a time, others served between."""
        while True:
            self._wait_for_host_view(code)
            with self.host_views:
                self.host_view_due.discard(code)
                self.host_view_prompt.discard(code)
            room = self.rooms.get(code)
            try:
                if room is not None:
                    slices, online = Slices(self.io.sleep), self.rooms.online_in(code)
                    self.views.warm(room, online, slices.pause)
                    self._publish(room, ("h",), online, self.rooms.clock(), slices.pause)
                    least = max(HOST_VIEW_DELAY, HOST_VIEW_SHARE * slices.worked())
                    calm = HOST_VIEW_CALM if len(room.tables) > BIG_ROOM else 0.0
                    self.host_delay[code] = (least, max(least, calm))
            except Exception:  # the next change tries again
                log.exception("host view for %s failed", code)
            with self.host_views:
                if room is None or code not in self.host_view_due:
                    self.host_view_due.discard(code)
                    self.host_view_sending.discard(code)
                    return

    def _wait_for_host_view(self, code: str) -> None:
        """Sleep out the room's wait: at least its share of the server's time, then the rest of
        a conference's calm second, which a facilitator's action cuts short."""
        least, delay = self.host_delay.get(code, (HOST_VIEW_DELAY, HOST_VIEW_DELAY))
        waited = 0.0
        while waited < delay and not (waited >= least and code in self.host_view_prompt):
            step = min(HOST_VIEW_DELAY, delay - waited) if waited >= least else least - waited
            self.io.sleep(step)
            waited += step

    def _table_list_soon(self, code: str) -> None:
        """Every table's view carries the list of tables ("Change table": who sits where),
        but the rules name only the tables a change touched. So the other tables are sent the
        new list a moment later, changes within TABLE_LIST_DELAY gathered into one (when a
        conference sits down, once a second rather than at every one of a thousand seats)."""
        with self.host_views:
            if code in self.lists_due:
                return
            self.lists_due.add(code)
        self.io.start_background_task(self._send_table_lists, code)

    def _send_table_lists(self, code: str) -> None:
        self.io.sleep(TABLE_LIST_DELAY)
        with self.host_views:
            self.lists_due.discard(code)
        room = self.rooms.get(code)
        if room is None:
            self.lists_sent.pop(code, None)
            return
        listing = self.views.listing(room)
        if listing == self.lists_sent.get(code):  # the waiting list changed, not who sits where
            return
        self.lists_sent[code] = listing
        slices = Slices(self.io.sleep)
        for table_id in list(room.tables):
            try:
                if table_id in room.tables and not self.streams.holds((code, "t", table_id), "tables", listing):
                    self._publish(room, ("t", table_id), self.rooms.online_in(code), self.rooms.clock())
            except Exception:  # the rest still hear; this table's next change sends it the list
                log.exception("table list for %s %s failed", code, table_id)
            slices.pause()

    def _removed(self, code: str, player_id: str, table: str | None, reason: str) -> None:
        for sid in self.rooms.gone(code, player_id):
            self.io.emit("removed", {"text": GOODBYES[reason]}, to=sid)
            for name in (f"r:{code}", *_rooms_of(code, ("t", table) if table else ("u",))):
                self.io.server.leave_room(sid, name)
            self.clients.pop(sid, None)

    def _revoked(self, code: str, key: str) -> None:
        """A host link stopped working: its open host pages are told and let go."""
        for sid in list(self.hosts.get(code, ())):
            if self.clients.get(sid, {}).get("key") == key:
                self.io.emit("removed", {"text": "This host link no longer works. Please ask the facilitator for a new one."}, to=sid)
                for name in (f"r:{code}", *_rooms_of(code, ("h",))):
                    self.io.server.leave_room(sid, name)
                self._forget(sid)

    # --- every few seconds: turns of people who are away, and who stopped writing ------
    def _keep_ticking(self) -> None:
        while True:
            self.io.sleep(TICK_EVERY)
            try:
                for code, news in self.rooms.tick():
                    self.send(code, news)
                self._expire_writing()
                self.views.prune(self.rooms.live)
                self.streams.prune(self.rooms.live)
                for code in [c for c in self.lists_sent if c not in self.rooms.live]:
                    del self.lists_sent[code]
                heap.tend()
            except Exception:  # keep ticking; the next pass tries again
                log.exception("tick failed")

    def _expire_writing(self) -> None:
        now = time.monotonic()
        for key, people in list(self.writing.items()):
            stale = [p for p, until in people.items() if until < now]
            for player_id in stale:
                del people[player_id]
            if not people:
                del self.writing[key]
            if stale:
                self._send_writing(key)

    def _send_writing(self, key: tuple[str, str]) -> None:
        code, table = key
        self.io.emit("writing", {"players": sorted(self.writing.get(key, ()))}, to=list(_rooms_of(code, ("t", table))))

    # --- views: whole, or as patches to those who asked -------------------------------
    def _wants_patches(self, sid: str, payload: dict) -> None:
        if payload.get("patches") is True:
            self.patching.add(sid)
        else:
            self.patching.discard(sid)

    def _place(self, sid: str, code: str, audience: tuple) -> None:
        """Put a socket where its views come from: the audience's room for whole views, or
        (patches) its patch room, after sending it the whole view the patches start from."""
        whole, patched = _rooms_of(code, audience)
        self.io.server.leave_room(sid, patched)  # a rejoin on the same connection starts afresh
        if sid not in self.patching:
            self.io.server.enter_room(sid, whole)
            return
        self.io.server.leave_room(sid, whole)
        key = (code, *audience)
        with self.streaming:
            if not self.streams.started(key):  # nobody holds this audience's view yet
                room, online = self.rooms.get(code), self.rooms.online_in(code)
                self.streams.advance(key, self._data(room, audience, online, self.rooms.clock()))
            # the view the others hold (the acknowledgement carries the newest): no patch for them
            self.io.server.enter_room(sid, patched)
            self.io.emit("patch", self.streams.whole(key), to=sid)

    def _publish(self, room, audience: tuple, online, now: str, pause=None) -> None:
        """Send an audience's new view: whole to those in its room, as a patch to the others.
        `pause`: compare with the last view in slices first, outside the lock (the host view)."""
        whole, patched = _rooms_of(room.code, audience)
        if self._anyone(whole):
            self.io.emit("view", self._encoded(room, audience, online, now), to=whole)
        key = (room.code, *audience)
        view = prepared = None
        if pause is not None and self._anyone(patched):
            view = self._data(room, audience, online, now)
            prepared = self.streams.prepare(key, view, pause)
        with self.streaming:
            if not self._anyone(patched):
                self.streams.drop(key)
                return
            if view is None:
                view = self._data(room, audience, online, now)
            message = self.streams.advance(key, view, prepared)
            if message is not None:
                self.io.emit("patch", message, to=patched)

    def _anyone(self, name: str) -> bool:
        return next(self.io.server.manager.get_participants("/", name), None) is not None

    def _encoded(self, room, audience: tuple, online, now: str):
        if audience[0] == "h":
            return self.views.host(room, online, now)
        return self.views.table(room, audience[1] if audience[0] == "t" else None, online, now)

    def _data(self, room, audience: tuple, online, now: str) -> dict:
        if audience[0] == "h":
            return self.views.host_data(room, online, now)
        return self.views.table_data(room, audience[1] if audience[0] == "t" else None, online, now)

    def _view(self, code: str, table: str | None) -> dict:
        room = self.rooms.get(code)
        return self.views.table_data(room, table, self.rooms.online_in(code), self.rooms.clock())



def _rooms_of(code: str, audience: tuple) -> tuple[str, str]:
    """The Socket.IO rooms of an audience: (whole views, patches). ("t", table), ("u",) for
    the people not yet seated, ("h",) for the hosts."""
    if audience[0] == "t":
        return f"t:{code}:{audience[1]}", f"pt:{code}:{audience[1]}"
    return f"{audience[0]}:{code}", f"p{audience[0]}:{code}"
