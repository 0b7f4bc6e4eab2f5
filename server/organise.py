"""The organiser's page, `/organise`: list past workshops, delete them for good, issue a new
host link for one (the old link stops working); and the optional retention rule that deletes
ended workshops after N days.

Settings (server/settings.py):
- `INOURSHOES_ADMIN_PASSWORD` (`ADMIN_PASSWORD`): the page's password; unset, the page is off (404).
- `INOURSHOES_SECRET_KEY`: signs the session cookie; a random one per start if unset.
- `INOURSHOES_RETENTION_DAYS` (`RETENTION_DAYS`): delete workshops that ended more than
  N days ago, at start-up and then every `RETENTION_EVERY` seconds (an hour).

Signing in: every form (the sign-in form too) carries a CSRF token from the session; only
wrong passwords count towards the per-address limit, so a stranger elsewhere cannot lock the
organiser out; a sign-in is kept in this process's memory for at most SIGN_IN_HOURS, so
signing out ends it for good (a copied cookie stops working) and a restart signs everyone out.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from datetime import datetime, timedelta, timezone

from flask import (
    Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for,
)  # fmt: skip

from .headers import limiter
from .http import services
from .rooms import digest, new_secret, normalise_code
from .settings import retention_days

log = logging.getLogger(__name__)
bp = Blueprint("organise", __name__, url_prefix="/organise")
LOGIN_LIMIT = "10/minute"  # wrong passwords per address
PRACTICE_HOURS = 24  # a practice room (simulated players) is deleted a day after it was made
SIGN_IN_HOURS = 12
MAX_SIGN_INS = 50  # live sign-ins kept; the oldest goes first


# --- deleting -----------------------------------------------------------------------------
def delete_workshop(services, code: str) -> None:
    """Erase a workshop's events and directory row for good, and drop the live room."""
    services.rooms.delete(code)


def purge(services, days: int, now: datetime | None = None) -> list[str]:
    """Delete every workshop that ended more than `days` days ago; returns their codes."""
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days)
    codes = services.store.ended_before(cutoff.isoformat(timespec="milliseconds"))
    for code in codes:
        delete_workshop(services, code)
    if codes:
        log.info("retention: deleted %d workshop(s) ended before %s", len(codes), cutoff.date())
    return codes


def purge_practice(services, now: datetime | None = None) -> list[str]:
    """Delete every practice room made more than PRACTICE_HOURS ago; returns their codes."""
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(hours=PRACTICE_HOURS)
    codes = services.store.practice_rooms(created_before=cutoff.isoformat(timespec="milliseconds"))
    for code in codes:
        delete_workshop(services, code)
    return codes


def _keep_purging_practice(services, every: float) -> None:
    while True:
        services.socketio.sleep(every)
        try:
            purge_practice(services)
        except Exception:  # the next pass tries again
            log.exception("practice retention pass failed")


def _keep_purging(services, days: int, every: float) -> None:
    while True:
        services.socketio.sleep(every)
        try:
            purge(services, days)
        except Exception:  # keep the rule running; the next pass tries again
            log.exception("retention pass failed")


# --- signing in ---------------------------------------------------------------------------
def _password() -> str | None:
    return current_app.config.get("ADMIN_PASSWORD") or None


def _fingerprint(password: str) -> str:
    """Kept in the session: a changed password signs everyone out."""
    return hmac.new(current_app.secret_key.encode(), password.encode(), hashlib.sha256).hexdigest()


def _sign_ins() -> dict[str, float]:
    """Live sign-ins: id -> when it ends (time.monotonic). A cookie cannot be taken back,
    so signing out removes its id here instead."""
    return current_app.extensions.setdefault("organise_sign_ins", {})


def _start_sign_in() -> str:
    live, now = _sign_ins(), time.monotonic()
    for old in [key for key, until in live.items() if until <= now]:
        del live[old]
    while len(live) >= MAX_SIGN_INS:
        del live[next(iter(live))]
    key = secrets.token_urlsafe(16)
    live[key] = now + SIGN_IN_HOURS * 3600
    return key


def signed_in() -> bool:
    mark, key = session.get("organiser"), session.get("sign_in")
    until = _sign_ins().get(key) if isinstance(key, str) else None
    return (
        isinstance(mark, str)
        and until is not None
        and until > time.monotonic()
        and hmac.compare_digest(mark, _fingerprint(_password()))
    )


def _check_csrf() -> None:
    token, sent = session.get("csrf"), request.form.get("csrf", "")
    if not (isinstance(token, str) and hmac.compare_digest(token.encode(), sent.encode())):
        abort(400, "This form has expired. Please go back, reload the page and try again.")


