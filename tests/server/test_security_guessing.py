"""Room codes cannot be guessed over HTTP: every route that tells whether a room exists counts
misses per address (GUESS_LIMIT), an unknown room answers like a wrong key wherever a key is
involved, and nothing a stranger sends is kept for good. In-process, behind a trusted proxy
(the test client's 127.0.0.1), so each test speaks from addresses of its own."""
from __future__ import annotations

import itertools

import pytest

from server import create_app

GUESSES = 5
_addresses = (f"198.51.100.{n}" for n in itertools.count(1))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app = create_app(
        {
            "DATABASE": str(tmp_path_factory.mktemp("guessing") / "g.db"),
            "ASYNC_MODE": "threading",
            "GUESS_LIMIT": f"{GUESSES}/hour",
            "TRUSTED_PROXIES": ("127.0.0.1",),
            "ROOM_CREATE_LIMIT": "10000/minute",
        }
    )
    yield app
    app.extensions["inourshoes"].store.close()


@pytest.fixture
def room(app) -> dict:
    answer = app.test_client().post("/api/rooms", json={"title": "Guess me", "deck": "everyday-lives"})
    assert answer.status_code == 201
    return answer.get_json()


def get(app, path: str, address: str, key: str | None = None):
    headers = {"X-Forwarded-For": address}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    return app.test_client().get(path, headers=headers)


