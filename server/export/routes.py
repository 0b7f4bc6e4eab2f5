"""`GET /api/rooms/<code>/export.<fmt>`: the organiser's downloads, for the host key only.

Unknown format: 404. Missing or wrong `Authorization: Bearer <host key>`, and a room that
does not exist: the same 403 (server/http.py, which counts the misses per address).
Works for ended rooms and after a restart (the room is rebuilt from its log).
"""
from __future__ import annotations

from flask import Blueprint, Response

from ..http import asked, fail, room_for_key, services
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


def filename(summary_date: str, code: str, fmt: str, anonymous: bool) -> str:
    return f"inourshoes-{code}-{summary_date}{'-anonymous' if anonymous else ''}.{fmt}"


@bp.get("/api/rooms/<code>/export.<fmt>")
def export(code: str, fmt: str):
    if fmt not in FORMATS:
        return fail(404, "not_found", f"Exports come as {', '.join(FORMATS)}.")
    clean, room = room_for_key(code)
    anonymous = asked("anonymous")
    render, media_type = FORMATS[fmt]
    if render is None:
        store = services().store
        recordings = store.audio_rows(clean) if asked("audio") else None
        body = eventlog.render(store.event_rows(clean), anonymous, recordings)
    else:
        body = render(summarise(room, anonymous))
    name = filename(room.created_at[:10], clean, fmt, anonymous)
    return Response(
        body,
        content_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )
