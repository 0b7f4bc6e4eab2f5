"""The JSON API: create rooms, list and check decks, the join QR code, health."""
from __future__ import annotations

import io

import segno
from flask import Blueprint, Response, abort, current_app, jsonify, request, url_for

from .decks import DeckError, deck_summary
from . import facilitate, followup
from .decks.isolated import parse_uploaded
from .headers import limiter
from .http import fail, services
from .rooms import normalise_code

bp = Blueprint("api", __name__)
MAX_TITLE = 120


@bp.get("/healthz")
def healthz():
    return {"ok": True}


@bp.get("/api/decks")
def decks():
    return jsonify([deck_summary(deck) for deck in services().decks.values()])


def _deck_limit() -> str:
    return current_app.config["DECK_LIMIT"]


def _no_deck_upload() -> bool:
    payload = request.get_json(silent=True)
    return not (isinstance(payload, dict) and "deck_toml" in payload)


@bp.post("/api/decks/check")
@limiter.shared_limit(_deck_limit, scope="deck-upload")
def check_deck():
    """Validate an uploaded deck (TOML text in the body, or a JSON {"toml": ...}), in a
    worker process with a time limit (server/decks/isolated.py)."""
    try:
        deck = parse_uploaded(_deck_text(), "your deck")
    except DeckError as err:
        return {"ok": False, "problems": err.problems}
    return {"ok": True, "deck": deck_summary(deck)}


def _deck_text() -> str:
    if request.is_json:
        payload = request.get_json(silent=True) or {}
        text = payload.get("toml") if isinstance(payload, dict) else None
        return text if isinstance(text, str) else ""
    return request.get_data(as_text=True)


def _rate_limit() -> str:
    return current_app.config["ROOM_CREATE_LIMIT"]


@bp.post("/api/rooms")
@limiter.limit(_rate_limit)
@limiter.shared_limit(_deck_limit, scope="deck-upload", exempt_when=_no_deck_upload)
def create_room():
    """Open a room with a shipped deck (`deck`) or the facilitator's own (`deck_toml`).
    Every field is checked for its type: a bad shape is a 400 with a message, never a 500."""
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return fail(400, "bad_request", "Send JSON: {\"title\": ..., \"deck\": ...}.")
    title = payload.get("title")
    if not isinstance(title, str) or not title.strip():
        return fail(400, "bad_request", "Please give the workshop a title.")
    if len(title.strip()) > MAX_TITLE:
        return fail(400, "too_long", f"Please keep the title to {MAX_TITLE} characters.")
    hide = payload.get("hide_until_reveal", False)
    if not isinstance(hide, bool):
        return fail(400, "bad_request", "'hide_until_reveal' must be true or false.")
    play = payload.get("play", "path")
    if play not in ("path", "open"):
        return fail(400, "bad_request", "'play' must be \"path\" (a board of outcomes) or \"open\" (cards and votes only).")
    earlier, refused = followup.earlier_workshop(payload)  # a follow-up: "follows" and its key
    if refused:
        return fail(*refused)
    options, refused = facilitate.room_options(payload)  # a practice room, a run sheet
    if refused:
        return fail(*refused)
    if "deck_toml" in payload:
        if not isinstance(payload["deck_toml"], str):
            return fail(400, "bad_request", "'deck_toml' must be the text of a deck file.")
        try:
            deck = parse_uploaded(payload["deck_toml"], "your deck")
        except DeckError as err:
            return fail(400, "bad_deck", "Your deck has problems; please fix them and try again.", problems=err.problems)
    else:
        deck_id = payload.get("deck")
        deck = services().decks.get(deck_id) if isinstance(deck_id, str) else None
        if deck is None and deck_id is None and earlier is not None:
            deck = earlier.deck  # a follow-up plays the earlier workshop's deck unless told otherwise
        if deck is None:
            return fail(400, "not_found", "Please choose one of the decks.")
    code, host_key = services().rooms.create(title.strip(), deck, hide_until_reveal=hide, follows=followup.follows(earlier), play=play, **options)
    facilitate.after_create(code, options)
    join_url = url_for("pages.join", code=code, _external=True)
    host_url = url_for("pages.host", code=code, _external=True) + f"#key={host_key}"
    return jsonify({"code": code, "host_key": host_key, "join_url": join_url, "host_url": host_url}), 201


def find_room(code: str):
    """(clean code, room or None) for a code from the address bar. A well-formed code that
    names no room is a miss for this address (server/guesses.py); an address that has used
    up its misses gets 429 for every room until its window passes."""
    guesses = services().guesses
    if guesses.blocked(request.remote_addr):
        abort(429)
    clean = normalise_code(code)
    room = services().rooms.get(clean) if clean else None
    if room is None and clean:
        guesses.missed(request.remote_addr)
    return clean, room


@bp.get("/api/rooms/<code>/qr.svg")
def qr(code):
    code, room = find_room(code)
    if room is None:
        abort(404)
    buffer = io.BytesIO()
    qr_code = segno.make(url_for("pages.join", code=code, _external=True), error="m")
    qr_code.save(buffer, kind="svg", scale=8, border=2, title=f"QR code to join workshop {code}")
    return Response(buffer.getvalue(), mimetype="image/svg+xml", headers={"Cache-Control": "max-age=3600"})


def init_app(app) -> None:
    app.register_blueprint(bp)
