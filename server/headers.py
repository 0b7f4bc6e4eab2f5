"""Security headers (Flask-Talisman) and rate limits for HTTP (Flask-Limiter)."""
from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_talisman import Talisman

CSP = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "style-src": "'self'",
    "script-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}

limiter = Limiter(get_remote_address, storage_uri="memory://", default_limits=[])


def init_app(app) -> None:
    # Workshops are often run on a laptop over plain http on a local network, so HTTPS is
    # not forced here; put the server behind TLS when it is on the internet.
    Talisman(
        app,
        force_https=False,
        strict_transport_security=False,
        content_security_policy=CSP,
        session_cookie_secure=False,
        referrer_policy="no-referrer",
    )
    limiter.init_app(app)
