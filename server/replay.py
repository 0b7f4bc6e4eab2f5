"""Rebuild a workshop from an exported event log: `python -m server.replay FILE`.

FILE is the JSON export (`export.json`, or `-` for standard input). The events are folded by
the same rules the server runs, and a short summary of the final state is printed.
"""
from __future__ import annotations

import argparse
import json
import sys

from .export.eventlog import FORMAT, VERSION, events_of
from .game import Room, replay


class ReplayError(Exception):
    pass


def load(document: dict) -> Room:
    """The final state of the room an exported log describes."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ReplayError(f"This is not an In Our Shoes event log (expected format {FORMAT!r}).")
    if document.get("version") != VERSION:
        raise ReplayError(f"This event log is version {document.get('version')!r}; this program reads version {VERSION}.")
    rows = document.get("events")
    if not isinstance(rows, list) or not rows or rows[0].get("type") != "room_created":
        raise ReplayError("The event log is empty or does not start with the room being created.")
    rows[0]["data"].setdefault("deck", document.get("deck"))
    try:
        return replay(events_of(rows))
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ReplayError(f"The event log could not be replayed: {err!r}") from err


def describe(room: Room) -> str:
    present = [p for p in room.players.values() if not p.removed]
    lines = [
        f"{room.title} ({room.code}), deck {room.deck.get('title', room.deck.get('id'))}",
        f"{room.n} events; stage {room.stage}; {'ended ' + room.ended_at if room.ended else 'not ended'}",
        f"{len(present)} people, {len(room.tables)} tables",
    ]
    for table in room.tables.values():
        lines.append(
            f"  {table.name}: {len(table.rounds)} cards, {len(table.notes)} notes, "
            f"{len(table.pledges)} pledges, {len(table.seats)} seated"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server.replay", description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the exported JSON event log, or - for standard input")
    args = parser.parse_args(argv)
    try:
        if args.file == "-":
            document = json.load(sys.stdin)
        else:
            with open(args.file, encoding="utf-8") as f:
                document = json.load(f)
        room = load(document)
    except (OSError, json.JSONDecodeError, ReplayError) as err:
        print(f"replay: {err}", file=sys.stderr)
        return 1
    print(describe(room))
    return 0


if __name__ == "__main__":
    sys.exit(main())
