"""The HTML pages, and the Socket.IO browser client installed from npm into web/."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, send_from_directory

from . import WEB
from .legend import join_choices
from .rooms import normalise_code, shown_code
from .words import init_app as words_in_templates

bp = Blueprint("pages", __name__)
SOCKET_IO_DIST = WEB / "node_modules" / "socket.io-client" / "dist"


@bp.get("/")
def home():
    return render_template("index.html")


@bp.get("/j/<code>")
def join(code):
    """The join page; for a code that names no workshop, the home page saying so (200, so
    the browser logs no error: it is a page for a person, not a missing file)."""
    services = current_app.extensions["inourshoes"]
    if services.guesses.blocked(request.remote_addr):
        return render_template("index.html", missing_code=code[:12], too_many=True), 429
    clean = normalise_code(code)
    room = services.rooms.get(clean) if clean else None
    if room is None:
        if clean:
            services.guesses.missed(request.remote_addr)
        return render_template("index.html", missing_code=code[:12])
    return render_template(
        "join.html", code=clean, title=room.title, perspectives=join_choices(room.deck),
        easy_first=bool(room.deck.get("easy_first")),
        closed="ended" if room.ended else "locked" if room.locked else None,
    )


@bp.get("/host/<code>")
def host(code):
    clean = normalise_code(code)
    if clean is None:
        abort(404)
    # Whether the room exists is only told to someone holding its key (over the socket).
    return render_template("host.html", code=clean)


@bp.get("/vendor/socket.io.min.js")
def socket_io_client():
    return send_from_directory(SOCKET_IO_DIST, "socket.io.min.js", mimetype="text/javascript")


@bp.get("/favicon.ico")
def favicon():
    return send_from_directory(WEB / "static", "favicon.svg", mimetype="image/svg+xml")


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.add_template_filter(shown_code, name="room_code")
    words_in_templates(app)  # `say(key)` in templates: the participant's words (words-en.js)
