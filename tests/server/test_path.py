"""The board over the wire: a table plays until an outcome is met, seen in the log, in every
tablemate's view and in the host view; path or open play; the room's perspectives on the
join page, in `join`, and in `GET /api/decks`."""
from __future__ import annotations

import pytest

PEOPLE = (("Annwen", "person"), ("Bartholomew", "carer"))
OUTCOMES = ("choice", "home", "friends", "health", "work")

# A small uploaded deck: needed = 2, so two colours meet an outcome; every outcome has a
# card told by a person and one by a carer.
DECK = "\n".join(
    [
        'id = "two-sides"', 'title = "Two sides"', 'language = "en-GB"', 'audience = "Tests"',
        'description = "A small deck with a short path."', 'licence = "CC BY-SA 4.0"', 'version = "1"',
        "needed = 2",
        '[[perspectives]]\nid = "person"\nname = "a person who gets care or support"\neasy = "someone who gets support"\nicon = "person"',
        '[[perspectives]]\nid = "carer"\nname = "a family carer"\neasy = "a family member who helps"\nicon = "carer"',
    ]
    + [
        f'[[outcomes]]\nid = "{o}"\nname = "Space {o}"\neasy = "{o}"\nicon = "star"\nstatement = "I have {o}."'
        for o in OUTCOMES
    ]
    + [
        f'[[cards]]\nid = "{o}-{side}"\ntype = "scenario"\nperspective = "{side}"\noutcome = "{o}"\n'
        f'text = "A card about {o}, told by a {side}."\neasy = "A card about {o}."'
        for o in OUTCOMES
        for side in ("person", "carer")
    ]
)  # fmt: skip


def ok(ack: dict) -> dict:
    assert ack.get("ok"), ack
    return ack


@pytest.fixture
def table(app_server):
    """A host and two tablemates at table 1, started; closed after the test."""
    made = []

    def open_table(**room_options):
        room = app_server.create_room("The path", **room_options)
        host = app_server.participant()
        ok(host.host(room["code"], room["host_key"]))
        people = []
        for name, side in PEOPLE:
            person = app_server.participant()
            ok(person.join(room["code"], name, side))
            ok(person.act("sit", table="t1"))
            people.append(person)
        ok(host.act("start"))
        made.extend([host, *people])
        return room, host, people

    yield open_table
    for person in made:
        person.close()


def play_until_met(people, rounds: int) -> str:
    """Each round: whoever holds the turn draws, answers, votes for it, and moves on; until
    an outcome is met. Returns that outcome's id."""
    by_id = {p.player_id: p for p in people}
    for _ in range(rounds):
        view = people[0].view["table"]
        drawer = by_id[view["turn"]]
        ok(drawer.act("draw"))
        answer = ok(drawer.act("respond", text="Ask them first, then listen."))
        response = drawer.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]["id"]
        ok(drawer.act("vote", response=response))
        ok(drawer.act("next"))
        assert answer["ok"]
        met = [o["id"] for o in drawer.view["table"]["board"]["outcomes"] if o["met"]]
        if met:
            return met[0]
    raise AssertionError(f"no outcome met in {rounds} rounds")


def export_json(app_server, room) -> dict:
    answer = app_server.http.get(
        f"{app_server.url}/api/rooms/{room['code']}/export.json", headers={"Authorization": f"Bearer {room['host_key']}"}
    )
    assert answer.status_code == 200
    return answer.json()


def test_a_table_meets_an_outcome_and_everyone_sees_it(app_server, table):
    room, host, people = table(deck_toml=DECK)
    met = play_until_met(people, rounds=10)
    for person in people:  # every tablemate
        board = person.wait_for(lambda v: v["table"]["board"]["met"] >= 1)["table"]["board"]
        spot = next(o for o in board["outcomes"] if o["id"] == met)
        assert spot["met"] is True and spot["statement"] == f"I have {met}."
        assert {t["perspective"] for t in spot["tiles"]} == {"person", "carer"}
        assert board["needed"] == 2
    view = host.wait_for(lambda v: v["tables"][0]["board"]["met"] >= 1)
    assert next(o for o in view["tables"][0]["board"]["outcomes"] if o["id"] == met)["met"] is True
    assert view["voice"]["tables"]["t1"]["carer"]["people"] == 1
    events = export_json(app_server, room)["events"]
    assert [e["data"]["outcome"] for e in events if e["type"] == "outcome_met"] == [met]
    assert all(e["data"]["table"] == "t1" for e in events if e["type"] == "tile_placed")


