"""The action plan over HTTP, for the host key or the signed-in organiser, during and long
after the workshop:

- `GET /api/rooms/<code>/plan` → `{"actions": [...]}` (as the host view's `plan`);
- `PATCH /api/rooms/<code>/plan/<action>` `{status?, owner?, due?, progress?}` and
  `POST /api/rooms/<code>/plan` `{text, owner, due?, from?}`: recorded as events in the
  room's log (`plan_update`, `plan_add`), and open host pages are told;
- `GET /api/rooms/<code>/summary.<fmt>` (html, md, docx): the one-page summary for managers.

A missing or wrong key and a room that does not exist get the same 403 as the exports,
and count as a miss for the address (server/http.py).
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from .export.managers import SUMMARY_FORMATS, managers_summary
from .export.routes import filename
from .game import RuleError
from .game.plan import action_view, kept_actions, plan_view
from .headers import limiter
from .http import Refused, asked, bearer, fail, room_for_key, services
from .organise import signed_in
from .rooms import normalise_code

bp = Blueprint("plan", __name__)
PLAN_LIMIT = "120/minute"
STATUS_OF = {"not_found": 404, "forbidden": 403}  # any other refusal is the sender's mistake: 400


def _organiser() -> bool:
    return bool(current_app.config.get("ADMIN_PASSWORD")) and signed_in()


def planner(code: str):
    """(room code, room, actor) for the host key in `Authorization: Bearer`, or the
    organiser signed in on this browser; raises Refused with the answer otherwise."""
    if bearer() is None and _organiser():
        clean = normalise_code(code)
        room = services().rooms.get(clean) if clean else None
        if room is None:
            raise Refused(fail(404, "not_found", "There is no workshop with that code."))
        return clean, room, "organiser"
    clean, room = room_for_key(code)
    return clean, room, "host"


def _change(code: str, command: dict, created: bool = False):
    """Run a plan move for the host or organiser and answer with the action it touched."""
    clean, _, actor = planner(code)
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return fail(400, "bad_request", "Send JSON, for example {\"status\": \"done\"}.")
    allowed = ("text", "owner", "due", "from") if created else ("status", "owner", "due", "progress")
    unknown = sorted(set(payload) - set(allowed))
    if unknown:
        return fail(400, "bad_request", f"Unknown field {unknown[0][:40]!r}: use {', '.join(allowed)}.")
    try:
        room, n, news = services().rooms.execute(clean, {**command, **payload, "actor": actor})
    except RuleError as err:
        return fail(STATUS_OF.get(err.code, 400), err.code, err.message)
    if services().transport is not None:
        services().transport.send(clean, news)
    # the new action's id, from the event this command wrote (not "the newest action", which
    # another add landing at the same moment could change)
    action_id = command.get("action") or services().store.event_data(clean, n)["action"]
    body = {"ok": True, "n": n, "action": action_view(room, room.plan[action_id], kept_actions(room))}
    return jsonify(body), 201 if created else 200


@bp.get("/api/rooms/<code>/plan")
@limiter.limit(PLAN_LIMIT)
def get_plan(code):
    _, room, _ = planner(code)
    response = jsonify(plan_view(room))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.patch("/api/rooms/<code>/plan/<action>")
@limiter.limit(PLAN_LIMIT)
def update_action(code, action):
    return _change(code, {"type": "plan_update", "action": action[:40]})


@bp.post("/api/rooms/<code>/plan")
@limiter.limit(PLAN_LIMIT)
def add_action(code):
    return _change(code, {"type": "plan_add"}, created=True)


@bp.get("/api/rooms/<code>/summary.<fmt>")
@limiter.limit(PLAN_LIMIT)
def summary(code, fmt):
    if fmt not in SUMMARY_FORMATS:
        return fail(404, "not_found", f"The summary comes as {', '.join(SUMMARY_FORMATS)}.")
    clean, room, _ = planner(code)
    anonymous = asked("anonymous")
    render, media_type = SUMMARY_FORMATS[fmt]
    name = filename(room.created_at[:10], clean, fmt, anonymous).replace(f"-{clean}-", f"-{clean}-summary-")
    return Response(
        render(managers_summary(room, anonymous)),
        content_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


def init_app(app) -> None:
    app.register_blueprint(bp)
