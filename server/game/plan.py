"""The action plan: what the workshop said it would do, who will do it and by when.

Every pledge is on the plan from the moment it is made: folding `pledge_added` adds an
action with the pledge's own id (so replaying a log, old or new, gives the same plan). The
host adds more (`plan_add`, perhaps from an agreed note or a "not working" item) and keeps
it up to date (`plan_update`). Unlike play, the plan stays open after the workshop ends:
`decide` lets these moves past its "ended" check, and they make their own.
"""
from __future__ import annotations

import re
from datetime import date

from .checks import RuleError, clean_text, text_field
from .model import Action, Event, Note, Pledge, Room, Table
from .moves import event, new_id

STATUSES = ("open", "started", "done", "dropped")
#: What each status says in a sentence ("Marked as done.").
STATUS_WORDS = {"open": "not started yet", "started": "started", "done": "done", "dropped": "dropped"}
#: What an action can be made from: a pledge, an agreed note or a "not working" item.
SOURCE_KINDS = ("pledge", "agreed", "not_working")
SPOKEN = "(a spoken pledge: it can be heard on the host page)"
MAX_OWNER = 80
MAX_ACTIONS = 500
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- checks ------------------------------------------------------------------------------
def due_field(command: dict, name: str) -> str | None:
    """A day as "YYYY-MM-DD", or None when not given (or null / empty)."""
    value = command.get(name)
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise RuleError("bad_request", f"'{name}' is a date written as YYYY-MM-DD, for example 2026-03-31.")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise RuleError("bad_request", f"'{name}' is not a real date: {value}.") from None
    return value


def owner_field(command: dict, name: str) -> str:
    value = command.get(name)
    if not isinstance(value, str) or not " ".join(clean_text(value).split()):
        raise RuleError("bad_request", f"Please say who will do it ('{name}').")
    value = " ".join(clean_text(value).split())
    if len(value) > MAX_OWNER:
        raise RuleError("too_long", f"Please keep '{name}' to {MAX_OWNER} characters.")
    return value


def status_field(command: dict) -> str:
    status = command.get("status")
    if status not in STATUSES:
        raise RuleError("bad_request", "The status is one of: open, started, done, dropped.")
    return status


def pledge_fields(command: dict) -> dict:
    """The optional "by when" (`by`) and "who" (`who`) of a pledge, checked; left out when
    not given (who then is the person pledging)."""
    fields = {}
    by = due_field(command, "by")
    if by:
        fields["by"] = by
    if command.get("who") not in (None, ""):
        fields["who"] = owner_field(command, "who")
    return fields


def _require_planner(command: dict) -> None:
    if command.get("actor") not in ("host", "organiser"):
        raise RuleError("forbidden", "Only the facilitator or the organiser can change the action plan.")


def outcome_of(room: Room, table: Table, item) -> str | None:
    """The outcome an item speaks to: its card's, or for a note written away from a card
    (a "not working" item in the reflect stage) the card the table last talked about."""
    card = getattr(item, "card", None)
    if card is None and isinstance(item, Note):
        earlier = [r for r in table.rounds if r.drawn_at <= item.at]
        card = earlier[-1].card if earlier else None
    return room.cards.get(card, {}).get("outcome") if card else None


def _kept_in_the_room(table: Table, item) -> bool:
    """Marked "leave this out of the notes"; an agreed note goes with the answer it came from."""
    if item.private:
        return True
    source = getattr(item, "source", None)
    return any(r.id == source and r.private for round_ in table.rounds for r in round_.responses)


def _source(room: Room, item_id) -> dict:
    table, item = room.find_item(item_id) if isinstance(item_id, str) else (None, None)
    kind = "pledge" if isinstance(item, Pledge) else getattr(item, "kind", None) if isinstance(item, Note) else None
    if kind not in SOURCE_KINDS:
        raise RuleError("not_found", "'from' is the id of a pledge, an agreed note or a \"not working\" item.")
    if _kept_in_the_room(table, item):
        raise RuleError("forbidden", "That was kept in the room (left out of the notes), so it cannot start an action.")
    return {"kind": kind, "item": item.id, "table": table.id, "card": getattr(item, "card", None),
            "outcome": outcome_of(room, table, item)}  # fmt: skip


# --- moves -------------------------------------------------------------------------------
def plan_add(room: Room, command: dict):
    _require_planner(command)
    if len(room.plan) >= MAX_ACTIONS:
        raise RuleError("bad_request", f"A plan can have up to {MAX_ACTIONS} actions.")
    text = text_field(command)
    owner = owner_field(command, "owner")
    due = due_field(command, "due")
    source = _source(room, command["from"]) if command.get("from") is not None else None
    action_id, next_id = new_id(room, "a")
    return [
        event(command, "action_added", action=action_id, text=text, owner=owner, due=due, source=source, next_id=next_id)
    ]


