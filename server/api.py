"""The JSON API: create rooms, list and check decks, the join QR code, health."""
from __future__ import annotations

import io

import segno
from flask import Blueprint, Response, abort, current_app, jsonify, request, url_for

from .decks import DeckError, deck_summary, parse_deck
from .headers import limiter
from .rooms import normalise_code

bp = Blueprint("api", __name__)
MAX_TITLE = 120


def services():
    return current_app.extensions["inourshoes"]


def fail(status: int, code: str, message: str, **extra):
    return jsonify({"ok": False, "error": {"code": code, "message": message, **extra}}), status


@bp.get("/healthz")
def healthz():
    return {"ok": True}


@bp.get("/api/decks")
def decks():
    return jsonify([deck_summary(deck) for deck in services().decks.values()])


@bp.post("/api/decks/check")
def check_deck():
    """Validate an uploaded deck (TOML text in the body, or a JSON {"toml": ...})."""
    try:
        deck = parse_deck(_deck_text(), "your deck")
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
def create_room():
    """Open a room with a shipped deck (`deck`) or the facilitator's own (`deck_toml`)."""
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
    if isinstance(payload.get("deck_toml"), str):
        try:
            deck = parse_deck(payload["deck_toml"], "your deck")
        except DeckError as err:
            return fail(400, "bad_deck", "Your deck has problems; please fix them and try again.", problems=err.problems)
    else:
        deck = services().decks.get(payload.get("deck"))
        if deck is None:
            return fail(400, "not_found", "Please choose one of the decks.")
    code, host_key = services().rooms.create(title.strip(), deck, hide_until_reveal=hide)
    join_url = url_for("pages.join", code=code, _external=True)
    host_url = url_for("pages.host", code=code, _external=True) + f"#key={host_key}"
    return jsonify({"code": code, "host_key": host_key, "join_url": join_url, "host_url": host_url}), 201


@bp.get("/api/rooms/<code>/qr.svg")
def qr(code):
    code = normalise_code(code)
    if code is None or services().rooms.get(code) is None:
        abort(404)
    buffer = io.BytesIO()
    qr_code = segno.make(url_for("pages.join", code=code, _external=True), error="m")
    qr_code.save(buffer, kind="svg", scale=8, border=2, title=f"QR code to join workshop {code}")
    return Response(buffer.getvalue(), mimetype="image/svg+xml", headers={"Cache-Control": "max-age=3600"})


def init_app(app) -> None:
    app.register_blueprint(bp)

    @app.errorhandler(429)
    def too_many(err):
        return fail(429, "rate_limited", "Too many workshops opened from here just now. Please wait a minute.")
