"""The facilitator's moves, and how the events they record fold into the room
(`HOSTING_HANDLERS`, used by fold.py). The transport has already checked the host key, and
`decide` insists on `actor == "host"` for every move here, so a participant can never run one."""
from __future__ import annotations

import math
from datetime import datetime, timedelta

from .admission import ADMISSION_MOVES, move_in
from .agreement import finish_round
from .board import empty_board
from .checks import RuleError, flag, moved_on, player_of, table_of, text_field
from .cohosts import COHOST_MOVES
from .model import MAX_NAME, STAGES, Event, Room, Table
from .moves import event, leave_table, new_id, next_seat, turn_events
from .practice import PRACTICE_HOST_MOVES
from .run_sheet import RUN_SHEET_MOVES, begin_on_start
from .seating import seat_everyone
from .spotlight import SPOTLIGHT_MOVES

MAX_TIMER = 4 * 60 * 60
MAX_TABLES = 250  # a conference of 1,000 at tables of four


def _turns_for_play(command: dict, room: Room, tables) -> list:
    events = []
    for table in tables:
        if table.turn is None and table.seats:
            events.append(event(command, "turn_passed", table=table.id, turn=table.seats[0]))
    return events


def start(room: Room, command: dict):
    """Into play; a follow-up workshop first looks back at the earlier one's plan."""
    if room.stage != "lobby":
        raise RuleError("wrong_stage", "The workshop has already started.")
    if room.follows:
        return [event(command, "stage_set", stage="look_back", table=None)] + begin_on_start(room, command)
    return [event(command, "stage_set", stage="play", table=None)] + _turns_for_play(
        command, room, room.tables.values()
    ) + begin_on_start(room, command)


def stage(room: Room, command: dict):
    """Move every table, or one table, to any stage, forwards or back; nothing is lost."""
    new = command.get("stage")
    if new not in STAGES:
        raise RuleError("bad_request", f"Stage must be one of: {', '.join(STAGES)}.")
    if new == "look_back" and not room.follows:
        raise RuleError("wrong_stage", "Only a follow-up workshop has a look back stage.")
    if command.get("table") is None:
        tables = list(room.tables.values())
        events = [event(command, "stage_set", stage=new, table=None)]
    else:
        table = table_of(room, command["table"])
        tables = [table]
        events = [event(command, "stage_set", stage=new, table=table.id)]
    if new == "play":
        events += _turns_for_play(command, room, tables)
    return events


def pause(room: Room, command: dict):
    return [] if room.paused else [event(command, "room_paused")]


def resume(room: Room, command: dict):
    return [event(command, "room_resumed")] if room.paused else []


def timer(room: Room, command: dict):
    """Start (`seconds`), extend (`add`) or clear (`seconds: null`) the visible countdown.
    It only ever informs: nothing happens to anyone when it reaches zero. While the room is
    paused the timer is paused too: it keeps the seconds it has left (`paused_left`)."""
    if "add" not in command and command.get("seconds") is None:
        return [event(command, "timer_set", seconds=None, ends_at=None)]
    seconds = command.get("add", command.get("seconds"))
    if not isinstance(seconds, int) or isinstance(seconds, bool) or not 1 <= seconds <= MAX_TIMER:
        raise RuleError("bad_request", "The timer takes a whole number of seconds, up to 4 hours.")
    now = datetime.fromisoformat(command["at"])
    current = room.timer if "add" in command else None
    base = current["seconds"] if current else 0
    if room.paused:
        left = ((current or {}).get("paused_left") or 0) + seconds
        return [event(command, "timer_set", seconds=base + seconds, ends_at=None, paused_left=left)]
    ends = max(datetime.fromisoformat(current["ends_at"]), now) if current and current.get("ends_at") else now
    ends += timedelta(seconds=seconds)
    return [event(command, "timer_set", seconds=base + seconds, ends_at=ends.isoformat())]


def skip(room: Room, command: dict):
    """Skip the table's card; with no card on the table, skip the turn (someone away).
    With `round`, only that card: a skip sent late never lands on the next one. With
    `later`, the card goes back in the pile to come again after a few cards (so its outcome
    can still be met); without, it is out of the game (a card that upset someone, say)."""
    table = table_of(room, command.get("table"))
    if moved_on(command, table):
        return []
    if table.current is None:
        if table.turn is None:
            raise RuleError("bad_request", "That table has no card or turn to skip.")
        return turn_events(command, table, next_seat(table, table.turn))
    later = command.get("later", False)
    if not isinstance(later, bool):
        raise RuleError("bad_request", "'later' is true (the card comes back after a few cards) or false.")
    return finish_round(room, command, table, "skipped", later=later)


def broadcast(room: Room, command: dict):
    text = command.get("text")
    if text == "" or text is None:
        return [event(command, "notice_sent", text="")]
    return [event(command, "notice_sent", text=text_field(command))]


def move(room: Room, command: dict):
    player = player_of(room, command.get("player"))
    table = None if command.get("table") is None else table_of(room, command["table"])
    return move_in(command, room, player, table)


def remove(room: Room, command: dict):
    player = player_of(room, command.get("player"))
    return leave_table(command, room, player.id) + [
        event(command, "player_removed", player=player.id, table=player.table, reason="removed")
    ]


def lock(room: Room, command: dict):
    return [] if room.locked else [event(command, "room_locked")]


def unlock(room: Room, command: dict):
    return [event(command, "room_unlocked")] if room.locked else []


