"""Who is asking, and by which name: the client's real address behind trusted proxies, the
host names this server answers to, and the origins its Socket.IO accepts.

Both checks are WSGI middleware around the whole app, so they cover Socket.IO requests too
(Flask-SocketIO's middleware sits inside them).

- Trusted proxies: `X-Forwarded-For`, `-Proto` and `-Host` are believed only when the request
  comes from an address in TRUSTED_PROXIES; anyone else could write them. The client is the
  right-most forwarded address that is not itself a trusted proxy.
- Host names (against DNS rebinding, where a stranger's web page reaches a local server through
  a name the stranger controls): loopback names and addresses, the names in PUBLIC_URL, the
  listening address; and when listening on every address (0.0.0.0), any IP address and this
  machine's own names, so people on a venue's network can type http://192.168.1.20:5000.
  An IP address cannot be re-pointed the way a name can, so allowing them is safe.
"""
from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
EVERY_ADDRESS = {"0.0.0.0", "::", ""}


def _ip(text) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(str(text).strip().strip("[]"))
    except ValueError:
        return None


def is_loopback(address: str | None) -> bool:
    ip = _ip(address)
    return ip is not None and (ip.is_loopback or bool(getattr(ip, "ipv4_mapped", None) and ip.ipv4_mapped.is_loopback))


def client_key(address: str | None) -> str:
    """The key rate limits count by: the address, or its /64 network for IPv6 (one home or
    phone is given a whole /64, so counting single IPv6 addresses would count nothing)."""
    ip = _ip(address)
    if ip is None:
        return str(address or "?")
    if ip.version == 6 and ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class TrustedProxies:
    """Take the client's address, scheme and host from a trusted proxy's headers."""

    def __init__(self, app, proxies):
        self.app = app
        self.networks = [ipaddress.ip_network(p, strict=False) for p in proxies]

    def trusted(self, address) -> bool:
        ip = _ip(address)
        return ip is not None and any(ip in network for network in self.networks)

    def __call__(self, environ, start_response):
        if self.networks and self.trusted(environ.get("REMOTE_ADDR")):
            forwarded = [a.strip() for a in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
            while forwarded and self.trusted(forwarded[-1]):
                forwarded.pop()
            if forwarded and _ip(forwarded[-1]) is not None:
                environ["REMOTE_ADDR"] = str(_ip(forwarded[-1]))
            proto = environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[-1].strip().lower()
            if proto in ("http", "https"):
                environ["wsgi.url_scheme"] = proto
            host = environ.get("HTTP_X_FORWARDED_HOST", "").split(",")[-1].strip()
            if host:
                environ["HTTP_HOST"] = host
        return self.app(environ, start_response)


class HostNames:
    """Which Host headers and Origins this server answers."""

    def __init__(self, listening: str, public_urls=()):
        self.public_origins = {url.lower() for url in public_urls}
        self.names = set(LOOPBACK_NAMES) | {urlsplit(url).hostname for url in self.public_origins}
        self.any_address = listening in EVERY_ADDRESS
        if self.any_address:
            name = socket.gethostname().lower()
            self.names |= {name, name.split(".")[0] + ".local"}
        elif _ip(listening) is None:
            self.names.add(listening.lower())
        self.addresses = {ip for ip in (_ip(listening), _ip("127.0.0.1"), _ip("::1")) if ip is not None}
        self.addresses |= {_ip(name) for name in self.names if _ip(name) is not None}

    def allowed(self, host: str | None) -> bool:
        """`host` as in a Host header: "name", "name:port", "[::1]:port"."""
        if not host:
            return True  # an HTTP/1.0 client; browsers always send Host
        try:
            name = urlsplit("//" + host.strip()).hostname or ""
        except ValueError:
            return False
        ip = _ip(name)
        if ip is not None:
            return self.any_address or ip.is_loopback or ip in self.addresses
        return name.rstrip(".") in self.names

    def origin_allowed(self, origin, environ) -> bool:
        """Flask-SocketIO's `cors_allowed_origins` check: a browser page may open a socket
        only from this server's own pages (no Origin: not a browser, allowed)."""
        if not origin:
            return True
        try:
            netloc = urlsplit(origin).netloc.lower()
        except ValueError:
            return False
        if not self.allowed(netloc):
            return False
        return origin.lower() in self.public_origins or netloc == environ.get("HTTP_HOST", "").lower()


class CheckHost:
    """Refuse a request whose Host header names someone else (400)."""

    def __init__(self, app, names: HostNames):
        self.app = app
        self.names = names

    def __call__(self, environ, start_response):
        if self.names.allowed(environ.get("HTTP_HOST")):
            return self.app(environ, start_response)
        body = b"This server does not answer to that name. Use the address the facilitator gave you.\n"
        start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]
