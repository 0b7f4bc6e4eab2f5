""""Seat everyone": spread unseated people over the tables, mixing perspectives.

First, which tables: those people already sit at, and empty ones (in the room's order) only
as many as are needed to keep every table at FULL or fewer, and only for two or more people
each (a lone latecomer makes a table of seven rather than sit alone). A facilitator who adds spare
tables for a conference, or a latecomer seated while others play, never leaves someone
playing alone at an empty table (a played workshop found exactly that).
Before the workshop starts (`spread`), the tables the facilitator made are all used, as long
as each gets SMALLEST people or more: ten people and three tables make tables of 4, 3 and 3,
not 5, 5 and an empty one (a facilitator who added a third table expects it used; a
rehearsal found exactly that).
Then people are dealt out grouped by perspective (largest group first), each to one of the
emptiest of those tables, preferring the table with fewest people of the same perspective.
Sizes stay as even as they can be, and no table fills up with one kind of voice while
another gets another.
"""
from __future__ import annotations

from collections import Counter

FULL = 6  # people at a table before "Seat everyone" opens an empty one (the game's table of six)
SMALLEST = 3  # before the start, every table is used while each gets at least this many


def seat_everyone(
    tables: list[tuple[str, list[str]]], waiting: list[tuple[str, str]], spread: bool = False
) -> dict[str, str]:
    """tables: [(table id, [perspective of each person already seated])];
    waiting: [(player id, perspective)] in joining order; `spread`: before the start, use
    every table while each gets SMALLEST or more. Returns {player id: table id}."""
    if not tables:
        return {}
    people = sum(len(seated) for _, seated in tables) + len(waiting)
    busy = [table_id for table_id, seated in tables if seated]
    empty = [table_id for table_id, seated in tables if not seated]
    needed = max(len(busy), -(-people // FULL), 1)  # ceil: tables of FULL or fewer
    wanted = max(needed, min(len(tables), people // SMALLEST)) if spread else needed
    if busy:
        # an empty table opens only for two or more: one latecomer makes a table of seven
        # instead; the extra tables of `spread` open only for SMALLEST or more each
        opening = max(min(needed - len(busy), len(waiting) // 2), min(wanted - len(busy), len(waiting) // SMALLEST))
    else:
        opening = wanted
    used = set(busy + empty[:opening])
    tables = [(table_id, seated) for table_id, seated in tables if table_id in used]
    sizes = {table_id: len(seated) for table_id, seated in tables}
    mix = {table_id: Counter(seated) for table_id, seated in tables}
    order = [table_id for table_id, _ in tables]
    groups: dict[str, list[str]] = {}
    for player_id, perspective in waiting:
        groups.setdefault(perspective, []).append(player_id)
    ranked = sorted(groups.items(), key=lambda item: -len(item[1]))
    placed = {}
    for perspective, people in ranked:
        for player_id in people:
            smallest = min(sizes.values())
            choice = min(
                (t for t in order if sizes[t] == smallest),
                key=lambda t: (mix[t][perspective], order.index(t)),
            )
            placed[player_id] = choice
            sizes[choice] += 1
            mix[choice][perspective] += 1
    return placed
