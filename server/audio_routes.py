"""Spoken answers over HTTP: upload a recording with your own token, then send
`respond {audio: id}`; tablemates and the host play it back.

`POST /api/rooms/<code>/audio` (`Authorization: Bearer <token>`, body: the recording,
`Content-Type: audio/webm`, at most 1 MB and 60 seconds) -> `201 {"audio", "seconds"}`.
`GET /api/rooms/<code>/audio/<id>` (the token of someone at that table, or a host key).
The sound stays in this server's database and is deleted with the workshop; nothing is sent
to any outside service. A wrong token and an unknown room get the same answer; when playing,
both count as a miss for the address (server/http.py).
"""
from __future__ import annotations

import secrets

from flask import Blueprint, Response, request
from werkzeug.exceptions import RequestEntityTooLarge

from .game import RuleError
from .game.answers import MAX_AUDIO_SECONDS
from .headers import limiter
from .http import bearer, fail, room_for_key, services
from .rooms import normalise_code
from .webm import NotSpokenAnswer, inspect

bp = Blueprint("audio", __name__)
MAX_AUDIO_BYTES = 1024 * 1024
MEDIA_TYPE = "audio/webm"
CANNOT_PLAY = "You cannot play that recording."


def _player(room) -> str | None:
    """The bearer's player id, from their participant token, while they are in the room."""
    player = services().rooms.player_for_token(room, bearer())
    return None if player is None or room.players[player].removed else player


def _room_and_player(code: str):
    """(room, player id) for the bearer's participant token, or (None, None)."""
    clean = normalise_code(code)
    room = services().rooms.get(clean) if clean else None
    player = _player(room) if room else None
    return (room, player) if player else (None, None)


@bp.post("/api/rooms/<code>/audio")
@limiter.limit("20/minute")
def upload(code: str):
    room, player = _room_and_player(code)
    if room is None:
        return fail(403, "forbidden", "Please join this workshop before recording an answer.")
    if request.mimetype != MEDIA_TYPE:
        return fail(415, "bad_audio", "Please send the recording as audio/webm.")
    if (request.content_length or 0) > MAX_AUDIO_BYTES:
        return fail(413, "too_long", "That recording is too big. Please keep it under a minute.")
    request.max_content_length = MAX_AUDIO_BYTES
    try:
        data = request.get_data(cache=False)
    except RequestEntityTooLarge:
        return fail(413, "too_long", "That recording is too big. Please keep it under a minute.")
    try:
        seconds = inspect(data)
    except NotSpokenAnswer as err:
        return fail(415, "bad_audio", f"{err} Please record it again.")
    if seconds > MAX_AUDIO_SECONDS + 1:
        return fail(413, "too_long", f"A spoken answer can be up to {MAX_AUDIO_SECONDS} seconds long.")
    audio_id = "a" + secrets.token_hex(8)
    found = services()
    found.store.save_audio(room.code, audio_id, player, MEDIA_TYPE, seconds, found.rooms.clock(), data)
    command = {"type": "record_audio", "actor": "system", "player": player, "audio": audio_id, "seconds": max(seconds, 0.1)}
    try:
        found.rooms.execute(room.code, command)
    except RuleError as err:
        found.store.drop_audio(room.code, audio_id)
        return fail(403 if err.code == "forbidden" else 400, err.code, err.message)
    return {"audio": audio_id, "seconds": round(seconds, 1)}, 201


@bp.get("/api/rooms/<code>/audio/<audio_id>")
@limiter.limit("300/minute")
def play(code: str, audio_id: str):
    """For a host key, or the token of someone in the room who may hear it (`_may_hear`)."""
    _, room = room_for_key(code, accepts=_host_or_player, refusal=CANNOT_PLAY)
    allowed = audio_id in room.audio and (services().rooms.key_of(room, bearer()) is not None or _may_hear(room, audio_id))
    stored = services().store.audio(room.code, audio_id) if allowed else None
    if stored is None:
        return fail(403, "forbidden", CANNOT_PLAY)
    media_type, data = stored
    return Response(data, content_type=media_type, headers={"Cache-Control": "private, no-store"})


def _host_or_player(room, key) -> bool:
    """A key that is no guess: a host key, or the token of someone who joined the room."""
    rooms = services().rooms
    return rooms.key_of(room, key) is not None or rooms.player_for_token(room, key) is not None


def _may_hear(room, audio_id: str) -> bool:
    """The one who recorded it, and people at the table where it was said."""
    player = _player(room)
    if player is None:
        return False
    if room.audio[audio_id]["player"] == player:
        return True
    table = room.players[player].table
    return table is not None and audio_id in _clips_at(room.tables[table])


def _clips_at(table) -> set[str]:
    items = [r for round_ in table.rounds for r in round_.responses] + table.notes + table.pledges
    return {item.audio["id"] for item in items if item.audio}


def init_app(app) -> None:
    app.register_blueprint(bp)
