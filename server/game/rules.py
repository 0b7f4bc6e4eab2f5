"""`decide(room, command) -> [Event]`: the one entry point to the rules.

A command is a dict: `type`, `actor` ("host", a player id, or None before joining), `at`
(UTC ISO time), optional `seed` (for shuffles), plus the fields of that type. Raises
`RuleError` when the command is not allowed; never changes `room`.

The checks every move shares are made here, once: who may send it (host moves), whether
the room is open, and whether the stage of the table it acts on allows it (`STAGE_MOVES`).
"""
from __future__ import annotations

from .answers import ANSWER_MOVES
from .away import SYSTEM_MOVES
from .checks import RuleError, require_host, require_open, text_field
from .cohosts import host_key_reset
from .hosting import HOST_MOVES
from .lookback import FOLLOW_UP_MOVES, LOOK_BACK_MOVES
from .model import PLAY_MODES, Event, Room, Table
from .moves import event
from .plan import PLAN_MOVES
from .practice import PRACTICE_SYSTEM_MOVES, created_fields
from .run_sheet import make_run_sheet
from .play import PLAYER_MOVES, join

#: Every move: the participants' and the host's (sent as `act`), joining, the server's own
#: presence moves (actor "system") and the organiser's new host link.
MOVES = {
    "join": join, **PLAYER_MOVES, **HOST_MOVES, **SYSTEM_MOVES, **ANSWER_MOVES, "host_key_reset": host_key_reset,
    **PLAN_MOVES, **LOOK_BACK_MOVES, **FOLLOW_UP_MOVES, **PRACTICE_SYSTEM_MOVES,
}
PLAYER_ACTS = (*PLAYER_MOVES, *LOOK_BACK_MOVES)
HOST_ACTS = (*HOST_MOVES, *PLAN_MOVES)  # the plan: the host, or the organiser over HTTP

#: The moves each stage of a table allows. A move named under no stage (sitting, notes,
#: "keep this in the room", the host's controls...) may be made at any stage.
STAGE_MOVES = {
    "lobby": frozenset(),
    "look_back": frozenset({"review"}),
    "play": frozenset({"draw", "respond", "add_words", "vote", "unvote", "reveal", "next", "agree", "poem"}),
    "reflect": frozenset({"note:working", "note:not_working", "note:matters"}),
    "pledge": frozenset({"pledge"}),
    "closed": frozenset(),
}
STAGE_BOUND = frozenset().union(*STAGE_MOVES.values())
#: Moves with checks of their own about an open room (joining an ended room says so; a
#: new host link is still needed after the end, for the notes, and a co-facilitator's link
#: can still be stopped, since it still opens them; the action plan stays open after the
#: end, and a follow-up still reports on it).
OWN_OPEN_CHECK = frozenset({
    "join", "host_key_reset", "cohost_revoke", *SYSTEM_MOVES, *PLAN_MOVES, *FOLLOW_UP_MOVES,
})  # fmt: skip


def create(command: dict) -> list[Event]:
    """The first event of every room: its title, a snapshot of its deck, how it is played
    (`play`: "path" or "open"), two empty tables."""
    title = text_field(command, "title", 120)
    if command.get("play", "path") not in PLAY_MODES:
        raise RuleError("bad_request", "'play' is \"path\" (a board of outcomes) or \"open\" (cards and votes only).")
    return [
        event(
            command,
            "room_created",
            code=command["code"],
            title=title,
            deck=command["deck"],
            host_key_hash=command["host_key_hash"],
            hide_until_reveal=bool(command.get("hide_until_reveal", False)),
            play=command.get("play", "path"),
            admit=bool(command.get("admit", False)),
            tables=[{"id": "t1", "name": "Table 1"}, {"id": "t2", "name": "Table 2"}],
            next_id=2,
            **({"follows": command["follows"]} if command.get("follows") else {}),  # a follow-up: lookback.snapshot
            **created_fields(command),  # a practice room: practice, simulated
            **({"run_sheet": make_run_sheet(command["run_sheet"])} if command.get("run_sheet") else {}),
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
    if kind in HOST_MOVES:
        require_host(command)
    if kind not in OWN_OPEN_CHECK:
        require_open(room, command)
    _require_stage(room, command, _stage_key(command))
    return move(room, command)


def _stage_key(command: dict) -> str:
    kind = command["type"]
    if kind == "note" and command.get("kind", "note") != "note":
        return f"note:{command.get('kind')}"
    return kind


def _require_stage(room: Room, command: dict, key: str) -> None:
    if key not in STAGE_BOUND:
        return
    table = _acted_on(room, command)
    if table is None or key in STAGE_MOVES.get(table.stage, ()):
        return  # no table yet: the move itself says what is missing
    wanted = " or ".join(stage for stage, moves in STAGE_MOVES.items() if key in moves)
    raise RuleError("wrong_stage", f"You can do that in the {wanted} stage; this table is in the {table.stage} stage.")


def _acted_on(room: Room, command: dict) -> Table | None:
    """The table a command acts on: the sender's own, or for the host the table it names
    (or the table of the person it acts for). None when that is not known (yet)."""
    actor = command.get("actor")
    if actor == "host":
        person = room.players.get(command.get("for")) if isinstance(command.get("for"), str) else None
        table_id = person.table if person else command.get("table")
    else:
        player = room.players.get(actor) if isinstance(actor, str) else None
        table_id = player.table if player else None
    return room.tables.get(table_id) if isinstance(table_id, str) else None
