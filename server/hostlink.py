"""`POST /api/rooms/<code>/host-qr.svg`: the facilitator's own host link as a QR code, for
the printed sheet that keeps the workshop safe ("print my host link").

The host link carries its secret in the `#fragment`, so the server can only draw it for
someone who sends that key (`Authorization: Bearer <host key>`). It is POST, never cached,
and an unknown room answers exactly like a wrong key (403), so it tells a guesser nothing;
both count as a miss for the address (server/http.py).
"""
from __future__ import annotations

import io

import segno
from flask import Blueprint, Response, url_for

from .headers import limiter
from .http import bearer, room_for_key

bp = Blueprint("hostlink", __name__)
HOST_QR_LIMIT = "30/minute"


@bp.post("/api/rooms/<code>/host-qr.svg")
@limiter.limit(HOST_QR_LIMIT)
def host_qr(code):
    clean, _ = room_for_key(code)
    link = url_for("pages.host", code=clean, _external=True) + f"#key={bearer()}"
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="svg", scale=6, border=2, title=f"Host link for workshop {clean}")
    return Response(buffer.getvalue(), mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})


def init_app(app) -> None:
    app.register_blueprint(bp)