def test_a_shipped_deck_places_footprints_in_each_cards_colour(app_server, table):
    """Three agreed cards of "Everyday lives" (needed = 4: meeting one takes longer than the
    socket rate limits allow a test to play at full speed; the rules tests cover it)."""
    room, host, people = table(deck="everyday-lives")
    by_id = {p.player_id: p for p in people}
    for number in range(1, 4):
        drawer = by_id[people[0].view["table"]["turn"]]
        ok(drawer.act("draw"))
        card = drawer.wait_for(lambda v: v["table"]["card"])["table"]["card"]
        assert card["outcome"] in {"choice", "home", "people", "heard", "carers", "joined"}
        ok(drawer.act("respond", text="Ask them first."))
        response = drawer.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]["id"]
        ok(drawer.act("vote", response=response))
        ok(drawer.act("next"))
        board = people[1].wait_for(lambda v: sum(len(o["tiles"]) for o in v["table"]["board"]["outcomes"]) == number)
        spot = next(o for o in board["table"]["board"]["outcomes"] if o["id"] == card["outcome"])
        assert {"perspective": card["perspective"], "card": card["id"]} in spot["tiles"]
    view = host.wait_for(lambda v: sum(len(o["tiles"]) for o in v["tables"][0]["board"]["outcomes"]) == 3)
    assert view["tables"][0]["board"]["needed"] == 4 and len(view["tables"][0]["board"]["outcomes"]) == 6
    assert [e["type"] for e in export_json(app_server, room)["events"]].count("tile_placed") == 3


def test_open_play_has_no_board_and_a_bad_play_is_refused(app_server, table):
    room, host, people = table(play="open")
    assert people[0].view["room"]["play"] == "open" and people[0].view["table"]["board"] is None
    for bad in ("board", "", 3, None, ["path"]):
        answer = app_server.http.post("/api/rooms", json={"title": "x", "deck": "everyday-lives", "play": bad})
        assert answer.status_code == 400 and "'play'" in answer.json()["error"]["message"], bad
    path = app_server.create_room("Path by default")
    viewer = app_server.participant()
    assert ok(viewer.join(path["code"], "Cyrille", "health"))["view"]["room"]["play"] == "path"
    viewer.close()


def test_people_join_as_one_of_the_rooms_perspectives(app_server):
    room = app_server.create_room("Dementia", deck="living-well-with-dementia")
    page = app_server.http.get(f"/j/{room['code']}").text
    for side in ("person", "family", "care_worker", "health", "manager", "neighbour", "other"):
        assert f'id="as-{side}"' in page
    assert 'id="as-carer"' not in page and 'id="as-anyone"' not in page
    assert "A partner or family member" in page and '<svg class="footprint"' in page
    person = app_server.participant()
    refused = person.join(room["code"], "Dilys", "carer")  # not a choice in this deck
    assert refused["ok"] is False and refused["error"]["code"] == "bad_request"
    assert person.join(room["code"], "Dilys", "anyone")["ok"] is False
    view = ok(person.join(room["code"], "Dilys", "family"))["view"]
    legend = {e["id"]: e for e in view["room"]["legend"]}
    assert legend["family"]["name"] == "a partner or family member" and legend["family"]["pattern"] == "stripes"
    assert legend["anyone"]["choice"] is False and legend["other"]["choice"] is True
    person.close()


def test_the_deck_list_carries_outcomes_and_perspectives(app_server):
    decks = {d["id"]: d for d in app_server.http.get("/api/decks").json()}
    assert {d: decks[d]["outcomes"] for d in decks} == {
        "everyday-lives": 6, "living-well-with-dementia": 5, "my-life-my-choices": 6,
    }  # fmt: skip
    sides = decks["my-life-my-choices"]["perspectives"]
    assert sides[0] == {
        "id": "person", "name": "a person with a learning disability", "easy": "someone with a learning disability",
        "icon": "person", "choice": True, "colour": "#E69F00", "ink": "#000000", "pattern": "dots",
        "colour_name": "orange", "pattern_name": "dots",
    }  # fmt: skip
    checked = app_server.http.post("/api/decks/check", data=DECK.encode()).json()
    assert checked["ok"] and checked["deck"]["outcomes"] == 5 and checked["deck"]["needed"] == 2


def test_an_uploaded_deck_with_an_undeclared_perspective_is_refused_naming_the_card(app_server):
    bad = DECK.replace('perspective = "carer"\noutcome = "home"', 'perspective = "nurse"\noutcome = "home"')
    answer = app_server.http.post("/api/rooms", json={"title": "x", "deck_toml": bad})
    assert answer.status_code == 400
    (line,) = answer.json()["error"]["problems"]
    assert "card home-carer" in line and "unknown perspective 'nurse'" in line
