"""Host links: the facilitator's own, co-facilitators' links that can be revoked, and a new
main link issued by the organiser when the old one is lost or leaked.

Keys are made outside the rules (they are random) and arrive as hashes on the command; the
transport says which key the sender used (`key`: "main" or a co-facilitator's id), so only
the holder of the main link can add or revoke co-facilitators. `COHOST_HANDLERS` fold the
events into the room (fold.py).
"""
from __future__ import annotations

from .checks import RuleError, text_field
from .model import MAX_NAME, Event, Room
from .moves import event, new_id

MAX_COHOSTS = 20


def _main_link_only(command: dict) -> None:
    if command.get("key") != "main":
        raise RuleError("forbidden", "Only the facilitator with the main host link can do that.")


def cohost_add(room: Room, command: dict):
    _main_link_only(command)
    live = [c for c in room.cohosts.values() if not c.get("revoked")]
    if len(live) >= MAX_COHOSTS:
        raise RuleError("bad_request", f"A workshop can have up to {MAX_COHOSTS} co-facilitator links.")
    label = text_field(command, "label", MAX_NAME) if command.get("label") else f"Co-facilitator {len(room.cohosts) + 1}"
    cohost, next_id = new_id(room, "h")
    return [event(command, "cohost_added", cohost=cohost, label=label, key_hash=command["key_hash"], next_id=next_id)]


def cohost_revoke(room: Room, command: dict):
    _main_link_only(command)
    found = room.cohosts.get(command.get("cohost")) if isinstance(command.get("cohost"), str) else None
    if found is None:
        raise RuleError("not_found", "That co-facilitator link does not exist.")
    return [] if found.get("revoked") else [event(command, "cohost_revoked", cohost=command["cohost"])]


def host_key_reset(room: Room, command: dict):
    """The organiser issues a new main host link; the old one stops working at once."""
    if command.get("actor") != "organiser":
        raise RuleError("forbidden", "Only the organiser can issue a new host link.")
    return [event(command, "host_key_reset", host_key_hash=command["key_hash"])]


COHOST_MOVES = {"cohost_add": cohost_add, "cohost_revoke": cohost_revoke}


def _cohost_added(room: Room, d: dict, event: Event) -> None:
    room.cohosts[d["cohost"]] = {"key_hash": d["key_hash"], "label": d["label"], "added_at": event.at, "revoked": False}
    room.next_id = max(room.next_id, d.get("next_id", room.next_id))


def _cohost_revoked(room: Room, d: dict, event: Event) -> None:
    room.cohosts[d["cohost"]]["revoked"] = True


def _host_key_reset(room: Room, d: dict, event: Event) -> None:
    room.host_key_hash = d["host_key_hash"]


COHOST_HANDLERS = {"cohost_added": _cohost_added, "cohost_revoked": _cohost_revoked, "host_key_reset": _host_key_reset}
