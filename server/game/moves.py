"""Helpers the moves share: building events, new ids, passing the turn."""
from __future__ import annotations

from .model import Event, Room, Table


def event(command: dict, type_: str, **data) -> Event:
    return Event(type=type_, data=data, at=command["at"], actor=command.get("actor"))


def new_id(room: Room, prefix: str, offset: int = 1) -> tuple[str, int]:
    """A fresh id such as `r17`, and the counter value the event must record."""
    value = room.next_id + offset
    return f"{prefix}{value}", value


def next_seat(table: Table, after: str | None, leaving: str | None = None) -> str | None:
    """The player after `after` in seat order, skipping `leaving`; the first seat if unknown."""
    seats = [seat for seat in table.seats if seat != leaving]
    if not seats:
        return None
    if after in table.seats:
        index = table.seats.index(after)
        for seat in table.seats[index + 1 :] + table.seats[: index + 1]:
            if seat != leaving:
                return seat
    return seats[0]


def turn_events(command: dict, table: Table, turn: str | None) -> list[Event]:
    if turn == table.turn:
        return []
    return [event(command, "turn_passed", table=table.id, turn=turn)]


def leave_table(command: dict, room: Room, player_id: str) -> list[Event]:
    """If the player leaving a table holds its turn, the turn moves on to the next seat."""
    player = room.players[player_id]
    if player.table is None:
        return []
    table = room.tables[player.table]
    if table.turn != player_id:
        return []
    return turn_events(command, table, next_seat(table, player_id, leaving=player_id))


def join_table(command: dict, room: Room, player_id: str, table: Table) -> list[Event]:
    """A table in play with nobody holding the turn gives it to the newcomer."""
    if table.stage == "play" and table.turn is None:
        return [event(command, "turn_passed", table=table.id, turn=player_id)]
    return []


def seat(command: dict, room: Room, player_id: str, table: Table | None) -> list[Event]:
    player = room.players[player_id]
    if player.table == (table.id if table else None):
        return []
    events = leave_table(command, room, player_id)
    events.append(
        event(command, "player_seated", player=player_id, table=table.id if table else None, **{"from": player.table})
    )
    if table is not None:
        events += join_table(command, room, player_id, table)
    return events
