"""Over Socket.IO (in-process): who is let in, co-facilitator links, who is writing, and a
turn that passes on while its holder is away."""
import pytest


@pytest.fixture
def server(app_server):
    return app_server


@pytest.fixture
def room(server, people):
    made = server.create_room()
    host = people()
    assert host.host(made["code"], made["host_key"])["ok"]
    return made, host


def test_with_admit_on_a_newcomer_waits_then_plays(room, people):
    made, host = room
    assert host.act("settings", admit=True)["ok"]
    ann = people()
    ack = ann.join(made["code"], "Ann", "carer")
    assert ack["view"]["waiting"] == [ann.player_id]
    assert ann.act("sit", table="t1")["error"]["code"] == "waiting"
    view = host.wait_for(lambda v: [p["name"] for p in v["waiting"]] == ["Ann"])
    assert host.act("admit", player=view["waiting"][0]["id"])["ok"]
    ann.wait_for(lambda v: v["waiting"] == [])
    assert ann.act("sit", table="t1")["ok"]


def test_someone_turned_away_is_told_and_cannot_come_back_with_their_token(room, people):
    made, host = room
    host.act("settings", admit=True)
    ann = people()
    ann.join(made["code"], "Ann")
    assert host.act("turn_away", player=ann.player_id)["ok"]
    ann.wait_until(lambda: ann.removed)
    assert people().call("join", {"code": made["code"], "token": ann.token})["error"]["code"] == "forbidden"


def test_a_removed_person_comes_back_only_when_the_host_undoes_it(room, people):
    made, host = room
    ann = people()
    ann.join(made["code"], "Ann")
    host.act("remove", player=ann.player_id)
    again = people()
    assert again.call("join", {"code": made["code"], "token": ann.token})["error"]["code"] == "forbidden"
    assert host.act("readmit", player=ann.player_id)["ok"]
    ack = again.call("join", {"code": made["code"], "token": ann.token})
    assert ack["ok"] and ack["player_id"] == ann.player_id


def test_a_co_facilitator_link_works_until_it_is_revoked(room, people):
    made, host = room
    ack = host.act("cohost_add", label="Priya")
    assert ack["ok"] and len(ack["host_key"]) >= 20
    cohost = people()
    view = cohost.host(made["code"], ack["host_key"])["view"]
    assert cohost.act("pause")["ok"]
    assert cohost.act("cohost_add")["error"]["code"] == "forbidden"  # only the main link
    link = view["cohosts"][0]["id"]
    assert host.act("cohost_revoke", cohost=link)["ok"]
    cohost.wait_until(lambda: cohost.removed)
    assert cohost.act("resume")["error"]["code"] == "forbidden"
    assert people().host(made["code"], ack["host_key"])["error"]["code"] == "forbidden"
    assert host.act("resume")["ok"]


def test_tablemates_see_who_is_still_writing(room, people):
    made, host = room
    ann, bo = people(), people()
    for person, name in ((ann, "Ann"), (bo, "Bo")):
        person.join(made["code"], name)
        person.act("sit", table="t1")
    assert ann.call("typing", {"on": True})["ok"]
    bo.wait_until(lambda: bo.writing and bo.writing[-1] == {"players": [ann.player_id]})
    ann.call("typing", {"on": False})
    bo.wait_until(lambda: bo.writing[-1] == {"players": []})
    loner = people()
    loner.join(made["code"], "Cy")
    assert loner.call("typing", {"on": True})["error"]["code"] == "forbidden"


def test_someone_joining_again_hears_who_is_already_writing(room, people):
    made, host = room
    ann, bo = people(), people()
    for person, name in ((ann, "Ann"), (bo, "Bo")):
        person.join(made["code"], name)
        person.act("sit", table="t1")
    assert ann.call("typing", {"on": True})["ok"]
    again = people()  # Bo's page, reloaded
    assert again.call("join", {"code": made["code"], "token": bo.token})["ok"]
    again.wait_until(lambda: again.writing and again.writing[-1] == {"players": [ann.player_id]})


def test_the_turn_passes_on_while_its_holder_is_away_and_comes_back(room, people):
    made, host = room
    host.act("settings", away_after=1)
    ann, bo = people(), people()
    for person, name in ((ann, "Ann"), (bo, "Bo")):
        person.join(made["code"], name)
        person.act("sit", table="t1")
    host.act("start")
    bo.wait_for(lambda v: v["table"]["turn"] == ann.player_id)
    token = ann.token
    ann.close()
    bo.wait_for(lambda v: v["table"]["turn"] == bo.player_id, timeout=10)
    back = people()
    assert back.call("join", {"code": made["code"], "token": token})["ok"]
    bo.wait_for(lambda v: v["table"]["turn"] == ann.player_id, timeout=5)
