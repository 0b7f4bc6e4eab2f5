"""Real python-socketio clients that remember every view they were sent."""
from __future__ import annotations

import bisect
import threading
import time
import uuid

import socketio


class Participant:
    def __init__(self, url: str):
        self.url = url
        self.views: list[dict] = []
        self.notices: list[dict] = []
        self.removed = False
        self.changed = threading.Condition()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("view", self._on_view)
        self.sio.on("notice", self._on_notice)
        self.sio.on("removed", self._on_removed)
        self.sio.connect(url, transports=["websocket"], wait_timeout=10)

    def _record(self, fn):
        with self.changed:
            fn()
            self.changed.notify_all()

    def _on_view(self, view):
        self._record(lambda: self._keep(view))

    def _keep(self, view: dict) -> None:
        """File a view by its `n`. The client runs each message's handler in a thread of its
        own, so a view can be handled after a newer one that the server sent later; `views[-1]`
        is always the newest (of equal `n`, the last to arrive: news of who is online)."""
        at = bisect.bisect_right(self.views, view.get("n", 0), key=lambda v: v.get("n", 0))
        self.views.insert(at, view)

    def _on_notice(self, notice):
        self._record(lambda: self.notices.append(notice))

    def _on_removed(self, data):
        def mark():
            self.removed = True

        self._record(mark)

    def call(self, event: str, payload) -> dict:
        return self.sio.call(event, payload, timeout=10)

    def join(self, code: str, name: str, perspective: str = "person", token: str | None = None) -> dict:
        payload = {"code": code, "name": name, "perspective": perspective}
        if token:
            payload["token"] = token
        ack = self.call("join", payload)
        if ack.get("ok"):
            self.token, self.player_id = ack["token"], ack["player_id"]
            self._record(lambda: self._keep(ack["view"]))
        return ack

    def host(self, code: str, host_key: str) -> dict:
        ack = self.call("host", {"code": code, "host_key": host_key})
        if ack.get("ok"):
            self._record(lambda: self._keep(ack["view"]))
        return ack

    def act(self, type_: str, **fields) -> dict:
        return self.call("act", {"id": str(uuid.uuid4()), "type": type_, **fields})

    @property
    def view(self) -> dict:
        return self.views[-1]

    def wait_for(self, predicate, timeout: float = 5.0) -> dict:
        """Wait until the newest view satisfies `predicate`; return it."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                if self.views and predicate(self.views[-1]):
                    return self.views[-1]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no matching view in {timeout}s; last: {self.views[-1] if self.views else None}")
                self.changed.wait(left)

    def close(self) -> None:
        self.sio.disconnect()