def unknown_code(app, n: int) -> str:
    """A well-formed code that names no room."""
    code = "BCDF" + "GHJKMNPQRTVWXY346789"[n // 20 % 20] + "GHJKMNPQRTVWXY346789"[n % 20]
    assert app.extensions["inourshoes"].rooms.get(code) is None
    return code


def test_misses_on_every_route_share_one_count_then_every_room_waits(app, room):
    guesser, code, key = next(_addresses), room["code"], room["host_key"]
    misses = [
        get(app, f"/j/{unknown_code(app, 1)}", guesser),
        get(app, f"/api/rooms/{unknown_code(app, 2)}/qr.svg", guesser),
        get(app, f"/api/rooms/{unknown_code(app, 3)}/export.md", guesser, key),
        get(app, f"/api/rooms/{code}/export.md", guesser, "not-the-key"),  # a wrong key is a miss too
        get(app, f"/j/{unknown_code(app, 4)}", guesser),
    ]
    assert [m.status_code for m in misses] == [200, 404, 403, 403, 200]
    assert "could not find a workshop" in misses[0].get_data(as_text=True)
    # used up: now even the real room, with the right key, waits (or the answer would tell)
    page = get(app, f"/j/{code}", guesser)
    assert page.status_code == 429 and "Too many room codes were tried" in page.get_data(as_text=True)
    assert get(app, f"/api/rooms/{code}/qr.svg", guesser).status_code == 429
    assert get(app, f"/api/rooms/{code}/export.md", guesser, key).get_json()["error"]["code"] == "rate_limited"
    # the guesser's count is theirs alone
    neighbour = next(_addresses)
    assert get(app, f"/j/{code}", neighbour).status_code == 200
    assert get(app, f"/api/rooms/{code}/export.md", neighbour, key).status_code == 200


def test_real_rooms_and_codes_that_cannot_exist_are_not_misses(app, room):
    address = next(_addresses)
    for _ in range(3 * GUESSES):
        assert get(app, f"/j/{room['code']}", address).status_code == 200
        assert get(app, "/j/not-a-code", address).status_code == 200
        assert get(app, f"/api/rooms/{room['code']}/export.md", address, room["host_key"]).status_code == 200
    assert get(app, f"/api/rooms/{unknown_code(app, 5)}/qr.svg", address).status_code == 404


def test_an_unknown_room_answers_exactly_like_a_wrong_key(app, room):
    address = next(_addresses)
    unknown = get(app, f"/api/rooms/{unknown_code(app, 6)}/export.md", address, room["host_key"])
    wrong = get(app, f"/api/rooms/{room['code']}/export.md", address, "not-the-key")
    malformed = get(app, "/api/rooms/hello/export.md", address, room["host_key"])
    assert unknown.status_code == wrong.status_code == malformed.status_code == 403
    assert unknown.get_json() == wrong.get_json() == malformed.get_json()
    assert unknown.get_json()["error"]["code"] == "forbidden"
    assert get(app, f"/api/rooms/{room['code']}/export.pdf", address, room["host_key"]).status_code == 404


def test_every_route_behind_a_key_counts_its_misses_on_the_one_count(app, room):
    """Exports, the run sheet, the plan, the host link's QR code and spoken answers."""
    guesser, code, key = next(_addresses), room["code"], room["host_key"]
    client = app.test_client()

    def post(path, with_key=None):
        headers = {"X-Forwarded-For": guesser, **({"Authorization": f"Bearer {with_key}"} if with_key else {})}
        return client.post(path, headers=headers)

    misses = [
        post(f"/api/rooms/{code}/host-qr.svg", "not-the-key"),
        post(f"/api/rooms/{unknown_code(app, 7)}/host-qr.svg", key),
        get(app, f"/api/rooms/{code}/audio/a0123456789abcdef", guesser, "not-a-token"),
        get(app, f"/api/rooms/{code}/run-sheet.html", guesser, "not-the-key"),
        get(app, f"/api/rooms/{code}/plan", guesser, "not-the-key"),
    ]
    assert [m.status_code for m in misses] == [403] * GUESSES
    assert {m.get_json()["error"]["code"] for m in misses} == {"forbidden"}
    # used up: the right key waits on every one of them
    assert post(f"/api/rooms/{code}/host-qr.svg", key).status_code == 429
    assert get(app, f"/api/rooms/{code}/audio/a0123456789abcdef", guesser, key).status_code == 429
    assert get(app, f"/api/rooms/{code}/plan", guesser, key).get_json()["error"]["code"] == "rate_limited"
    neighbour = next(_addresses)
    answer = client.post(f"/api/rooms/{code}/host-qr.svg", headers={"X-Forwarded-For": neighbour, "Authorization": f"Bearer {key}"})
    assert answer.status_code == 200 and answer.mimetype == "image/svg+xml"


def test_a_real_key_asking_for_a_missing_recording_is_not_a_miss(app, room):
    address = next(_addresses)
    for _ in range(2 * GUESSES):
        answer = get(app, f"/api/rooms/{room['code']}/audio/a0123456789abcdef", address, room["host_key"])
        assert answer.status_code == 403 and answer.get_json()["error"]["message"] == "You cannot play that recording."
    assert get(app, f"/api/rooms/{room['code']}/plan", address, room["host_key"]).status_code == 200


# --- memory: what a stranger sends is not kept --------------------------------------------
def sizes(app) -> dict:
    services = app.extensions["inourshoes"]
    rooms, transport = services.rooms, services.transport
    kept = {
        "live": rooms.live, "done": rooms.done, "sockets": rooms.sockets, "away": rooms.away, "locks": rooms._locks,
        "clients": transport.clients, "hosts": transport.hosts, "writing": transport.writing,
        "connections": services.connections.open_from,
    }  # fmt: skip
    return {name: len(table) for name, table in kept.items()}


def test_unknown_rooms_leave_nothing_behind(app, room):
    services = app.extensions["inourshoes"]
    before, windows = sizes(app), set(services.transport.limiter.storage.storage)
    for n in range(40):  # 40 strangers, one guess each, over HTTP
        address = next(_addresses)
        code = unknown_code(app, 100 + n)
        get(app, f"/j/{code}", address)
        get(app, f"/api/rooms/{code}/qr.svg", address)
        get(app, f"/api/rooms/{code}/export.json", address, "key")
    sockets = [services.socketio.test_client(app) for _ in range(5)]
    for n, client in enumerate(sockets):  # and over Socket.IO
        for guess in range(8):
            code = unknown_code(app, 200 + n * 10 + guess)
            assert client.emit("join", {"code": code, "name": "Ann", "perspective": "person"}, callback=True)["ok"] is False
        assert client.emit("host", {"code": unknown_code(app, 300 + n), "host_key": "x"}, callback=True)["ok"] is False
    for client in sockets:
        client.disconnect()
    assert sizes(app) == before
    assert set(services.transport.limiter.storage.storage) <= windows  # per-connection windows cleared


def test_a_joined_connection_leaves_nothing_behind_when_it_closes(app, room):
    services = app.extensions["inourshoes"]
    before, windows = sizes(app), set(services.transport.limiter.storage.storage)
    client = services.socketio.test_client(app)
    assert client.emit("join", {"code": room["code"], "name": "Cai", "perspective": "carer"}, callback=True)["ok"]
    assert client.emit("act", {"type": "sit", "table": "t1", "id": "a1"}, callback=True)["ok"]
    assert client.emit("typing", {"on": True}, callback=True)["ok"]
    assert len(services.transport.clients) == before["clients"] + 1
    client.disconnect()
    # the person stays in the room (they may come back); nothing is kept for the connection
    after = sizes(app)
    assert after["clients"] == before["clients"] and after["sockets"] <= before["sockets"] + 1
    assert all(not people for people in services.rooms.sockets.values())
    assert set(services.transport.limiter.storage.storage) <= windows
