"""Opening a follow-up workshop: `POST /api/rooms` with `"follows": "<earlier code>"`.

Only someone who may see the earlier workshop's plan may open a follow-up of it: its host
key (`"follows_key"`, the main link or a co-facilitator's) or the organiser's password
(`"follows_password"`). A wrong key, a wrong password and a code that names no workshop
all get the same 403, and each counts as a miss for the address (server/guesses.py).
"""
from __future__ import annotations

import hmac

from flask import current_app, request

from .game.lookback import snapshot
from .rooms import normalise_code


def _services():
    return current_app.extensions["inourshoes"]


def _organiser_password(sent) -> bool:
    password = current_app.config.get("ADMIN_PASSWORD")
    return bool(password) and isinstance(sent, str) and hmac.compare_digest(sent.encode(), password.encode())


def earlier_workshop(payload: dict):
    """(earlier room or None, refusal or None) for a request to open a room; a refusal is
    (status, code, message) for `api.fail`."""
    if payload.get("follows") in (None, ""):
        return None, None
    if not isinstance(payload["follows"], str):
        return None, (400, "bad_request", "'follows' is the room code of the earlier workshop.")
    services = _services()
    if services.guesses.blocked(request.remote_addr):
        return None, (429, "rate_limited", "Too many wrong keys from here just now. Please wait and try again.")
    clean = normalise_code(payload["follows"])
    room = services.rooms.get(clean) if clean else None
    allowed = room is not None and (
        services.rooms.key_of(room, payload.get("follows_key")) or _organiser_password(payload.get("follows_password"))
    )
    if not allowed:
        services.guesses.missed(request.remote_addr)
        return None, (403, "forbidden", "That host key is not right for the earlier workshop.")
    return room, None


def follows(room) -> dict | None:
    """What the follow-up keeps of the earlier workshop (None: not a follow-up)."""
    return snapshot(room) if room is not None else None
