"""Whose voice was heard: for each table and the whole room, by the perspectives present,
how many people, answers written, votes their answers received, and agreed notes.

Words and votes entered for someone without a device count for that person. The host
sees it as a small chart and plain sentences ("Table 2 has not yet heard from ...").
"""
from __future__ import annotations

from collections import defaultdict

from .model import Room, Table

FIELDS = ("people", "responses", "votes", "agreed")


def _tally() -> dict[str, dict[str, int]]:
    return defaultdict(lambda: dict.fromkeys(FIELDS, 0))


def _count_table(room: Room, table: Table, tally) -> None:
    def perspective(player_id):
        player = room.players.get(player_id)
        return player.perspective if player else None

    for player_id in table.seats:
        tally[perspective(player_id)]["people"] += 1
    for round_ in table.rounds:
        for response in round_.responses:
            side = perspective(response.author)
            if side:
                tally[side]["responses"] += 1
                tally[side]["votes"] += len(response.voters)
    for note in table.notes:
        side = perspective(note.author) if note.kind == "agreed" else None
        if side:
            tally[side]["agreed"] += 1


def voice(room: Room) -> dict:
    """`{"room": {perspective: counts}, "tables": {table id: {perspective: counts}}}`."""
    everyone = _tally()
    tables = {}
    for table in room.tables.values():
        tally = _tally()
        _count_table(room, table, tally)
        tables[table.id] = {side: dict(counts) for side, counts in tally.items()}
        for side, counts in tally.items():
            for name, value in counts.items():
                everyone[side][name] += value
    for player in room.players.values():  # present in the room, not (yet) at a table
        if not (player.removed or player.waiting) and player.table is None:
            everyone[player.perspective]["people"] += 1
    return {"room": {side: dict(counts) for side, counts in everyone.items()}, "tables": tables}
