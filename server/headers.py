"""Security headers (Flask-Talisman) and rate limits for HTTP (Flask-Limiter).

Limits count per client address (after trusted proxies, server/addresses.py; an IPv6
address by its /64)."""
from __future__ import annotations

from flask import request
from flask_limiter import Limiter
from flask_talisman import Talisman

from .addresses import client_key

CSP = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "style-src": "'self'",
    "script-src": "'self'",
    "connect-src": "'self'",
    "media-src": "'self' blob:",  # spoken answers play from blob: URLs (web/static/js/spoken.js)
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}

def _client() -> str:
    return client_key(request.remote_addr)


limiter = Limiter(_client, storage_uri="memory://", default_limits=[])


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
