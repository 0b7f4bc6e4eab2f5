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

needed = 1

[[perspectives]]
id = "person"
name = "a patient"
easy = "someone in hospital"
icon = "person"

[[perspectives]]
id = "carer"
name = "a family member"
easy = "family"
icon = "family"

[[outcomes]]
id = "home"
name = "Going home"
easy = "Going home"
icon = "home"
statement = "I know when I am going home."

[[outcomes]]
id = "welcome"
name = "Welcome"
easy = "Welcome"
icon = "hand"
statement = "My family feels welcome on the ward."

[[outcomes]]
id = "told"
name = "Being told"
easy = "Being told"
icon = "chat"
statement = "People tell me what is happening."

[[outcomes]]
id = "rest"
name = "Rest"
easy = "Rest"
icon = "bed"
statement = "I can rest at night."

[[outcomes]]
id = "food"
name = "Good food"
easy = "Good food"
icon = "food"
statement = "I get food I like."

[[cards]]
id = "w1"
type = "scenario"
perspective = "person"
outcome = "home"
text = "Nobody told me when I could go home."
easy = "Nobody told me when I could go home."
icon = "hospital"

[[cards]]
id = "w2"
type = "question"
perspective = "carer"
outcome = "welcome"
text = "What would help you feel welcome on the ward?"
easy = "What would help you feel welcome?"
icon = "question"

[[cards]]
id = "w3"
type = "scenario"
perspective = "person"
outcome = "told"
text = "Nobody said why my test was late."
easy = "Nobody said why my test was late."

[[cards]]
id = "w4"
type = "scenario"
perspective = "carer"
outcome = "rest"
text = "The ward lights stay on all night."
easy = "The ward lights stay on all night."

[[cards]]
id = "w5"
type = "scenario"
perspective = "person"
outcome = "food"
text = "I could not open the lunch box."
easy = "I could not open the lunch box."
"""

BAD = GOOD.replace('type = "question"', 'type = "story"').replace('icon = "hospital"', 'icon = "spaceship"')


def view_legend(person) -> list[dict]:
    return person.view["room"]["legend"]


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
    assert card["id"].startswith("w") and card["perspective_label"] in ("a patient", "a family member")
    assert {e["id"]: e["name"] for e in view_legend(ann)} == {"person": "a patient", "carer": "a family member",
                                                             "anyone": "anyone", "other": "someone else who cares about this"}
    for person in (host, ann):
        person.close()
    server.stop()
    server.start()
    again = Participant(server.url)
    view = again.call("join", {"code": room["code"], "token": ann.token})["view"]
    assert view["room"]["deck"]["title"] == "Our ward" and view["table"]["card"]["id"] == card["id"]
    again.close()
