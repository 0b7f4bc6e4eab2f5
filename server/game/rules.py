"""`decide(room, command) -> [Event]`: the one entry point to the rules.

A command is a dict: `type`, `actor` ("host", a player id, or None before joining), `at`
(UTC ISO time), optional `seed` (for shuffles) and `id` (the client's command id), plus the
fields of that type. Raises `RuleError` when the command is not allowed; never changes `room`.
"""
from __future__ import annotations

from .checks import RuleError, text_field
from .hosting import HOST_MOVES
from .model import Event, Room
from .moves import event
from .play import PLAYER_MOVES, join

MOVES = {"join": join, **PLAYER_MOVES, **HOST_MOVES}
PLAYER_ACTS = tuple(PLAYER_MOVES)
HOST_ACTS = tuple(HOST_MOVES)


def create(command: dict) -> list[Event]:
    """The first event of every room: its title, a snapshot of its deck, two empty tables."""
    title = text_field(command, "title", 120)
    return [
        event(
            command,
            "room_created",
            code=command["code"],
            title=title,
            deck=command["deck"],
            host_key_hash=command["host_key_hash"],
            hide_until_reveal=bool(command.get("hide_until_reveal", False)),
            tables=[{"id": "t1", "name": "Table 1"}, {"id": "t2", "name": "Table 2"}],
            next_id=2,
        )
    ]


def decide(room: Room | None, command: dict) -> list[Event]:
    kind = command.get("type")
    if kind == "create":
        return create(command)
    if room is None:
        raise RuleError("not_found", "There is no workshop with that code.")
    move = MOVES.get(kind) if isinstance(kind, str) else None
    if move is None:
        raise RuleError("bad_request", f"Unknown action {str(kind)[:40]!r}.")
    events = move(room, command)
    if events and command.get("id"):
        events[-1].data["cmd"] = command_key(command)
    return events


def command_key(command: dict) -> str:
    """The key under which a command is remembered, so a re-sent one is not done twice."""
    return f"{command.get('actor')}/{command.get('id')}"
