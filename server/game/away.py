"""A turn that waits for nobody: when the person whose turn it is has been away (their
connection dropped) for `room.away_after` seconds, the turn passes on by itself, and it
comes back to them when they return.

Presence is not logged, so the server tells the rules what it sees in commands of its own
(actor "system"): `tick {away: {player: offline since}}` now and then, and
`returned {player}` when someone comes back. Only the turns that change are logged.
"""
from __future__ import annotations

from datetime import datetime

from .checks import require_system
from .model import Room, Table
from .moves import event, next_seat


def _seconds_between(since: str, now: str) -> float:
    return (datetime.fromisoformat(now) - datetime.fromisoformat(since)).total_seconds()


def _next_present(table: Table, holder: str, away: dict) -> str | None:
    """The next seat after `holder` held by someone who is here (or has no device)."""
    turn = holder
    for _ in table.seats:
        turn = next_seat(table, turn)
        if turn not in away:
            return turn
    return None


def tick(room: Room, command: dict):
    require_system(command)
    away = command.get("away") if isinstance(command.get("away"), dict) else {}
    if not room.away_after or room.paused or room.ended:
        return []
    events = []
    for table in room.tables.values():
        holder = table.turn
        if table.stage != "play" or table.current is not None or holder not in away:
            continue
        if _seconds_between(away[holder], command["at"]) < room.away_after:
            continue
        turn = _next_present(table, holder, away)
        if turn is not None and turn != holder:
            events.append(event(command, "turn_passed", table=table.id, turn=turn, away=holder))
    return events


def returned(room: Room, command: dict):
    """Someone is back: a turn passed on while they were away comes back to them now, or
    after the card in play."""
    require_system(command)
    player = room.players.get(command.get("player")) if not room.ended else None
    table = room.tables.get(player.table) if player and player.table else None
    if table is None or table.away_from != player.id or table.returning == player.id:
        return []
    if table.current is None:
        return [event(command, "turn_passed", table=table.id, turn=player.id, back=True)]
    return [event(command, "player_back", table=table.id, player=player.id)]


SYSTEM_MOVES = {"tick": tick, "returned": returned}
