"""The follow-up workshop: it opens by looking back at the earlier workshop's plan.

A follow-up's first event carries a snapshot of the earlier workshop (`follows`: its code,
title, date and actions, without anything kept in the room). In the `look_back` stage each
table says what happened to each action: `review {action, status, text}`.

What a table says belongs to the earlier workshop too. The rules of one room never touch
another, so `passed_on` names the commands the server must run on the earlier room
(`follow_up_review`, actor "system"), and the earlier room's rule adds a progress line
"said at <title>" once per review, however often it is passed on.
"""
from __future__ import annotations

from .checks import RuleError, require_system, speaker, text_field
from .model import Event, Room, Table
from .moves import event, new_id
from .perspectives import name_of
from .plan import STATUS_WORDS, kept_actions, owner_name, status_field

MAX_REVIEWS = 20  # what one table may say of one action


def snapshot(room: Room) -> dict:
    """The earlier workshop as a follow-up sees it (nothing kept in the room)."""
    kept = kept_actions(room)
    actions = []
    for action in room.plan.values():
        if action.id in kept:
            continue
        table = room.tables.get((action.source or {}).get("table"))
        person = room.players.get(action.owner_player) if action.owner_player and not action.owner else None
        actions.append({
            "id": action.id, "text": action.text, "owner": owner_name(room, action), "due": action.due,
            "status": action.status, "table": table.name if table else None,
            **({"owner_as": name_of(room.deck, person.perspective)} if person else {}),  # for anonymous reports
        })  # fmt: skip
    return {"code": room.code, "title": room.title, "date": room.created_at[:10], "actions": actions}


def review(room: Room, command: dict):
    """Someone at a table says what happened to one of the earlier workshop's actions."""
    person, table, entered_by = speaker(room, command)
    earlier = {a["id"]: a for a in (room.follows or {}).get("actions", ())}
    action_id = command.get("action")
    if not isinstance(action_id, str) or action_id not in earlier:
        raise RuleError("not_found", "That action is not on the earlier workshop's plan.")
    status = status_field(command)
    text = "" if command.get("text") in (None, "") else text_field(command)
    said = [r for r in room.reviews if r["table"] == table.id and r["action"] == action_id]
    if len(said) >= MAX_REVIEWS:
        raise RuleError("bad_request", "Your table has said a lot about this one already. Thank you!")
    review_id, next_id = new_id(room, "v")
    return [
        event(command, "action_reviewed", table=table.id, review=review_id, action=action_id, status=status,
              text=text, author=person.id, entered_by=entered_by, next_id=next_id)
    ]  # fmt: skip


def follow_up_review(room: Room, command: dict):
    """On the earlier room: a follow-up's table said what happened. Done once per review."""
    require_system(command)
    action = room.plan.get(command.get("action")) if isinstance(command.get("action"), str) else None
    ref = f"{command.get('room')}/{command.get('review')}"
    if action is None or any(line.get("ref") == ref for line in action.progress):
        return []
    status = status_field(command)
    text = text_field(command) if command.get("text") else ""
    said_at = text_field(command, "said_at", 120)
    return [
        event(command, "action_followed_up", action=action.id, status=status, text=text, said_at=said_at,
              said_on=command.get("said_on") or command["at"], ref=ref)
    ]  # fmt: skip


LOOK_BACK_MOVES = {"review": review}
FOLLOW_UP_MOVES = {"follow_up_review": follow_up_review}


def passed_on(room: Room, events: list[Event]) -> list[tuple[str, dict]]:
    """(earlier room's code, command) for what this room's tables said about its plan.

    Every review is passed on again whenever one is made; the earlier room keeps each once,
    so one that was lost (a crash between the two rooms' writes) arrives with the next."""
    if not room.follows or not any(e.type == "action_reviewed" for e in events):
        return []
    return [
        (room.follows["code"], {
            "type": "follow_up_review", "actor": "system", "id": f"{room.code}/{r['id']}", "action": r["action"],
            "status": r["status"], "text": r["text"], "said_at": room.title, "said_on": r["at"],
            "room": room.code, "review": r["id"],
        })
        for r in room.reviews
    ]  # fmt: skip


# --- views -------------------------------------------------------------------------------
def follows_view(room: Room) -> dict | None:
    """What the table view says of the earlier workshop (its code only to the host)."""
    if not room.follows:
        return None
    return {"title": room.follows["title"], "date": room.follows["date"]}


def look_back_view(room: Room, table: Table) -> list[dict]:
    """The earlier actions, each with what this table has said of it; `status` is the
    newest said here, or the earlier plan's."""
    if not room.follows:
        return []
    shown = []
    for action in room.follows["actions"]:
        said = [r for r in room.reviews if r["table"] == table.id and r["action"] == action["id"]]
        shown.append({
            "id": action["id"], "text": action["text"], "owner": action["owner"], "due": action["due"],
            "status": said[-1]["status"] if said else action["status"], "table": action.get("table"),
            "said": [_said(room, r) for r in said],
        })  # fmt: skip
    return shown


def _said(room: Room, review: dict) -> dict:
    author = room.players.get(review["author"])
    return {
        "id": review["id"],
        "status": review["status"],
        "text": review["text"],
        "author": review["author"],
        "author_name": author.name if author else None,
        "at": review["at"],
    }


# --- folding -------------------------------------------------------------------------------
def _reviewed(room: Room, d: dict, event: Event) -> None:
    room.reviews.append({
        "id": d["review"], "table": d["table"], "action": d["action"], "status": d["status"], "text": d["text"],
        "author": d["author"], "entered_by": d.get("entered_by"), "at": event.at,
    })  # fmt: skip
    room.next_id = max(room.next_id, d["next_id"])


def _followed_up(room: Room, d: dict, event: Event) -> None:
    action = room.plan[d["action"]]
    action.status = d["status"]
    action.progress.append({
        "at": d["said_on"], "text": d["text"] or f"Said to be {STATUS_WORDS[d['status']]}.",
        "said_at": d["said_at"], "status": d["status"], "ref": d["ref"],
    })  # fmt: skip


LOOK_BACK_HANDLERS = {"action_reviewed": _reviewed, "action_followed_up": _followed_up}
