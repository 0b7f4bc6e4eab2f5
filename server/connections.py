"""At most CONNECTIONS_PER_ADDRESS open Socket.IO connections from one client address.

Counted at the Engine.IO layer, under Socket.IO, so a connection that never says which
workshop it is for counts too; a refused one gets 401 at its handshake. The address is the
real client's behind a trusted proxy (server/addresses.py), so a venue behind one proxy is
not counted as one client. Each connection's count goes when it closes, and an address with
none open leaves nothing behind.

This machine itself (loopback) is not capped: a reverse proxy on the same machine whose
address is not in TRUSTED_PROXIES connects from there for everyone, and so does the benchmark.
"""
from __future__ import annotations

import logging

from .addresses import client_key, is_loopback

log = logging.getLogger(__name__)


class Connections:
    def __init__(self, cap: int):
        self.cap = cap
        self.open_from: dict[str, int] = {}  # address key -> open connections
        self.address_of: dict[str, str] = {}  # Engine.IO session -> address key

    def opened(self, sid: str, address: str | None) -> bool:
        """Count a new connection; False (refuse it) when its address already has `cap`."""
        if not address or is_loopback(address):
            return True  # this machine, or no peer at all (a test client in the server's process)
        key = client_key(address)
        if self.open_from.get(key, 0) >= self.cap:
            log.warning("refused a connection: %s already has %d open", key, self.cap)
            return False
        self.open_from[key] = self.open_from.get(key, 0) + 1
        self.address_of[sid] = key
        return True

    def closed(self, sid: str) -> None:
        key = self.address_of.pop(sid, None)
        if key is None:
            return
        left = self.open_from.get(key, 1) - 1
        if left > 0:
            self.open_from[key] = left
        else:
            self.open_from.pop(key, None)

    def watch(self, socketio) -> None:
        """Wrap the Engine.IO connect and disconnect handlers of a Flask-SocketIO server."""
        eio = socketio.server.eio
        on_connect, on_disconnect = eio.handlers["connect"], eio.handlers["disconnect"]

        def connect(sid, environ, *args):
            if not self.opened(sid, environ.get("REMOTE_ADDR")):
                return False
            answer = on_connect(sid, environ, *args)
            if answer is not None and answer is not True:
                self.closed(sid)
            return answer

        def disconnect(sid, *args):
            self.closed(sid)
            return on_disconnect(sid, *args)

        eio.on("connect", connect)
        eio.on("disconnect", disconnect)
