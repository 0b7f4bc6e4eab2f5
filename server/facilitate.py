"""The facilitator's extras over HTTP: what `POST /api/rooms` takes for a practice room and a
run sheet, the big screen page `/screen/CODE`, and the run sheet as a printable page.

The big screen page needs no key: it shows only what the whole room may see, and it learns
whether the room exists over the socket (`screen`, rate-limited like `join`).
"""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template

from . import practice
from .export import run_sheet as run_sheet_page
from .game import RuleError
from .game.practice import DEFAULT_SIMULATED, created_fields
from .game.run_sheet import make_run_sheet
from .http import fail, room_for_key
from .rooms import normalise_code

bp = Blueprint("facilitate", __name__)


def room_options(payload: dict) -> tuple[dict, tuple | None]:
    """(options for `Rooms.create`, or the (status, code, message) to refuse with) from
    `"practice"`, `"simulated"` and `"run_sheet"`."""
    is_practice = payload.get("practice", False)
    if not isinstance(is_practice, bool):
        return {}, (400, "bad_request", "'practice' must be true or false.")
    if not is_practice and "simulated" in payload:
        return {}, (400, "bad_request", "Simulated players are only for a practice workshop (\"practice\": true).")
    options = {}
    try:
        if is_practice:
            options.update(created_fields({"practice": True, "simulated": payload.get("simulated", DEFAULT_SIMULATED)}))
        if payload.get("run_sheet") is not None:
            make_run_sheet(payload["run_sheet"])  # checked here for a 400; the rules keep it
            options["run_sheet"] = payload["run_sheet"]
    except RuleError as err:
        return {}, (400, err.code, err.message)
    return options, None


def after_create(code: str, options: dict) -> None:
    """A practice room's simulated players start to arrive."""
    if options.get("practice"):
        current_app.extensions["inourshoes_practice"].watch(code)


@bp.get("/screen/<code>")
def screen(code):
    clean = normalise_code(code)
    if clean is None:
        abort(404)
    return render_template("screen.html", code=clean)


@bp.get("/api/rooms/<code>/run-sheet.html")
def run_sheet(code):
    """The run sheet as a one-page printable guide, for the host key only (like exports)."""
    clean, room = room_for_key(code)
    if room.run_sheet is None:
        return fail(404, "not_found", "This workshop has no run sheet yet: choose a length on the host page.")
    return Response(
        run_sheet_page.render(room),
        content_type="text/html; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="inourshoes-{clean}-run-sheet.html"',
            "Cache-Control": "no-store",
        },
    )


def init_app(app) -> None:
    """After the transport exists: the routes, and the loop of the practice rooms."""
    app.register_blueprint(bp)
    practice.init_app(app)
