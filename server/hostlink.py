"""`POST /api/rooms/<code>/host-qr.svg`: the facilitator's own host link as a QR code, for
the printed sheet that keeps the workshop safe ("print my host link").

The host link carries its secret in the `#fragment`, so the server can only draw it for
someone who sends that key (`Authorization: Bearer <host key>`). It is POST, never cached,
and an unknown room answers exactly like a wrong key (403), so it tells a guesser nothing.
"""
from __future__ import annotations

import io

import segno
from flask import Blueprint, Response, current_app, url_for

from .api import fail
from .export.routes import bearer
from .headers import limiter
from .rooms import normalise_code

bp = Blueprint("hostlink", __name__)
HOST_QR_LIMIT = "30/minute"


@bp.post("/api/rooms/<code>/host-qr.svg")
@limiter.limit(HOST_QR_LIMIT)
def host_qr(code):
    clean = normalise_code(code)
    key = bearer()
    room = current_app.extensions["inourshoes"].rooms.check_host(clean, key) if clean else None
    if room is None:
        return fail(403, "forbidden", "That host key is not right for this workshop.")
    link = url_for("pages.host", code=clean, _external=True) + f"#key={key}"
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="svg", scale=6, border=2, title=f"Host link for workshop {clean}")
    return Response(buffer.getvalue(), mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})


def init_app(app) -> None:
    app.register_blueprint(bp)
