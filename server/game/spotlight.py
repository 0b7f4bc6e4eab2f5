"""The plenary spotlight: the facilitator puts one table's card and agreed note, or one
pledge, on the big screen for the whole room to talk about, and takes it down again.

`spotlight {table, note?}`, `spotlight {pledge}`, `spotlight {}` (take it down). Anything
kept in the room is refused; if something on the screen is made private later, the screen
view leaves it out at once (views_screen.py checks again every time).
"""
from __future__ import annotations

from .checks import RuleError, table_of
from .model import Pledge, Room
from .moves import event

KEPT = "That was kept in the room, so it cannot go on the big screen."


def spotlight(room: Room, command: dict):
    if command.get("pledge") is not None:
        table, item = room.find_item(command["pledge"]) if isinstance(command["pledge"], str) else (None, None)
        if not isinstance(item, Pledge):
            raise RuleError("not_found", "That pledge does not exist.")
        if item.private:
            raise RuleError("forbidden", KEPT)
        chosen = {"pledge": item.id, "table": table.id}
    elif command.get("table") is not None:
        table = table_of(room, command["table"])
        chosen = {"table": table.id}
        if command.get("note") is not None:
            note = next((n for n in table.notes if n.id == command["note"]), None)
            if note is None:
                raise RuleError("not_found", "That note is not on this table.")
            if note.private:
                raise RuleError("forbidden", KEPT)
            chosen["note"] = note.id
        elif not table.rounds:
            raise RuleError("bad_request", "That table has not drawn a card yet.")
        else:
            chosen["round"] = table.rounds[-1].number
    else:
        chosen = None
    return [] if chosen == room.spotlight else [event(command, "spotlight_set", spotlight=chosen)]


def _set(room: Room, d: dict, ev) -> None:
    room.spotlight = d["spotlight"]


SPOTLIGHT_MOVES = {"spotlight": spotlight}
SPOTLIGHT_HANDLERS = {"spotlight_set": _set}
