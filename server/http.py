"""What the HTTP routes share: the JSON refusal, the key in `Authorization: Bearer`, a yes
in the query string, and the check of a key for a room.

A route behind a key (exports, the run sheet, the plan, the host link's QR code, spoken
answers) answers a wrong key and a room that does not exist with the same 403, so a guesser
learns nothing; each counts as a miss for the address (server/guesses.py), which gets 429
for every such route once it has used up its misses.
"""
from __future__ import annotations

from typing import Callable

from flask import current_app, jsonify, request

from .rooms import normalise_code

YES = ("1", "true", "yes", "on")
WRONG_KEY = "That host key is not right for this workshop."


class Refused(Exception):
    """Raised with the answer to refuse a request with; the app sends it (`init_app`)."""

    def __init__(self, answer):
        super().__init__()
        self.answer = answer


def services():
    return current_app.extensions["inourshoes"]


def fail(status: int, code: str, message: str, **extra):
    return jsonify({"ok": False, "error": {"code": code, "message": message, **extra}}), status


def bearer() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def asked(name: str) -> bool:
    """A yes in the query string, such as `?anonymous=1`."""
    return request.args.get(name, "").lower() in YES


def room_for_key(code: str, accepts: Callable | None = None, refusal: str = WRONG_KEY):
    """(clean code, room) when the bearer key opens the room: one of its host keys (the main
    link or a live co-facilitator's), or any key `accepts(room, key)` takes. Otherwise raises
    Refused: 429 while this address has used up its misses, else a 403 that counts a miss."""
    guesses = services().guesses
    if guesses.blocked(request.remote_addr):
        raise Refused(fail(429, "rate_limited", "Too many wrong keys from here just now. Please wait and try again."))
    clean = normalise_code(code)
    room = services().rooms.get(clean) if clean else None
    if room is None or not (accepts or services().rooms.key_of)(room, bearer()):
        if clean:
            guesses.missed(request.remote_addr)
        raise Refused(fail(403, "forbidden", refusal))
    return clean, room


def init_app(app) -> None:
    app.register_error_handler(Refused, lambda err: err.answer)

    @app.errorhandler(429)
    def too_many(err):
        return fail(429, "rate_limited", "Too many tries from here just now. Please wait a minute and try again.")