def add_table(room: Room, command: dict):
    """Add one table (`name` optional) or several at once (`count`), up to MAX_TABLES."""
    count = command.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise RuleError("bad_request", "'count' is how many tables to add: a whole number, 1 or more.")
    if len(room.tables) + count > MAX_TABLES:
        raise RuleError("bad_request", f"A workshop can have up to {MAX_TABLES} tables; it has {len(room.tables)}.")
    named = text_field(command, "name", MAX_NAME) if command.get("name") and count == 1 else None
    events = []
    for i in range(count):
        table_id, next_id = new_id(room, "t", offset=i + 1)
        name = named or f"Table {len(room.tables) + i + 1}"
        events.append(event(command, "table_added", table=table_id, name=name, next_id=next_id))
    return events


def seat_all(room: Room, command: dict):
    tables = [(t.id, [room.players[p].perspective for p in t.seats]) for t in room.tables.values()]
    waiting = [(p.id, p.perspective) for p in room.players.values() if not (p.removed or p.waiting) and p.table is None]
    events, first_newcomer = [], {}
    for player_id, table_id in seat_everyone(tables, waiting, spread=room.stage == "lobby").items():
        events.append(event(command, "player_seated", player=player_id, table=table_id, **{"from": None}))
        first_newcomer.setdefault(table_id, player_id)
    for table_id, player_id in first_newcomer.items():
        table = room.tables[table_id]
        if table.stage == "play" and table.turn is None:
            events.append(event(command, "turn_passed", table=table_id, turn=player_id))
    return events


def settings(room: Room, command: dict):
    """Change any of: `hide_until_reveal`, `admit` (let each newcomer in), `away_after`
    (seconds away before someone's turn passes on; 0 never)."""
    changed = {}
    for name in ("hide_until_reveal", "admit"):
        if name in command and flag(command, name) != getattr(room, name):
            changed[name] = command[name]
    if "away_after" in command:
        away = command["away_after"]
        if not isinstance(away, int) or isinstance(away, bool) or not 0 <= away <= MAX_TIMER:
            raise RuleError("bad_request", "'away_after' is a whole number of seconds (0: never).")
        if away != room.away_after:
            changed["away_after"] = away
    return [event(command, "settings_changed", **changed)] if changed else []


def end(room: Room, command: dict):
    return [event(command, "room_ended")]


HOST_MOVES = {
    "start": start,
    "stage": stage,
    "pause": pause,
    "resume": resume,
    "timer": timer,
    "skip": skip,
    "broadcast": broadcast,
    "move": move,
    "remove": remove,
    "lock": lock,
    "unlock": unlock,
    "add_table": add_table,
    "seat_all": seat_all,
    "settings": settings,
    "end": end,
    **ADMISSION_MOVES,
    **COHOST_MOVES,
    **PRACTICE_HOST_MOVES,
    **SPOTLIGHT_MOVES,
    **RUN_SHEET_MOVES,
}


# --- folding what the host did into the room (fold.py) ----------------------------------
def _staged(room: Room, d: dict, event: Event) -> None:
    if d.get("table"):
        room.tables[d["table"]].stage = d["stage"]
        return
    room.stage = d["stage"]
    for table in room.tables.values():
        table.stage = d["stage"]


def _set(**values):
    def handler(room: Room, d: dict, event: Event) -> None:
        for name, value in values.items():
            setattr(room, name, value)

    return handler


def _paused(room: Room, d: dict, event: Event) -> None:
    """The timer stops with the room, keeping the seconds it had left."""
    room.paused = True
    if room.timer and room.timer.get("ends_at"):
        left = datetime.fromisoformat(room.timer["ends_at"]) - datetime.fromisoformat(event.at)
        room.timer = dict(room.timer, ends_at=None, paused_left=max(0, math.ceil(left.total_seconds())))


def _resumed(room: Room, d: dict, event: Event) -> None:
    room.paused = False
    if room.timer and room.timer.get("paused_left") is not None:
        ends = datetime.fromisoformat(event.at) + timedelta(seconds=room.timer["paused_left"])
        room.timer = dict(room.timer, ends_at=ends.isoformat(), paused_left=None)


def _timer(room: Room, d: dict, event: Event) -> None:
    if d.get("seconds") is None:
        room.timer = None
    else:
        room.timer = {
            "seconds": d["seconds"],
            "started_at": event.at,
            "ends_at": d["ends_at"],
            "paused_left": d.get("paused_left"),
        }
    room.more_time.clear()


def _notice(room: Room, d: dict, event: Event) -> None:
    room.notice = {"text": d["text"], "at": event.at} if d.get("text") else None


def _table_added(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]] = Table(id=d["table"], name=d["name"], stage=room.stage, board=empty_board(room))
    room.next_id = max(room.next_id, d.get("next_id", room.next_id))


def _settings(room: Room, d: dict, event: Event) -> None:
    for name in ("hide_until_reveal", "admit", "away_after"):
        if name in d:
            setattr(room, name, d[name])


def _ended(room: Room, d: dict, event: Event) -> None:
    room.ended = True
    room.ended_at = event.at
    room.paused = False
    room.timer = None
    room.stage = "closed"
    for table in room.tables.values():
        table.stage = "closed"


HOSTING_HANDLERS = {
    "stage_set": _staged,
    "room_paused": _paused,
    "room_resumed": _resumed,
    "room_locked": _set(locked=True),
    "room_unlocked": _set(locked=False),
    "timer_set": _timer,
    "notice_sent": _notice,
    "table_added": _table_added,
    "settings_changed": _settings,
    "room_ended": _ended,
}
