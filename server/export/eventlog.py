"""The complete event log as JSON, replayable with `python -m server.replay FILE`.

What it leaves out, so the file is safe to hand on:
- secrets: the host key hash and every token hash become "" (a player who joined with a
  device keeps an empty token hash, so "has a device" survives a replay; nobody can rejoin
  or host with it);
- words kept in the room: the text of a private response, note or pledge (and of an agreed
  note made from a private response) becomes "(kept in the room)"; the event itself stays,
  so votes and turns replay exactly;
- with `anonymous`, each person's name becomes the perspective they brought.
"""
from __future__ import annotations

import copy
import json

from ..game import PERSPECTIVES, Event, replay
from .summary import KEPT, private_ids

FORMAT = "inourshoes-events"
VERSION = 1
#: The events that introduce a text, and the field holding that item's id.
TEXT_ITEMS = {"response_added": "response", "note_added": "note", "pledge_added": "pledge", "round_ended": "note"}


def events_of(rows) -> list[Event]:
    return [Event(type=r["type"], data=r["data"], at=r["at"], actor=r["actor"]) for r in rows]


def scrub(rows: list[dict], anonymous: bool = False) -> list[dict]:
    """The rows as they may leave the server (a copy; `rows` is not changed)."""
    rows = copy.deepcopy(rows)
    room = replay(events_of(copy.deepcopy(rows)))
    kept = private_ids(room) if room else set()
    for row in rows:
        data, kind = row["data"], row["type"]
        if kind == "room_created":
            data["host_key_hash"] = ""
        elif kind == "player_joined":
            if data.get("token_hash"):
                data["token_hash"] = ""
            if anonymous:
                data["name"] = PERSPECTIVES.get(data.get("perspective"), "someone")
        field = TEXT_ITEMS.get(kind)
        if field and data.get(field) in kept and "text" in data:
            data["text"] = KEPT
    return rows


def document(rows: list[dict], anonymous: bool = False) -> dict:
    rows = scrub(rows, anonymous)
    created = rows[0] if rows else {"data": {}, "at": None}
    ended = next((r["at"] for r in rows if r["type"] == "room_ended"), None)
    deck = created["data"].get("deck", {})
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
    }


def render(rows: list[dict], anonymous: bool = False) -> bytes:
    return json.dumps(document(rows, anonymous), ensure_ascii=False, indent=1).encode("utf-8")
