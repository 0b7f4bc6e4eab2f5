"""Untrusted input: every bad payload gets a clear error ack; the server and data survive."""
import threading

import pytest
import requests

BAD_JOINS = [
    ({"name": "Ann", "perspective": "person"}, "not_found"),  # no code
    ({"code": "ZZZZZZ", "name": "Ann", "perspective": "person"}, "not_found"),
    ({"code": 12345, "name": "Ann", "perspective": "person"}, "not_found"),
    ({"code": "{code}", "perspective": "person"}, "bad_request"),
    ({"code": "{code}", "name": "   ", "perspective": "person"}, "bad_request"),
    ({"code": "{code}", "name": "A" * 41, "perspective": "person"}, "too_long"),
    ({"code": "{code}", "name": ["Ann"], "perspective": "person"}, "bad_request"),
    ({"code": "{code}", "name": "Ann", "perspective": "king"}, "bad_request"),
    ({"code": "{code}", "token": "not-a-token"}, "not_found"),
]


@pytest.fixture
def playing(server, people):
    """A room in play with Ann (turn holder) and Bo at table 1, a card drawn."""
    room = server.create_room()
    host, ann, bo = people(), people(), people()
    host.host(room["code"], room["host_key"])
    ann.join(room["code"], "Ann")
    bo.join(room["code"], "Bo", "carer")
    ann.act("sit", table="t1")
    bo.act("sit", table="t1")
    host.act("start")
    ann.act("draw")
    bo.act("respond", text="kept safe")
    return room, host, ann, bo


@pytest.mark.parametrize("payload, code", BAD_JOINS)
def test_bad_joins_are_refused(server, people, payload, code):
    room = server.create_room()
    payload = {k: (v.format(code=room["code"]) if isinstance(v, str) else v) for k, v in payload.items()}
    ack = people().call("join", payload)
    assert ack["ok"] is False and ack["error"]["code"] == code and ack["error"]["message"]


@pytest.mark.parametrize("payload", [None, "join", 42, ["x"]])
def test_payloads_that_are_not_objects_are_refused(people, payload):
    person = people()
    for event in ("join", "host", "act"):
        ack = person.call(event, payload)
        assert ack["error"]["code"] == "bad_request"


BAD_ACTS = [
    ({"type": "respond", "text": "x" * 501}, "too_long"),
    ({"type": "respond", "text": {"a": 1}}, "bad_request"),
    ({"type": "respond"}, "bad_request"),
    ({"type": "vote", "response": "r999"}, "not_found"),
    ({"type": "vote", "response": None}, "not_found"),
    ({"type": "sit", "table": "t99"}, "not_found"),
    ({"type": "sit", "table": ["t1"]}, "not_found"),
    ({"type": "draw"}, "bad_request"),  # a card is already on the table
    ({"type": "pledge", "text": "I will"}, "wrong_stage"),
    ({"type": "note", "text": "hi", "kind": "weird"}, "bad_request"),
    ({"type": "explode"}, "bad_request"),
    ({"type": "join", "name": "Sneaky", "perspective": "person"}, "bad_request"),
    ({"type": "respond", "text": "ok", "private": "yes"}, "bad_request"),
    ({"type": "respond", "text": "ok", "id": ["not", "text"]}, "bad_request"),
    ({"type": "start"}, "forbidden"),
    ({"type": "remove", "player": "p1"}, "forbidden"),
    ({"type": "end"}, "forbidden"),
]


@pytest.mark.parametrize("payload, code", BAD_ACTS)
def test_bad_acts_are_refused_and_nothing_stored_changes(playing, payload, code):
    room, host, ann, bo = playing
    before = host.act("lock")["n"]  # a harmless host action, to read the event number
    host.act("unlock")
    ack = bo.call("act", payload)
    assert ack["ok"] is False and ack["error"]["code"] == code, ack
    after = host.act("lock")
    assert after["n"] == before + 2  # only the host's lock/unlock/lock were recorded
    view = bo.wait_for(lambda v: v["room"]["locked"])
    assert [r["text"] for r in view["table"]["responses"]] == ["kept safe"]


def test_acting_before_joining_is_refused(people):
    ack = people().call("act", {"type": "draw"})
    assert ack["error"]["code"] == "forbidden"


LIMIT = 64 * 1024  # Socket.IO messages, in bytes (README: Limits)


def test_a_message_over_the_limit_closes_its_connection_and_one_just_under_is_read(server, people, playing):
    room, host, ann, bo = playing
    sender = people()
    assert sender.join(room["code"], "Ida")["ok"]
    sender.act("sit", table="t1")
    closed = threading.Event()
    sender.sio.on("disconnect", lambda *args: closed.set())
    # the packet is `42["act",{"type":"respond","text":"..."}]`: about 40 bytes around the text
    under = sender.call("act", {"type": "respond", "text": "x" * (LIMIT - 100)})
    assert under["ok"] is False and under["error"]["code"] == "too_long"  # it arrived and was answered
    assert not closed.is_set()
    sender.sio.emit("act", {"type": "respond", "text": "x" * (LIMIT + 10)})
    assert closed.wait(5), "a message over 64 KB must close the sender's connection"
    assert requests.get(server.url + "/healthz", timeout=5).ok
    assert bo.act("respond", text="still here")["ok"]


@pytest.mark.parametrize(
    "body, status",
    [
        ({"title": "", "deck": "everyday-lives"}, 400),
        ({"title": "x" * 121, "deck": "everyday-lives"}, 400),
        ({"title": "Fine", "deck": "no-such-deck"}, 400),
        ({"title": "Fine", "deck_toml": "this is = not [valid"}, 400),
        ({"title": "Fine", "deck": "everyday-lives", "hide_until_reveal": "yes"}, 400),
        (["not", "an", "object"], 400),
    ],
)
def test_bad_room_requests_are_refused(server, body, status):
    response = requests.post(server.url + "/api/rooms", json=body)
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_joining_over_and_over_is_rate_limited(server, people):
    room = server.create_room()
    person = people()
    codes = [person.call("join", {"code": room["code"], "token": "wrong"})["error"]["code"] for _ in range(12)]
    assert codes[:10] == ["not_found"] * 10 and codes[-1] == "rate_limited"
