"""A small TCP proxy for tests: the browser (or a socket client) connects to the proxy, which
forwards to the real server and can make the network misbehave as phones meet it:

- `delay = 0.2`: every chunk waits 0.2 s in each direction (a 400 ms round trip);
- `hold_replies()` / `release_replies()`: on the connections open now, nothing comes back
  from the server meanwhile, though what the browser sends still arrives (an
  acknowledgement that never comes); new connections (a reload) are not held;
- `cut()`: drop every open connection at once; `offline()` also refuses new ones until
  `online()`.

Threads, not asyncio, so it runs beside Playwright's synchronous API.
"""
from __future__ import annotations

import queue
import socket
import threading
import time


class Proxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1"):
        self.target = (target_host, target_port)
        self.delay = 0.0
        self.refusing = False
        self._pairs: dict[tuple[socket.socket, socket.socket], threading.Event] = {}  # -> replies flow
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    # --- what a test can do -------------------------------------------------------------
    def hold_replies(self) -> None:
        with self._lock:
            for flowing in self._pairs.values():
                flowing.clear()

    def release_replies(self) -> None:
        with self._lock:
            for flowing in self._pairs.values():
                flowing.set()

    def cut(self) -> None:
        """Drop every open connection (both sides see the connection close)."""
        with self._lock:
            pairs, self._pairs = list(self._pairs), {}
        for pair in pairs:
            for sock in pair:
                _close(sock)

    def offline(self) -> None:
        self.refusing = True
        self.cut()

    def online(self) -> None:
        self.refusing = False
        self.release_replies()

    def close(self) -> None:
        self._closed = True
        self.online()
        _close(self._listener)
        self.cut()

    # --- forwarding ---------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.refusing:
                _close(client)
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                sock.settimeout(None)
            pair = (client, server)
            flowing = threading.Event()
            flowing.set()
            with self._lock:
                self._pairs[pair] = flowing
            self._pipe(client, server, pair, gate=None)
            self._pipe(server, client, pair, gate=flowing)

    def _pipe(self, source, sink, pair, gate) -> None:
        """Read from `source` and write to `sink` in order, each chunk after `delay`, and
        (for replies) only while `gate` is open."""
        chunks: queue.Queue = queue.Queue()

        def read() -> None:
            while True:
                try:
                    data = source.recv(65536)
                except OSError:
                    data = b""
                chunks.put((time.monotonic() + self.delay, data))
                if not data:
                    return

        def write() -> None:
            while True:
                due, data = chunks.get()
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                while gate is not None and not gate.wait(0.05):
                    if self._gone(pair):
                        return
                if not data or self._gone(pair):
                    self._drop(pair)
                    return
                try:
                    sink.sendall(data)
                except OSError:
                    self._drop(pair)
                    return

        threading.Thread(target=read, daemon=True).start()
        threading.Thread(target=write, daemon=True).start()

    def _gone(self, pair) -> bool:
        with self._lock:
            return pair not in self._pairs

    def _drop(self, pair) -> None:
        with self._lock:
            self._pairs.pop(pair, None)
        for sock in pair:
            _close(sock)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass
