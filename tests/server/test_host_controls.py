"""Every host control over real sockets, and who may use them."""
import time

import pytest


@pytest.fixture
def server(app_server):
    return app_server


@pytest.fixture
def workshop(server, people):
    room = server.create_room()
    host = people()
    assert host.host(room["code"], room["host_key"])["ok"]
    group = []
    for name, perspective in (("Ann", "person"), ("Bo", "carer"), ("Cy", "manager"), ("Di", "manager")):
        person = people()
        person.join(room["code"], name, perspective)
        group.append(person)
    return room, host, group


def test_start_seat_everyone_and_stages(workshop):
    room, host, (ann, bo, cy, di) = workshop
    host.wait_for(lambda v: len(v["players"]) == 4)
    assert host.act("start")["ok"]
    assert host.act("seat_all")["ok"]
    # four people make one table of four (an empty table is opened only past six), not two of two
    view = host.wait_for(lambda v: [len(t["players"]) for t in v["tables"]] == [4, 0])
    for person in (ann, bo, cy, di):
        person.wait_for(lambda v: v["table"] and v["table"]["turn"])
    assert host.act("stage", stage="reflect", table="t1")["ok"]
    seated_t1 = view["tables"][0]["players"][0]["id"]
    t1_person = next(p for p in (ann, bo, cy, di) if p.player_id == seated_t1)
    t1_person.wait_for(lambda v: v["table"]["stage"] == "reflect")
    assert host.act("stage", stage="play")["ok"]
    t1_person.wait_for(lambda v: v["table"]["stage"] == "play")


def test_pause_refuses_participants_with_a_clear_message(workshop):
    room, host, (ann, *_rest) = workshop
    ann.act("sit", table="t1")
    host.act("start")
    host.act("pause")
    ann.wait_for(lambda v: v["room"]["paused"])
    ack = ann.act("draw")
    assert ack["error"]["code"] == "paused" and "paused" in ack["error"]["message"]
    host.act("resume")
    ann.wait_for(lambda v: not v["room"]["paused"])
    assert ann.act("draw")["ok"]


def test_timer_is_seen_by_everyone_and_can_be_extended(workshop):
    room, host, (ann, bo, *_rest) = workshop
    ann.act("sit", table="t1")
    host.act("timer", seconds=300)
    first = ann.wait_for(lambda v: v["room"]["timer"])["room"]["timer"]
    assert first["seconds"] == 300
    assert ann.act("more_time")["ok"]
    host.wait_for(lambda v: [m["name"] for m in v["more_time"]] == ["Ann"])
    host.act("timer", add=120)
    later = ann.wait_for(lambda v: v["room"]["timer"]["seconds"] == 420)["room"]["timer"]
    assert later["ends_at"] > first["ends_at"]
    host.act("timer", seconds=None)
    ann.wait_for(lambda v: v["room"]["timer"] is None)


def test_skip_broadcast_move_and_remove(workshop, people):
    room, host, (ann, bo, cy, di) = workshop
    for person in (ann, bo):
        person.act("sit", table="t1")
    host.act("start")
    ann.act("draw")
    bo.wait_for(lambda v: v["table"]["card"])
    host.act("skip", table="t1")
    bo.wait_for(lambda v: v["table"]["card"] is None and v["table"]["turn"] == bo.player_id)
    host.act("broadcast", text="Ten minutes to go")
    for person in (ann, bo, cy):
        person.wait_for(lambda v: v["room"]["notice"] and v["room"]["notice"]["text"] == "Ten minutes to go")
    assert any(n["text"] == "Ten minutes to go" for n in cy.notices)
    host.act("move", player=cy.player_id, table="t2")
    cy.wait_for(lambda v: v["table"] and v["table"]["id"] == "t2")
    host.act("remove", player=bo.player_id)
    ann.wait_for(lambda v: [p["name"] for p in v["table"]["players"]] == ["Ann"])
    deadline = time.monotonic() + 5
    while not bo.removed and time.monotonic() < deadline:
        time.sleep(0.05)
    assert bo.removed
    ack = people().call("join", {"code": room["code"], "token": bo.token})
    assert ack["error"]["code"] == "forbidden"


def test_lock_add_table_and_end(workshop, people):
    room, host, (ann, *_rest) = workshop
    host.act("lock")
    late = people()
    assert late.join(room["code"], "Late")["error"]["code"] == "locked"
    host.act("unlock")
    assert late.join(room["code"], "Late")["ok"]
    host.act("add_table", name="Garden room")
    view = late.wait_for(lambda v: len(v["tables"]) == 3)
    assert view["tables"][2]["name"] == "Garden room"
    host.act("end")
    ann.wait_for(lambda v: v["room"]["ended"])
    assert ann.act("sit", table="t1")["error"]["code"] == "ended"
    assert host.act("start")["error"]["code"] == "ended"


def test_a_co_facilitator_sees_the_same_live_view(workshop, people):
    room, host, (ann, *_rest) = workshop
    second = people()
    assert second.host(room["code"], room["host_key"])["ok"]
    host.act("add_table")
    second.wait_for(lambda v: len(v["tables"]) == 3)


@pytest.mark.parametrize(
    "act",
    [
        {"type": "start"},
        {"type": "stage", "stage": "reflect"},
        {"type": "pause"},
        {"type": "timer", "seconds": 60},
        {"type": "skip", "table": "t1"},
        {"type": "broadcast", "text": "hello"},
        {"type": "move", "player": "p3", "table": "t2"},
        {"type": "remove", "player": "p3"},
        {"type": "lock"},
        {"type": "add_table"},
        {"type": "seat_all"},
        {"type": "settings", "hide_until_reveal": True},
        {"type": "end"},
    ],
)
def test_participants_cannot_use_host_controls(workshop, act):
    room, host, (ann, *_rest) = workshop
    before = host.act("lock")["n"]
    ack = ann.call("act", dict(act, id="x-" + act["type"]))
    assert ack["error"]["code"] == "forbidden"
    assert host.act("unlock")["n"] == before + 1


def test_a_wrong_host_key_is_forbidden_without_saying_if_the_room_exists(server, people):
    room = server.create_room()
    person = people()
    wrong_key = person.call("host", {"code": room["code"], "host_key": "guess"})
    no_room = person.call("host", {"code": "BCDFGH", "host_key": "guess"})
    assert wrong_key == no_room
    assert wrong_key["error"]["code"] == "forbidden"
    assert person.act("start")["error"]["code"] == "forbidden"