@bp.before_request
def only_when_configured():
    if _password() is None:
        abort(404)
    if not isinstance(session.get("csrf"), str):  # every form here, the sign-in form too, carries it
        session["csrf"] = secrets.token_urlsafe(32)


@bp.after_request
def private(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(429)
def too_many_tries(err):
    return render_template("organise.html", page="login", error="Too many tries. Please wait a minute."), 429


@bp.errorhandler(400)
def bad_form(err):
    return render_template("organise.html", page="error", error=err.description), 400


@bp.get("")
def index():
    if not signed_in():
        return render_template("organise.html", page="login")
    stats = services().store.room_stats()
    workshops = [_described(row, stats) for row in services().store.rooms()]
    return render_template("organise.html", page="list", workshops=workshops)


def _described(row: dict, stats: dict) -> dict:
    """A workshop's row with its counts and its deck's title ("Everyday lives", not its id)."""
    deck = services().decks.get(row["deck"]) or {}
    return dict(row, **stats.get(row["code"], {"events": 0, "people": 0}), deck_title=deck.get("title") or row["deck"])


@bp.app_template_filter("when")
def when(value: str | None) -> str:
    """"2 Dec 2026, 13:56" for a stored time (UTC, as the page says)."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return f"{moment.day} {moment:%b %Y}, {moment:%H:%M}"


@bp.post("/login")
@limiter.limit(LOGIN_LIMIT, deduct_when=lambda response: response.status_code == 403)
def login():
    _check_csrf()
    sent = request.form.get("password", "")
    if not hmac.compare_digest(sent.encode(), _password().encode()):
        return render_template("organise.html", page="login", error="That password is not right."), 403
    session.clear()
    session["organiser"] = _fingerprint(_password())
    session["sign_in"] = _start_sign_in()
    session["csrf"] = secrets.token_urlsafe(32)
    return redirect(url_for("organise.index"), 303)


@bp.post("/logout")
def logout():
    _check_csrf()
    _sign_ins().pop(session.get("sign_in"), None)
    session.clear()
    return redirect(url_for("organise.index"), 303)


def _workshop(code: str) -> dict:
    if not signed_in():
        abort(redirect(url_for("organise.index"), 303))
    clean = normalise_code(code)
    row = next((r for r in services().store.rooms() if r["code"] == clean), None) if clean else None
    if row is None:
        abort(404)
    return _described(row, services().store.room_stats())


def _confirmed(code: str) -> dict:
    """The workshop a confirmation form (delete, a new host link) was sent for, once the
    form is known to come from this browser's own page."""
    workshop = _workshop(code)
    _check_csrf()
    return workshop


@bp.get("/rooms/<code>/delete")
def confirm_delete(code):
    return render_template("organise.html", page="confirm", workshop=_workshop(code))


@bp.post("/rooms/<code>/delete")
def delete(code):
    workshop = _confirmed(code)
    delete_workshop(services(), workshop["code"])
    flash(f"Workshop {workshop['code']} ({workshop['title']}) has been deleted for good.")
    return redirect(url_for("organise.index"), 303)


# --- a new host link ----------------------------------------------------------------------
def issue_host_link(services, code: str) -> str:
    """A new main host link for a room whose facilitator lost theirs (or leaked it): the
    old link stops working at once, and its open host pages are told."""
    key = new_secret()
    command = {"type": "host_key_reset", "actor": "organiser", "key_hash": digest(key)}
    _, _, news = services.rooms.execute(code, command)
    if services.transport is not None:
        services.transport.send(code, news)
    return url_for("pages.host", code=code, _external=True) + f"#key={key}"


@bp.get("/rooms/<code>/host-link")
def confirm_host_link(code):
    return render_template("organise.html", page="host_link", workshop=_workshop(code))


@bp.post("/rooms/<code>/host-link")
def new_host_link(code):
    workshop = _confirmed(code)
    link = issue_host_link(services(), workshop["code"])
    return render_template("organise.html", page="new_link", workshop=workshop, link=link)


def init_app(app) -> None:
    app.config.setdefault("RETENTION_EVERY", 60 * 60)
    if not app.secret_key:  # INOURSHOES_SECRET_KEY unset
        app.secret_key = secrets.token_hex(32)
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.register_blueprint(bp)
    found = app.extensions["inourshoes"]  # practice rooms go after a day, whatever the setting
    purge_practice(found)
    found.socketio.start_background_task(_keep_purging_practice, found, app.config["RETENTION_EVERY"])
    days = retention_days(app.config["RETENTION_DAYS"])
    if days:
        purge(found, days)
        found.socketio.start_background_task(_keep_purging, found, days, app.config["RETENTION_EVERY"])
