"""Whose voice was heard: for each table and the whole room, by the perspectives present,
how many people, answers written, votes their answers received, and agreed notes.

Words and votes entered for someone without a device count for that person; the answers
on a skipped card count nowhere (the facilitator was told skipping keeps none). The host
sees it as a small chart and plain sentences ("Table 2 has not yet heard from ..."), made
by `sentences` so the exports say exactly the same.
"""
from __future__ import annotations

from collections import defaultdict

from .model import Room, Table
from .perspectives import OTHER, choices, name_of

FIELDS = ("people", "responses", "votes", "agreed")


def _tally() -> dict[str, dict[str, int]]:
    return defaultdict(lambda: dict.fromkeys(FIELDS, 0))


def _count_table(room: Room, table: Table, tally, leave_out=frozenset()) -> None:
    def perspective(player_id):
        player = room.players.get(player_id)
        return player.perspective if player else None

    for player_id in table.seats:
        tally[perspective(player_id)]["people"] += 1
    for round_ in table.rounds:
        if round_.outcome == "skipped":  # skipping keeps none of a card's answers (README "Exports")
            continue
        for response in round_.responses:
            side = perspective(response.author) if response.id not in leave_out else None
            if side:
                tally[side]["responses"] += 1
                tally[side]["votes"] += len(response.voters)
    for note in table.notes:
        side = perspective(note.author) if note.kind == "agreed" and note.id not in leave_out else None
        if side:
            tally[side]["agreed"] += 1


def table_counts(room: Room, table: Table, leave_out=frozenset()) -> dict:
    """`{perspective: counts}` for one table."""
    tally = _tally()
    _count_table(room, table, tally, leave_out)
    return {side: dict(counts) for side, counts in tally.items()}


def voice(room: Room, leave_out=frozenset(), counted=table_counts) -> dict:
    """`{"room": {perspective: counts}, "tables": {table id: {perspective: counts}},
    "sentences": {"room": [...], "tables": {table id: [...]}}}`. The exports pass the
    ids of words kept in the room as `leave_out`, so those are not counted there; the
    transport passes `counted` to reuse a table's counts until that table changes."""
    everyone = _tally()
    tables = {}
    for table in room.tables.values():
        tally = counted(room, table, leave_out) if leave_out else counted(room, table)
        tables[table.id] = tally
        for side, counts in tally.items():
            for name, value in counts.items():
                everyone[side][name] += value
    for player in room.players.values():  # present in the room, not (yet) at a table
        if not (player.removed or player.waiting) and player.table is None:
            everyone[player.perspective]["people"] += 1
    counts = {"room": {side: dict(counts) for side, counts in everyone.items()}, "tables": tables}
    return {**counts, "sentences": sentences(room, counts)}


def sentences(room: Room, counts: dict) -> dict:
    """Plain sentences a facilitator can act on, from the counts of `voice`:
    - the room: "Nobody here is taking part as a commissioner." (a side the deck offers);
    - each table, once it has finished a card: "Table 2 has not yet heard from a person who
      gets care or support." (someone sitting there who has written nothing), and, once it has
      agreed two answers, "Table 2 has not yet agreed an answer from a family carer." (a side
      still sitting there: not one whose only person moved to another table)."""
    order = list(choices(room.deck))

    def ranked(sides):  # in the deck's order of perspectives
        return sorted(sides, key=lambda side: (order.index(side) if side in order else len(order), side))

    room_lines = []
    if any(c["people"] for c in counts["room"].values()):
        room_lines = [
            f"Nobody here is taking part as {name_of(room.deck, side)}."
            for side in order
            if side != OTHER and not counts["room"].get(side, {}).get("people")
        ]
    tables = {}
    for table in room.tables.values():
        tally, lines = counts["tables"].get(table.id, {}), []
        if any(r.outcome is not None for r in table.rounds):
            lines += [
                f"{table.name} has not yet heard from {name_of(room.deck, side)}."
                for side in ranked(tally)
                if tally[side]["people"] and not tally[side]["responses"]
            ]
        if sum(c["agreed"] for c in tally.values()) >= 2:
            lines += [
                f"{table.name} has not yet agreed an answer from {name_of(room.deck, side)}."
                for side in ranked(tally)
                if tally[side]["people"] and tally[side]["responses"] and not tally[side]["agreed"]
            ]
        tables[table.id] = lines
    return {"room": room_lines, "tables": tables}
