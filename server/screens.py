"""The big screens' part of the transport: `screen {code}` → `{ok, view}` joins the
Socket.IO room `s:CODE`, and the screen view (server/game/views_screen.py) goes there when
the rules say it changed (`Audiences.screens`), gathered like the host view.

A screen needs no key: its view holds only what the whole room may see. Finding a room by
its code is rate-limited like `join` (per connection, and wrong codes per address)."""
from __future__ import annotations

from .game import RuleError
from .game.views_screen import screen_view
from .rooms import normalise_code

GATHER = 0.15  # seconds: changes within this are sent as one screen view


class ScreenFeed:
    def __init__(self, transport):
        self.transport = transport
        self.io = transport.io
        self.rooms = transport.rooms
        self.screens: dict[str, set[str]] = {}  # code -> open screen sids
        self.code_of: dict[str, str] = {}  # sid -> code
        self.due: set[str] = set()

    def join(self, sid: str, payload: dict, limit) -> dict:
        address, guesses = self.transport.address(sid), self.transport.guesses
        if guesses.blocked(address) or not self.transport.limiter.hit(limit, "screen", sid):
            raise RuleError("rate_limited", "Too many tries. Please wait a minute and try again.")
        code = normalise_code(payload.get("code"))
        room = self.rooms.get(code) if code else None
        if room is None:
            if code:
                guesses.missed(address)
            raise RuleError("not_found", "There is no workshop with that code. Please check it.")
        self.forget(sid)
        self.code_of[sid] = code
        self.screens.setdefault(code, set()).add(sid)
        self.io.server.enter_room(sid, f"s:{code}")
        return {"ok": True, "view": screen_view(room, self.rooms.clock())}

    def forget(self, sid: str) -> None:
        code = self.code_of.pop(sid, None)
        if code is not None:
            self.screens.get(code, set()).discard(sid)
            self.io.server.leave_room(sid, f"s:{code}")

    def soon(self, code: str) -> None:
        if not self.screens.get(code) or code in self.due:
            return
        self.due.add(code)
        self.io.start_background_task(self._send, code)

    def _send(self, code: str) -> None:
        self.io.sleep(GATHER)
        self.due.discard(code)
        room = self.rooms.get(code)
        if room is not None:
            self.io.emit("view", screen_view(room, self.rooms.clock()), to=f"s:{code}")
