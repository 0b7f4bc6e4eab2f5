"""Views on the wire: each encoded once, and the parts that did not change not rebuilt.

Measured under 1,000 participants (README "Performance"): python-socketio walked every
outgoing message looking for binary parts, which cost more than encoding it, and the host
view (every table, ~800 KB at 167 tables) was rebuilt and re-encoded in full several times a
second, stalling every other action meanwhile. So:

- `JsonPacket` sends JSON only (we never send binary over the socket), encoded by orjson
  (several times faster than the standard library's), and splices a view already encoded
  (`Encoded`) into the packet as it is: the client receives the same object.
- `Views` keeps each table's detail, the room header and the table list built and encoded,
  and rebuilds one only when `Rooms.versions` says it changed (the rules' audiences), or after
  MAX_AGE seconds. The shapes stay those of `server/game/views.py`; this only stitches encoded
  parts in, or (`table_data`, `host_data`) hands out the same parts as data for patches.
  Each table's voice counts (the host's chart) are kept the same way, and the host view
  takes the seated people from the tables' details: at 1000 participants rebuilding those
  for every host view stalled everyone for several milliseconds each time.
"""
from __future__ import annotations

import json
import secrets
import time

import orjson
from socketio.packet import Packet

from .game import host_view, table_view
from .game.views import room_view, table_detail, table_list
from .game.voice import table_counts

MAX_AGE = 5.0  # seconds an encoded part is trusted even without a change (a safety net)


class Encoded(str):
    """JSON text of a view, sent as it is."""


def encode(data) -> str:
    """Compact JSON text (non-ASCII characters as they are, not escaped)."""
    try:
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:  # what orjson refuses (integers past 64 bits), the standard library may take
        return json.dumps(data, separators=(",", ":"))


def _dumps(data, **kwargs) -> str:
    if isinstance(data, list) and any(isinstance(item, Encoded) for item in data):
        return "[" + ",".join(item if isinstance(item, Encoded) else encode(item) for item in data) + "]"
    return encode(data)


def _loads(text):
    """What a client sent, read by orjson (several times faster); what it refuses and the
    standard library takes (NaN, lone surrogates), read as before. (Whole numbers past 64
    bits come as floats: no field takes one either way.)"""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


class _Json:
    dumps = staticmethod(_dumps)
    loads = staticmethod(_loads)


class JsonPacket(Packet):
    """A Socket.IO packet without the binary walk, that sends `Encoded` views as they are."""

    uses_binary_events = False
    json = _Json


class Views:
    """Encoded table and host views for the transport."""

    def __init__(self, rooms):
        self.rooms = rooms
        self.nonce = secrets.token_hex(6)  # markers no person's text can forge
        self.marker = '"\\u0001' + self.nonce + ":"  # how a marker string looks once encoded
        self.parts: dict[tuple, list] = {}  # (code, table id | "" | None, slot) -> [version, built at, data, JSON]

    def _part(self, code: str, key: str | None, build, slot: str = "") -> list:
        """[version, built at, data, JSON or None until first asked for]. `slot`: another
        thing built from the same part of the room (a table's voice counts)."""
        version = self.rooms.version(code, key or None)
        cached = self.parts.get((code, key, slot))
        now = time.monotonic()
        if cached is None or cached[0] != version or now - cached[1] > MAX_AGE:
            cached = [version, now, build(), None]
            self.parts[(code, key, slot)] = cached
        return cached

    def _json(self, code: str, key: str | None, build) -> str:
        cached = self._part(code, key, build)
        if cached[3] is None:
            cached[3] = encode(cached[2])
        return cached[3]

    def _stitch(self, room, view: dict, online) -> Encoded:
        """Encode `view`, then put each part in place of its marker ("R": the room header,
        "L": the table list, "T<id>": a table's detail)."""
        code = room.code
        pieces = encode(view).split(self.marker)
        out = [pieces[0]]
        for piece in pieces[1:]:
            end = piece.index('"')
            kind, table_id = piece[0], piece[1:end]
            if kind == "R":  # the header changes with the table list: what the unseated see
                out.append(self._json(code, "", lambda: room_view(room)))
            elif kind == "L":
                out.append(self._json(code, None, lambda: table_list(room)))
            else:
                out.append(self._json(code, table_id, lambda: table_detail(room, room.tables[table_id], online)))
            out.append(piece[end + 1 :])
        return Encoded("".join(out))

    def _header(self, room) -> str:
        return f"\x01{self.nonce}:R"

    def _listing(self, room) -> str:
        return f"\x01{self.nonce}:L"

    def _detail(self, room, table, online) -> str:
        return f"\x01{self.nonce}:T{table.id}"

    def table(self, room, table_id: str | None, online, now: str) -> Encoded:
        view = table_view(room, table_id, online, now, header=self._header, listing=self._listing, detail=self._detail)
        return self._stitch(room, view, online)

    def host(self, room, online, now: str) -> Encoded:
        view = host_view(room, online, now, header=self._header, detail=self._detail, counted=self._counts)
        return self._stitch(room, view, online)

    def table_data(self, room, table_id: str | None, online, now: str) -> dict:
        """The same view as `table`, as data whose unchanged parts are the very objects of
        the last call (so comparing two is quick: server/patches.py)."""
        return table_view(
            room, table_id, online, now, header=self._header_data, listing=self._listing_data, detail=self._detail_data
        )

    def host_data(self, room, online, now: str) -> dict:
        return host_view(room, online, now, header=self._header_data, detail=self._detail_data, counted=self._counts)

    def listing(self, room) -> list:
        """The list of tables as every table's view has it now (the same object until it changes)."""
        return self._listing_data(room)

    def warm(self, room, online, pause) -> None:
        """Bring every table's detail and voice counts up to date, a table at a time with
        `pause()` between (server/slices.py), so the host view built next reuses them all."""
        for table in list(room.tables.values()):
            self._detail_data(room, table, online)
            self._counts(room, table)
            pause()

    # the parts as data, each rebuilt only when the rules named it
    def _header_data(self, room) -> dict:
        return self._part(room.code, "", lambda: room_view(room))[2]

    def _listing_data(self, room) -> list:
        return self._part(room.code, None, lambda: table_list(room))[2]

    def _detail_data(self, room, table, online) -> dict:
        return self._part(room.code, table.id, lambda: table_detail(room, table, online))[2]

    def _counts(self, room, table) -> dict:
        return self._part(room.code, table.id, lambda: table_counts(room, table), slot="voice")[2]

    def prune(self, live: dict) -> None:
        """Forget the parts of rooms that are no longer live."""
        for key in [k for k in self.parts if k[0] not in live]:
            del self.parts[key]
