"""The complete event log as JSON, replayable with `python -m server.replay FILE`.

What it leaves out, so the file is safe to hand on:
- secrets: the host key hash and every token hash become "" (a player who joined with a
  device keeps an empty token hash, so "has a device" survives a replay; nobody can rejoin
  or host with it);
- words kept in the room: the text of a private response, note or pledge (and of an agreed
  note made from a private response) becomes "(kept in the room)"; the event itself stays,
  so votes and turns replay exactly;
- with `anonymous`, each person's name becomes the perspective they brought.

Beside the events it carries, worked out from them, each table's `boards` (as in the
table view) and `voice` (whose voice was heard, with its sentences; words kept in the room
are not counted), so a reader needs no replay for those.
"""
from __future__ import annotations

import base64
import copy
import json

from ..game import Event, replay
from ..game.board import board_view
from ..game.perspectives import name_of
from ..game.voice import voice
from ..game.plan import kept_actions
from .plan import anonymous_owners
from .summary import KEPT, left_out, private_ids, skipped_ids

#: The words of an answer on a skipped card: the facilitator was told none is kept.
SKIPPED = "(not kept: the card was skipped)"
FORMAT = "inourshoes-events"
VERSION = 1
#: The events that introduce a text, and the field holding that item's id.
TEXT_ITEMS = {"response_added": "response", "note_added": "note", "pledge_added": "pledge", "round_ended": "note",
              "words_added": "response", "action_added": "action", "action_updated": "action"}  # fmt: skip


def events_of(rows) -> list[Event]:
    return [Event(type=r["type"], data=r["data"], at=r["at"], actor=r["actor"]) for r in rows]


def scrub(rows: list[dict], anonymous: bool = False) -> list[dict]:
    """The rows as they may leave the server (a copy; `rows` is not changed)."""
    rows = copy.deepcopy(rows)
    room = replay(events_of(copy.deepcopy(rows)))
    kept = (private_ids(room) | kept_actions(room)) if room else set()
    skipped = skipped_ids(room) if room else set()
    for row in rows:
        data, kind = row["data"], row["type"]
        if kind == "room_created":
            data["host_key_hash"] = ""
            if anonymous and data.get("follows"):  # a follow-up's copy of the earlier plan
                anonymous_owners(data["follows"])
        elif kind == "player_joined":
            if data.get("token_hash"):
                data["token_hash"] = ""
            if anonymous:
                data["name"] = name_of(room.deck, data.get("perspective")) if room else "someone"
        field = TEXT_ITEMS.get(kind)
        if field and data.get(field) in kept:
            for words in ("text", "progress"):
                if data.get(words):
                    data[words] = KEPT
        elif kind in ("response_added", "words_added") and data.get("response") in skipped:
            data["text"] = SKIPPED
            data.pop("audio", None)
    return rows


def shared_recordings(room) -> set[str]:
    """Ids of the recordings that are part of an answer, note or pledge not kept in the room
    (nor on a skipped card)."""
    kept = left_out(room)
    ids = set()
    for table in room.tables.values():
        items = [r for round_ in table.rounds for r in round_.responses] + table.notes + table.pledges
        ids.update(item.audio["id"] for item in items if item.audio and item.id not in kept)
    return ids


def document(rows: list[dict], anonymous: bool = False, recordings=None) -> dict:
    """The export's content; `recordings` (the store's audio rows) adds the spoken answers
    that may leave the server, base64-encoded, under "recordings"."""
    rows = scrub(rows, anonymous)
    created = rows[0] if rows else {"data": {}, "at": None}
    ended = next((r["at"] for r in rows if r["type"] == "room_ended"), None)
    deck = created["data"].get("deck", {})
    room = replay(events_of(copy.deepcopy(rows))) if rows else None
    return {
        "format": FORMAT,
        "version": VERSION,
        "anonymous": anonymous,
        "kept_in_the_room": KEPT,
        "room": {
            "code": created["data"].get("code"),
            "title": created["data"].get("title"),
            "deck": deck.get("id"),
            "created_at": created["at"],
            "ended_at": ended,
        },
        "deck": deck,
        "events": rows,
        "boards": {t.id: board_view(room, t) for t in room.tables.values()} if room else {},
        "voice": voice(room, leave_out=left_out(room)) if room else None,
        **({"recordings": _recordings(room, recordings)} if recordings is not None else {}),
    }


def _recordings(room, recordings) -> list[dict]:
    shared = shared_recordings(room) if room else set()
    return [
        {"id": r["id"], "player": r["player"], "seconds": r["seconds"], "at": r["at"], "media_type": r["media_type"],
         "base64": base64.b64encode(r["data"]).decode("ascii")}
        for r in recordings
        if r["id"] in shared
    ]  # fmt: skip


def render(rows: list[dict], anonymous: bool = False, recordings=None) -> bytes:
    return json.dumps(document(rows, anonymous, recordings), ensure_ascii=False, indent=1).encode("utf-8")