def plan_update(room: Room, command: dict):
    """Change an action's status, owner or date, or add a line of progress. Fields left
    out stay as they are; `due: null` clears the date. Nothing changed: no event."""
    _require_planner(command)
    action_id = command.get("action")
    action = room.plan.get(action_id) if isinstance(action_id, str) else None
    if action is None:
        raise RuleError("not_found", "That action is not on the plan.")
    if not any(name in command for name in ("status", "owner", "due", "progress")):
        raise RuleError("bad_request", "Say what to change: status, owner, due or progress.")
    changes = {}
    if "status" in command and status_field(command) != action.status:
        changes["status"] = command["status"]
    if "owner" in command:
        owner = owner_field(command, "owner")
        if owner != owner_name(room, action):
            changes["owner"] = owner
    due = due_field(command, "due")
    if "due" in command and due != action.due:
        changes["due"] = due
    if "progress" in command:
        changes["progress"] = text_field(command, "progress")
    return [event(command, "action_updated", action=action.id, **changes)] if changes else []


PLAN_MOVES = {"plan_add": plan_add, "plan_update": plan_update}


# --- views -------------------------------------------------------------------------------
def owner_name(room: Room, action: Action) -> str | None:
    if action.owner:
        return action.owner
    player = room.players.get(action.owner_player) if action.owner_player else None
    return player.name if player else None


def kept_actions(room: Room) -> set[str]:
    """Actions kept in the room: a private pledge's (it has the pledge's id), and any made
    from an item marked "leave this out of the notes" after the action was added (its words
    were that item's). They stay out of exports and follow-ups."""
    kept = {p.id for t in room.tables.values() for p in t.pledges if p.private}
    for action in room.plan.values():
        table, item = room.find_item((action.source or {}).get("item") or "")
        if item is not None and _kept_in_the_room(table, item):
            kept.add(action.id)
    return kept


def source_view(room: Room, source: dict | None) -> dict | None:
    if not source:
        return None
    table = room.tables.get(source.get("table"))
    outcomes = {o["id"]: o["name"] for o in room.deck.get("outcomes", ())}
    return {
        "kind": source["kind"],
        "id": source["item"],
        "table": source.get("table"),
        "table_name": table.name if table else None,
        "outcome": source.get("outcome"),
        "outcome_name": outcomes.get(source.get("outcome")),
    }


def progress_view(line: dict) -> dict:
    shown = {"at": line["at"], "text": line["text"]}
    for name in ("said_at", "status"):
        if line.get(name):
            shown[name] = line[name]
    return shown


def action_view(room: Room, action: Action, kept: set[str]) -> dict:
    return {
        "id": action.id,
        "text": action.text,
        "owner": owner_name(room, action),
        "due": action.due,
        "status": action.status,
        "progress": [progress_view(line) for line in action.progress],
        "from": source_view(room, action.source),
        "private": action.id in kept,
        "at": action.at,
    }


def plan_view(room: Room) -> dict:
    """`{"actions": [...]}`: the host view's `plan`, and `GET /api/rooms/<code>/plan`."""
    kept = kept_actions(room)
    return {"actions": [action_view(room, action, kept) for action in room.plan.values()]}


# --- folding -------------------------------------------------------------------------------
def plan_from_pledge(room: Room, d: dict, event: Event) -> None:
    """Called as a pledge is folded: the pledge is on the plan at once, with its id."""
    room.plan[d["pledge"]] = Action(
        id=d["pledge"],
        text=d.get("text") or SPOKEN,
        at=event.at,
        owner=d.get("who"),
        owner_player=None if d.get("who") else d.get("author"),
        due=d.get("by"),
        source={"kind": "pledge", "item": d["pledge"], "table": d["table"], "card": None, "outcome": None},
    )


def _added(room: Room, d: dict, event: Event) -> None:
    room.plan[d["action"]] = Action(
        id=d["action"], text=d["text"], at=event.at, owner=d["owner"], due=d.get("due"), source=d.get("source")
    )
    room.next_id = max(room.next_id, d["next_id"])


def _updated(room: Room, d: dict, event: Event) -> None:
    action = room.plan[d["action"]]
    if "status" in d:
        action.status = d["status"]
    if "owner" in d:
        action.owner, action.owner_player = d["owner"], None
    if "due" in d:
        action.due = d["due"]
    if d.get("progress"):
        action.progress.append({"at": event.at, "text": d["progress"]})


PLAN_HANDLERS = {"action_added": _added, "action_updated": _updated}
