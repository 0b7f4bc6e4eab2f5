"""The server in the test's own process: Flask's test client for HTTP and Flask-SocketIO's
test client for Socket.IO, behind the same small interface as the real process
(`create_room`, `http.get/post`, `participant()`), so a test reads the same either way.

The real process stays for what needs one: crashes and restarts, transport limits, load
and the browser tests.
"""
from __future__ import annotations

import json
import time
import uuid

from server import create_app
from server.patches import apply


class Answer:
    """The parts of a `requests.Response` the tests read, over a Flask test response."""

    def __init__(self, response):
        self.status_code = response.status_code
        self.headers = response.headers
        self.content = response.get_data()
        self.text = self.content.decode("utf-8", errors="replace")
        self.ok = response.status_code < 400

    def json(self):
        return json.loads(self.text)


class Http:
    """`get` and `post` in the style of `requests`, answered by the app in-process."""

    def __init__(self, app):
        self.app = app

    def _open(self, method: str, url: str, *, headers=None, params=None, json=None, data=None, auth=None, timeout=None):
        path = url.split("://", 1)[-1].partition("/")[2]
        headers = dict(headers or {})
        if auth:
            import base64

            headers["Authorization"] = "Basic " + base64.b64encode(":".join(auth).encode()).decode()
        client = self.app.test_client()
        return Answer(client.open("/" + path, method=method, headers=headers, query_string=params, json=json, data=data))

    def get(self, url: str, **kw) -> Answer:
        return self._open("GET", url, **kw)

    def post(self, url: str, **kw) -> Answer:
        return self._open("POST", url, **kw)

    def patch(self, url: str, **kw) -> Answer:
        return self._open("PATCH", url, **kw)


class InProcessServer:
    url = "http://localhost"

    def __init__(self, database: str, **config):
        self.db = database
        self.app = create_app({"DATABASE": database, "ASYNC_MODE": "threading", "ROOM_CREATE_LIMIT": "10000/minute", **config})
        self.socketio = self.app.extensions["inourshoes"].socketio
        self.http = Http(self.app)

    def create_room(self, title: str = "Test workshop", deck: str = "everyday-lives", **extra) -> dict:
        response = self.http.post("/api/rooms", json={"title": title, "deck": deck, **extra})
        assert response.status_code == 201, response.text
        return response.json()

    def participant(self, patches: bool = False) -> "InProcessParticipant":
        return InProcessParticipant(self, patches)

    def stop(self) -> None:
        time.sleep(0.3)  # let host views gathered in the last moments go out first
        self.app.extensions["inourshoes"].store.close()


class InProcessParticipant:
    """A Socket.IO client that remembers every view it was sent (like `clients.Participant`).
    With `patches`, it asks for `patch` messages and rebuilds each view from them, as the web
    client does (`patches` keeps the messages themselves)."""

    def __init__(self, server: InProcessServer, patches: bool = False):
        self.client = server.socketio.test_client(server.app)
        self.wants_patches = patches
        self._patches: list[dict] = []
        self.held: dict | None = None  # {"v", "view"}: the view the patches apply to
        self.views: list[dict] = []
        self._notices: list[dict] = []
        self._writing: list[dict] = []
        self._removed = False

    def _pump(self) -> None:
        for message in self.client.get_received():
            name, args = message["name"], message["args"]
            if name == "view":
                self.views.append(args[0])
            elif name == "patch":
                self._patched(args[0])
            elif name == "notice":
                self._notices.append(args[0])
            elif name == "removed":
                self._removed = True
            elif name == "writing":
                self._writing.append(args[0])

    def _patched(self, message: dict) -> None:
        self._patches.append(message)
        if "view" in message:
            self.held = {"v": message["v"], "view": message["view"]}
        else:
            assert self.held is not None and message["from"] == self.held["v"], "a patch for a view we do not hold"
            self.held = {"v": message["v"], "view": apply(self.held["view"], message["ops"])}
        self.views.append(self.held["view"])

    @property
    def patches(self) -> list[dict]:
        self._pump()
        return self._patches

    @property
    def writing(self) -> list[dict]:
        self._pump()
        return self._writing

    @property
    def notices(self) -> list[dict]:
        self._pump()
        return self._notices

    @property
    def removed(self) -> bool:
        self._pump()
        return self._removed

    def call(self, event: str, payload) -> dict:
        ack = self.client.emit(event, payload, callback=True)
        self._pump()
        return ack

    def join(self, code: str, name: str, perspective: str = "person", token: str | None = None) -> dict:
        payload = {"code": code, "name": name, "perspective": perspective}
        if token:
            payload["token"] = token
        if self.wants_patches:
            payload["patches"] = True
        ack = self.call("join", payload)
        if ack.get("ok"):
            self.token, self.player_id = ack["token"], ack["player_id"]
            if not self.wants_patches:  # patches: the views are the ones rebuilt from them
                self.views.append(ack["view"])
        return ack

    def host(self, code: str, host_key: str) -> dict:
        payload = {"code": code, "host_key": host_key, **({"patches": True} if self.wants_patches else {})}
        ack = self.call("host", payload)
        if ack.get("ok") and not self.wants_patches:
            self.views.append(ack["view"])
        return ack

    def act(self, type_: str, **fields) -> dict:
        return self.call("act", {"id": str(uuid.uuid4()), "type": type_, **fields})

    @property
    def view(self) -> dict:
        self._pump()
        return self.views[-1]

    def wait_for(self, predicate, timeout: float = 5.0) -> dict:
        """Wait until the newest view satisfies `predicate` (host views come from a
        background task, so they may take a moment); return it."""
        deadline = time.monotonic() + timeout
        while True:
            self._pump()
            if self.views and predicate(self.views[-1]):
                return self.views[-1]
            if time.monotonic() > deadline:
                raise AssertionError(f"no matching view in {timeout}s; last: {self.views[-1] if self.views else None}")
            time.sleep(0.01)

    def wait_until(self, check, timeout: float = 5.0):
        """Wait until `check()` (reading this client's notices, writing...) is true."""
        deadline = time.monotonic() + timeout
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(f"not true within {timeout}s")
            time.sleep(0.01)

    def close(self) -> None:
        if self.client.is_connected():
            self.client.disconnect()
