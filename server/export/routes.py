"""`GET /api/rooms/<code>/export.<fmt>`: the organiser's downloads, for the host key only.

Unknown format: 404. Missing or wrong `Authorization: Bearer <host key>`, and a room that
does not exist: the same 403, so a guesser learns nothing; each counts as a miss for the
address (server/guesses.py), which gets 429 once it has used up its misses.
Works for ended rooms and after a restart (the room is rebuilt from its log).
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from ..api import fail
from ..rooms import normalise_code
from . import eventlog, markdown, printable, spreadsheet, word
from .summary import summarise

bp = Blueprint("export", __name__)

#: format -> (renderer of the session summary, or None for the event log; media type)
FORMATS = {
    "md": (markdown.render, "text/markdown; charset=utf-8"),
    "csv": (spreadsheet.render, "text/csv; charset=utf-8"),
    "json": (None, "application/json"),
    "html": (printable.render, "text/html; charset=utf-8"),
    "docx": (word.render, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
YES = ("1", "true", "yes", "on")


def bearer() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def filename(summary_date: str, code: str, fmt: str, anonymous: bool) -> str:
    return f"inourshoes-{code}-{summary_date}{'-anonymous' if anonymous else ''}.{fmt}"


@bp.get("/api/rooms/<code>/export.<fmt>")
def export(code: str, fmt: str):
    services = current_app.extensions["inourshoes"]
    if fmt not in FORMATS:
        return fail(404, "not_found", f"Exports come as {', '.join(FORMATS)}.")
    if services.guesses.blocked(request.remote_addr):
        return fail(429, "rate_limited", "Too many wrong keys from here just now. Please wait and try again.")
    clean = normalise_code(code)
    room = services.rooms.check_host(clean, bearer()) if clean else None
    if room is None:
        if clean:
            services.guesses.missed(request.remote_addr)
        return fail(403, "forbidden", "That host key is not right for this workshop.")
    anonymous = request.args.get("anonymous", "").lower() in YES
    render, media_type = FORMATS[fmt]
    if render is None:
        recordings = services.store.audio_rows(clean) if request.args.get("audio", "").lower() in YES else None
        body = eventlog.render(services.store.event_rows(clean), anonymous, recordings)
    else:
        body = render(summarise(room, anonymous))
    name = filename(room.created_at[:10], clean, fmt, anonymous)
    return Response(
        body,
        content_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )
