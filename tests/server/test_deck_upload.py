"""A facilitator's own deck: checked on upload, used for the room, kept with it."""
import requests

from .clients import Participant

GOOD = """
id = "our-ward"
title = "Our ward"
language = "en-GB"
audience = "Ward staff and families"
description = "Situations from our ward."
licence = "CC BY 4.0"
version = "1"

[perspectives]
person = "A patient"
carer = "A family member"

[[cards]]
id = "w1"
type = "scenario"
perspective = "person"
text = "Nobody told me when I could go home."
easy = "Nobody told me when I could go home."
icon = "hospital"

[[cards]]
id = "w2"
type = "question"
perspective = "carer"
text = "What would help you feel welcome on the ward?"
easy = "What would help you feel welcome?"
icon = "question"
"""

BAD = GOOD.replace('type = "question"', 'type = "story"').replace('icon = "hospital"', 'icon = "spaceship"')


def test_a_bad_deck_is_refused_with_every_problem(server):
    checked = requests.post(server.url + "/api/decks/check", data=BAD.encode()).json()
    assert checked["ok"] is False
    assert any("w2" in p and "type" in p for p in checked["problems"])
    assert any("w1" in p and "icon" in p for p in checked["problems"])
    created = requests.post(server.url + "/api/rooms", json={"title": "Ward", "deck_toml": BAD})
    assert created.status_code == 400 and len(created.json()["error"]["problems"]) == 2


def test_a_good_deck_is_used_for_the_room_and_survives_a_restart(fresh_server):
    server = fresh_server.start()
    assert requests.post(server.url + "/api/decks/check", data=GOOD.encode()).json()["ok"]
    created = requests.post(server.url + "/api/rooms", json={"title": "Ward", "deck_toml": GOOD})
    assert created.status_code == 201
    room = created.json()
    host, ann = Participant(server.url), Participant(server.url)
    host.host(room["code"], room["host_key"])
    ann.join(room["code"], "Ann")
    ann.act("sit", table="t1")
    host.act("start")
    ann.act("draw")
    card = ann.wait_for(lambda v: v["table"]["card"])["table"]["card"]
    assert card["id"] in ("w1", "w2") and card["perspective_label"] in ("A patient", "A family member")
    for person in (host, ann):
        person.close()
    server.stop()
    server.start()
    again = Participant(server.url)
    view = again.call("join", {"code": room["code"], "token": ann.token})["view"]
    assert view["room"]["deck"]["title"] == "Our ward" and view["table"]["card"]["id"] == card["id"]
    again.close()
