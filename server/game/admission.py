"""Who is let in: the facilitator's waiting list, and letting a removed person back.

For a sensitive workshop the host turns on "admit each joiner": newcomers wait until the
host lets them in or turns them away. A tablemate's request to add someone without a
device waits on the same list. A removed person stays out (their browser's token is
refused) until the host lets them back.
"""
from __future__ import annotations

from .checks import RuleError, player_of
from .model import Player, Room
from .moves import event, join_table, seat


def _waiting(room: Room, command: dict) -> Player:
    player = player_of(room, command.get("player"))
    if not player.waiting:
        raise RuleError("bad_request", f"{player.name} is not waiting to come in.")
    return player


def let_in(command: dict, room: Room, player: Player, table) -> list:
    """Admit a waiting person, seated at `table` (or not yet seated: None)."""
    events = [event(command, "player_admitted", player=player.id)]
    if table is not None:
        events.append(event(command, "player_seated", player=player.id, table=table.id, **{"from": None}))
        events += join_table(command, room, player.id, table)
    return events


def admit(room: Room, command: dict):
    """Let a waiting person in; someone added by a tablemate sits at that table."""
    player = _waiting(room, command)
    return let_in(command, room, player, room.tables.get(player.wants_table) if player.wants_table else None)


def turn_away(room: Room, command: dict):
    player = _waiting(room, command)
    return [event(command, "player_removed", player=player.id, table=None, reason="turned_away")]


def readmit(room: Room, command: dict):
    """Undo a removal: the person's own browser can join again, as the same person, back at
    the table they were taken from (if it is still there)."""
    player = room.players.get(command.get("player")) if isinstance(command.get("player"), str) else None
    if player is None or not player.removed:
        raise RuleError("not_found", "That person has not been removed.")
    back = room.tables.get(player.removed_from) if player.removed_from else None
    return [event(command, "player_readmitted", player=player.id)] + (seat(command, room, player.id, back) if back else [])


def move_in(command: dict, room: Room, player: Player, table) -> list:
    """The host seats someone (or unseats them); a waiting person is let in first."""
    return let_in(command, room, player, table) if player.waiting else seat(command, room, player.id, table)


ADMISSION_MOVES = {"admit": admit, "turn_away": turn_away, "readmit": readmit}
