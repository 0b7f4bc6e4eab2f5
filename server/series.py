"""Series of workshops on the organiser's pages: `/organise/series` shows each series (a
workshop, its follow-ups, theirs...) and `/organise/series/<code>.<fmt>` exports one as a
report (md, docx, csv; `?anonymous=1` names people by their perspective).

Who may see them is the organiser's page's rule (server/organise.py): off when no password
is set, the sign-in page until signed in.
"""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, redirect, render_template, url_for

from .export.series import SERIES_FORMATS, series_summary
from .http import asked, services
from .organise import signed_in
from .rooms import normalise_code

bp = Blueprint("series", __name__, url_prefix="/organise/series")


def find_series(store) -> list[list[str]]:
    """The codes of each series, earliest workshop first; series started most recently first.
    A series is every workshop joined by follow-up links (two teams may follow one meeting)."""
    created = {row["code"]: row["created_at"] for row in store.rooms()}
    parent = {code: code for code in created}

    def root(code):
        while parent[code] != code:
            parent[code] = parent[parent[code]]
            code = parent[code]
        return code

    for later, earlier in store.follow_ups().items():
        if later in created and earlier in created:
            parent[root(later)] = root(earlier)
    groups: dict[str, list[str]] = {}
    for code in created:
        groups.setdefault(root(code), []).append(code)
    series = [sorted(codes, key=lambda c: created[c]) for codes in groups.values() if len(codes) > 1]
    return sorted(series, key=lambda codes: created[codes[0]], reverse=True)


def _rooms(codes: list[str]) -> list:
    return [room for room in (services().rooms.get(code) for code in codes) if room is not None]


@bp.before_request
def organisers_only():
    if not current_app.config.get("ADMIN_PASSWORD"):
        abort(404)
    if not signed_in():
        return redirect(url_for("organise.index"), 303)
    return None


@bp.after_request
def private(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("")
def index():
    series = [series_summary(rooms) for rooms in map(_rooms, find_series(services().store)) if len(rooms) > 1]
    return render_template("series.html", series=series, formats=list(SERIES_FORMATS))


@bp.get("/<code>.<fmt>")
def export(code, fmt):
    clean = normalise_code(code)
    found = next((codes for codes in find_series(services().store) if clean in codes), None)
    if fmt not in SERIES_FORMATS or found is None:
        abort(404)
    anonymous = asked("anonymous")
    render, media_type = SERIES_FORMATS[fmt]
    name = f"inourshoes-series-{found[0]}{'-anonymous' if anonymous else ''}.{fmt}"
    return Response(
        render(series_summary(_rooms(found), anonymous)),
        content_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def init_app(app) -> None:
    app.register_blueprint(bp)
