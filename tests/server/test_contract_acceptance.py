"""Acceptance: a real server process (`python run.py`) driven through the README's Wire
contract with exactly the names issues 11-18 give (HTTP routes, fields and statuses;
Socket.IO events; act types and fields; view shapes). Each test checks the data that comes
back, not only `ok`. Kept fast: one shared server, small decks, no sleeping for pace.
"""
from __future__ import annotations

import sqlite3
import time
import uuid

import pytest
import requests

from tests.server.clients import Participant
from tests.unit.webm_maker import webm

pytestmark = pytest.mark.timeout(60)

SIDES = ("person", "carer", "support_worker")
OUTCOMES = ("choice", "home", "friends", "work", "health")
SYMBOLS = {"good", "unsure", "not_good"}


def deck_toml(card_type: str = "scenario", deck_id: str = "acceptance") -> str:
    """Five outcomes, `needed = 2`; each outcome has one card told by a person and one by a
    carer, so the ten cards of one pass through the deck meet every outcome."""
    head = [
        f'id = "{deck_id}"', 'title = "Acceptance"', 'language = "en-GB"', 'audience = "Tests"',
        'description = "A short path for the acceptance tests."', 'licence = "CC BY-SA 4.0"', 'version = "1"',
        "needed = 2",
    ]  # fmt: skip
    sides = [
        f'[[perspectives]]\nid = "{side}"\nname = "a {side.replace("_", " ")}"\neasy = "{side}"\nicon = "person"'
        for side in SIDES
    ]
    outcomes = [
        f'[[outcomes]]\nid = "{o}"\nname = "Space {o}"\neasy = "{o}"\nicon = "star"\nstatement = "I have {o}."'
        for o in OUTCOMES
    ]
    cards = [
        f'[[cards]]\nid = "{o}-{side}"\ntype = "{card_type}"\nperspective = "{side}"\noutcome = "{o}"\n'
        f'text = "A card about {o}, told by a {side}."\neasy = "A card about {o}."'
        for o in OUTCOMES
        for side in SIDES[:2]
    ]
    return "\n".join(head + sides + outcomes + cards)


class Person(Participant):
    """A real python-socketio client that also keeps the `writing` signals it hears."""

    def __init__(self, url: str):
        super().__init__(url)
        self.writing: list[dict] = []
        self.sio.on("writing", lambda data: self._record(lambda: self.writing.append(data)))

    def wait_until(self, predicate, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        with self.changed:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("condition not met in time")
                self.changed.wait(left)


def ok(ack: dict) -> dict:
    assert ack.get("ok") is True, ack
    return ack


def refused(ack: dict, code: str) -> dict:
    assert ack.get("ok") is False and ack["error"]["code"] == code and ack["error"]["message"], ack
    return ack


@pytest.fixture
def connect(server):
    made = []

    def make() -> Person:
        person = Person(server.url)
        made.append(person)
        return person

    yield make
    for person in made:
        person.close()


def create(server, expect: int = 201, **payload) -> dict:
    answer = requests.post(server.url + "/api/rooms", json={"title": "Acceptance", **payload}, timeout=10)
    assert answer.status_code == expect, answer.text
    return answer.json()


def bearer(key: str | None) -> dict:
    return {"Authorization": f"Bearer {key}"} if key else {}


def seated(connect, code: str, name: str, side: str, table: str = "t1") -> Person:
    person = connect()
    ok(person.join(code, name, side))
    ok(person.act("sit", table=table))
    return person


def hosting(connect, room: dict) -> Person:
    host = connect()
    ack = ok(host.host(room["code"], room["host_key"]))
    assert ack["link"] == "main" and ack["view"]["room"]["code"] == room["code"]
    return host


# --- HTTP: decks and creating rooms (issues 11, 13, 17, 18) -----------------------------------
def test_deck_list_and_check_carry_outcomes_needed_and_perspectives(server):
    decks = {d["id"]: d for d in requests.get(server.url + "/api/decks", timeout=5).json()}
    assert {"everyday-lives", "living-well-with-dementia", "my-life-my-choices"} <= set(decks)
    for deck in decks.values():
        assert {"id", "title", "cards", "language", "description", "audience", "outcomes", "needed", "perspectives"} <= set(deck)
        assert isinstance(deck["outcomes"], int) and 5 <= deck["outcomes"] <= 8 and deck["needed"] == 4
        for side in deck["perspectives"]:
            assert {"id", "name", "easy", "icon", "choice", "colour", "ink", "pattern"} <= set(side)
            assert side["colour"].startswith("#") and side["pattern"]
    assert decks["everyday-lives"]["outcomes"] == 6
    checked = requests.post(server.url + "/api/decks/check", data=deck_toml().encode(), timeout=10).json()
    assert checked["ok"] is True and checked["deck"]["outcomes"] == 5 and checked["deck"]["needed"] == 2
    assert [p["id"] for p in checked["deck"]["perspectives"]][:3] == list(SIDES)
    bad = requests.post(
        server.url + "/api/decks/check", data=deck_toml().replace('perspective = "carer"', 'perspective = "nurse"', 1), timeout=10
    ).json()
    assert bad["ok"] is False and any("home-carer" in p or "choice-carer" in p for p in bad["problems"])


def test_create_room_takes_play_practice_simulated_and_refuses_bad_shapes(server, connect):
    made = create(server, deck="everyday-lives", play="open")
    assert set(made) == {"code", "host_key", "join_url", "host_url"}
    assert made["join_url"].endswith(f"/j/{made['code']}") and f"/host/{made['code']}#key=" in made["host_url"]
    viewer = seated(connect, made["code"], "Olu", "person")
    assert viewer.view["room"]["play"] == "open" and viewer.view["table"]["board"] is None
    default = create(server, deck="everyday-lives")
    assert ok(connect().join(default["code"], "Pat", "carer"))["view"]["room"]["play"] == "path"
    for bad in (
        {"deck": "everyday-lives", "play": "board"},
        {"deck": {"$x": 1}},
        {"deck": "everyday-lives", "simulated": 3},  # simulated players need "practice": true
        {"deck": "everyday-lives", "practice": True, "simulated": 13},
        {"deck": "everyday-lives", "practice": "yes"},
    ):
        answer = create(server, expect=400, **bad)
        assert answer["ok"] is False and answer["error"]["message"], bad
    problems = create(server, expect=400, deck_toml=deck_toml().replace('outcome = "home"', 'outcome = "garden"'))
    assert problems["error"]["problems"]


def test_pages_and_room_lookups_answer_as_the_contract_says(server):
    room = create(server, deck="everyday-lives")
    assert requests.get(server.url + "/healthz", timeout=5).json() == {"ok": True}
    unknown = requests.get(server.url + "/j/BCDFGH", timeout=5)
    assert unknown.status_code == 200 and "BCDFGH" in unknown.text  # the home page, saying so
    assert requests.get(f"{server.url}/j/{room['code']}", timeout=5).status_code == 200
    screen_page = requests.get(f"{server.url}/screen/{room['code']}", timeout=5)  # no key needed
    assert screen_page.status_code == 200 and room["code"] in screen_page.text and room["host_key"] not in screen_page.text
    assert requests.get(f"{server.url}/api/rooms/{room['code']}/qr.svg", timeout=5).headers["Content-Type"].startswith("image/svg+xml")
    assert requests.get(server.url + "/api/rooms/BCDFGH/qr.svg", timeout=5).status_code == 404
    wrong_key = requests.get(f"{server.url}/api/rooms/{room['code']}/export.md", headers=bearer("nope"), timeout=5)
    no_room = requests.get(server.url + "/api/rooms/BCDFGH/export.md", headers=bearer(room["host_key"]), timeout=5)
    assert wrong_key.status_code == no_room.status_code == 403 and wrong_key.json() == no_room.json()
    no_sheet = requests.get(f"{server.url}/api/rooms/{room['code']}/run-sheet.html", headers=bearer(room["host_key"]), timeout=5)
    assert no_sheet.status_code == 404
    sheet = create(server, deck="everyday-lives", run_sheet={"minutes": 90})
    printable = requests.get(f"{server.url}/api/rooms/{sheet['code']}/run-sheet.html", headers=bearer(sheet["host_key"]), timeout=5)
    assert printable.status_code == 200 and "attachment" in printable.headers["Content-Disposition"]


# --- the path: play until every outcome is met (issues 12, 13, 14, 15, 16) -------------------
def test_a_table_plays_the_whole_path_with_ties_symbols_words_for_others_and_writing(server, connect):
    room = create(server, deck_toml=deck_toml())
    host = hosting(connect, room)
    ok(host.act("settings", away_after=30, admit=False))
    ok(host.act("add_table", count=3))
    view = host.wait_for(lambda v: len(v["tables"]) == 5 and v["room"]["away_after"] == 30)
    assert [t["name"] for t in view["tables"]][-3:] == ["Table 3", "Table 4", "Table 5"]
    ann, bo = seated(connect, room["code"], "Ann", "person"), seated(connect, room["code"], "Bo", "carer")
    added = ok(host.act("add_person", name="Cy", perspective="support_worker", table="t1"))
    cy = next(p for p in host.wait_for(lambda v: len(v["tables"][0]["players"]) == 3)["tables"][0]["players"] if p["name"] == "Cy")
    assert cy["device"] is False and added["n"] > 0

    # who is still writing: an ephemeral `typing` signal, heard by the table as `writing`
    ok(ann.call("typing", {"on": True}))
    bo.wait_until(lambda: bo.writing and bo.writing[-1] == {"players": [ann.player_id]})
    ok(ann.call("typing", {"on": False}))
    bo.wait_until(lambda: bo.writing[-1] == {"players": []})

    ok(host.act("start"))
    people = {ann.player_id: ann, bo.player_id: bo}
    played, agreed_how = [], []
    for number in range(1, 11):
        turn = ann.wait_for(lambda v: v["table"]["card"] is None and v["table"]["turn"])["table"]["turn"]
        drawer, extra = (people[turn], {}) if turn in people else (ann, {"for": cy["id"]})
        ok(drawer.act("draw", **extra))
        table = ann.wait_for(lambda v: v["table"]["card"])["table"]
        card, round_ = table["card"], table["round"]
        assert card["outcome"] in OUTCOMES and card["perspective"] in SIDES and card["perspective_label"]
        played.append(card)
        if number == 1:  # a picture and words, one vote each: a tie the table chooses together
            ok(ann.act("respond", text="Ask first, then listen.", round=round_))
            ok(bo.act("respond", symbol="good", round=round_))
            table = bo.wait_for(lambda v: len(v["table"]["responses"]) == 2)["table"]
            words, picture = table["responses"]
            assert picture["symbol"] == "good" and picture["text"] == "" and picture["perspective"] == "carer"
            assert words["text"] == "Ask first, then listen." and words["perspective"] == "person"
            assert table["spread"] == {"good": 1, "unsure": 0, "not_good": 0}
            ok(ann.act("vote", response=words["id"]))
            ok(bo.act("vote", response=picture["id"]))
            ok(ann.act("next", round=round_))
            tied = bo.wait_for(lambda v: v["table"]["tie"])["table"]
            assert sorted(tied["tie"]) == sorted([words["id"], picture["id"]]) and tied["proposed"] is None
            refused(ann.act("next", round=round_), "bad_request")  # choose together first
            ok(bo.act("agree", response=picture["id"]))
        else:
            ok(drawer.act("respond", text=f"Answer {number}", round=round_, **extra))
            answer = ann.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]
            assert answer["text"] == f"Answer {number}"
            ok(drawer.act("vote", response=answer["id"], **extra))
            assert ann.wait_for(lambda v: v["table"]["proposed"])["table"]["proposed"] == answer["id"]
            ok(bo.act("next", round=round_))
            refused(ann.act("respond", text="Too late", round=round_), "wrong_stage")  # never lands on the next card
        note = ann.wait_for(lambda v: len([n for n in v["table"]["notes"] if n["kind"] == "agreed"]) == number)
        agreed = [n for n in note["table"]["notes"] if n["kind"] == "agreed"][-1]
        assert agreed["card"] == card["id"] and agreed["card_text"] == f"A card about {card['outcome']}, told by a {card['perspective']}."
        agreed_how.append(agreed["how"])
    assert agreed_how == ["chosen"] + ["votes"] * 9
    assert sorted(c["id"] for c in played) == sorted(f"{o}-{s}" for o in OUTCOMES for s in SIDES[:2])

    for person in (ann, bo):  # every tablemate holds the whole path, met
        board = person.wait_for(lambda v: v["table"]["board"]["met"] == 5)["table"]["board"]
        assert board["needed"] == 2 and board["complete"] is True
        for spot in board["outcomes"]:
            assert {"id", "name", "easy", "icon", "statement", "tiles", "met"} <= set(spot)
            assert spot["met"] is True and spot["statement"] == f"I have {spot['id']}."
            assert sorted(spot["tiles"], key=lambda t: t["card"]) == [
                {"perspective": "carer", "card": f"{spot['id']}-carer"}, {"perspective": "person", "card": f"{spot['id']}-person"},
            ]  # fmt: skip
    view = host.wait_for(lambda v: v["tables"][0]["board"]["met"] == 5)
    assert view["tables"][0]["board"]["complete"] is True and view["tables"][1]["board"]["met"] == 0
    voice = view["voice"]
    assert set(voice) >= {"room", "tables"} and set(voice["tables"]) == {t["id"] for t in view["tables"]}
    at_table = voice["tables"]["t1"]
    assert {side: at_table[side]["people"] for side in SIDES} == {"person": 1, "carer": 1, "support_worker": 1}
    assert sum(c["responses"] for c in at_table.values()) == 11 and sum(c["votes"] for c in at_table.values()) == 11
    assert sum(c["agreed"] for c in at_table.values()) == 10
    assert at_table["support_worker"]["responses"] >= 1  # words entered `for` Cy count for Cy
    assert voice["room"]["carer"] == at_table["carer"]
    assert isinstance(voice["sentences"]["room"], list) and "t1" in voice["sentences"]["tables"]

    export = requests.get(f"{server.url}/api/rooms/{room['code']}/export.json", headers=bearer(room["host_key"]), timeout=10)
    kinds = [e["type"] for e in export.json()["events"]]
    assert kinds.count("tile_placed") == 10 and kinds.count("outcome_met") == 5 and kinds.count("path_complete") == 1
    assert kinds.count("round_tied") == 1


def test_poets_corner_takes_one_line_per_person_after_a_reflection_card(server, connect):
    room = create(server, deck_toml=deck_toml("reflection", "acceptance-poem"))
    host = hosting(connect, room)
    ann, bo = seated(connect, room["code"], "Ann", "person"), seated(connect, room["code"], "Bo", "carer")
    assert ann.view["table"]["poem_card"] is None and ann.view["table"]["poem_for"] is None
    ok(host.act("start"))
    turn = ann.wait_for(lambda v: v["table"]["turn"])["table"]["turn"]
    ok((ann if turn == ann.player_id else bo).act("draw"))
    table = bo.wait_for(lambda v: v["table"]["card"] and v["table"]["poem_card"])["table"]
    assert table["card"]["type"] == "reflection" and table["poem_card"] == table["card"]["id"]
    assert table["poem_for"] == table["card"]  # the card's words, for Poet's Corner
    ok(ann.act("poem", text="A kind word opens a door."))
    refused(ann.act("poem", text="And another."), "bad_request")  # one line per person per card
    refused(bo.act("poem", text="x" * 121), "too_long")
    poem = bo.wait_for(lambda v: v["table"]["poem"])["table"]["poem"]
    assert [(l["text"], l["author"], l["perspective"], l["card"]) for l in poem] == [
        ("A kind word opens a door.", ann.player_id, "person", table["card"]["id"])
    ]


# --- the action plan and the follow-up (issue 18) --------------------------------------------
def test_pledges_make_the_plan_and_a_follow_up_looks_back_at_it(server, connect):
    spring = create(server, deck="everyday-lives")
    host = hosting(connect, spring)
    ann = seated(connect, spring["code"], "Ann", "person")
    ok(host.act("start"))
    refused(ann.act("pledge", text="Too soon"), "wrong_stage")
    ok(host.act("stage", stage="pledge"))
    ann.wait_for(lambda v: v["table"]["stage"] == "pledge")
    ok(ann.act("pledge", text="I will ring the GP", by="2026-04-30", who="Ann's sister"))
    pledge = ann.wait_for(lambda v: v["table"]["pledges"])["table"]["pledges"][0]
    assert (pledge["by"], pledge["who"]) == ("2026-04-30", "Ann's sister")
    refused(ann.act("pledge", text="Bad date", by="30/04/2026"), "bad_request")
    plan = host.wait_for(lambda v: v["plan"]["actions"])["plan"]
    (action,) = plan["actions"]
    assert action["id"] == pledge["id"] and action["text"] == "I will ring the GP"
    assert (action["owner"], action["due"], action["status"], action["progress"]) == ("Ann's sister", "2026-04-30", "open", [])
    assert action["from"]["kind"] == "pledge" and action["from"]["table"] == "t1"

    url = f"{server.url}/api/rooms/{spring['code']}/plan"
    got = requests.get(url, headers=bearer(spring["host_key"]), timeout=5)
    assert got.status_code == 200 and got.json() == plan
    for headers in (bearer("not-the-key"), {}):
        assert requests.get(url, headers=headers, timeout=5).status_code == 403
    assert requests.get(f"{server.url}/api/rooms/BCDFGH/plan", headers=bearer(spring["host_key"]), timeout=5).status_code == 403
    key = bearer(spring["host_key"])
    added = requests.post(url, json={"text": "Share the notes", "owner": "Bo", "due": "2026-05-01"}, headers=key, timeout=5)
    assert added.status_code == 201 and added.json()["action"]["owner"] == "Bo"
    ok(host.act("end"))
    patched = requests.patch(
        f"{url}/{action['id']}", json={"status": "started", "progress": "Rang once"}, headers=bearer(spring["host_key"]), timeout=5
    )  # after the end: the plan stays open
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["ok"] is True and body["n"] > 0 and body["action"]["status"] == "started"
    assert body["action"]["progress"][0]["text"] == "Rang once" and body["action"]["progress"][0]["at"]
    assert requests.patch(f"{url}/nope", json={"status": "done"}, headers=bearer(spring["host_key"]), timeout=5).status_code == 404
    assert requests.patch(f"{url}/{action['id']}", json={"status": "finished"}, headers=key, timeout=5).status_code == 400
    assert requests.patch(f"{url}/{action['id']}", json={"status": "done"}, headers=bearer("wrong"), timeout=5).status_code == 403
    assert host.wait_for(lambda v: v["plan"]["actions"][0]["status"] == "started")["room"]["ended"] is True

    assert create(server, expect=403, follows=spring["code"], follows_key="wrong")["error"]["code"] == "forbidden"
    assert create(server, expect=403, follows="BCDFGH", follows_key=spring["host_key"])["error"]["code"] == "forbidden"
    autumn = create(server, title="Autumn check-in", follows=spring["code"], follows_key=spring["host_key"])
    autumn_host = hosting(connect, autumn)
    cat = seated(connect, autumn["code"], "Cat", "carer")
    assert cat.view["room"]["follows"]["title"] == "Acceptance" and cat.view["room"]["deck"]["id"] == "everyday-lives"
    ok(autumn_host.act("start"))
    table = cat.wait_for(lambda v: v["table"]["stage"] == "look_back")["table"]
    assert cat.view["room"]["stage"] == "look_back"
    looked = {a["id"]: a for a in table["look_back"]}
    assert {"id", "text", "owner", "due", "status"} <= set(looked[action["id"]])
    assert (looked[action["id"]]["text"], looked[action["id"]]["status"]) == ("I will ring the GP", "started")
    refused(cat.act("draw"), "wrong_stage")
    ok(cat.act("review", action=action["id"], status="done", text="The GP rang back"))
    said = cat.wait_for(lambda v: v["table"]["look_back"][0]["said"])["table"]["look_back"]
    assert next(a for a in said if a["id"] == action["id"])["status"] == "done"
    refused(cat.act("review", action=action["id"], status="finished", text=""), "bad_request")
    deadline = time.monotonic() + 5
    while True:  # the earlier workshop's plan hears it, "said at" the follow-up
        earlier = requests.get(url, headers=bearer(spring["host_key"]), timeout=5).json()["actions"][0]
        if earlier["status"] == "done" or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert earlier["status"] == "done"
    assert earlier["progress"][-1]["said_at"] == "Autumn check-in" and earlier["progress"][-1]["text"] == "The GP rang back"
    ok(autumn_host.act("stage", stage="play"))
    assert cat.wait_for(lambda v: v["table"]["stage"] == "play")["table"]["turn"] == cat.player_id


# --- spoken answers (issue 15) ---------------------------------------------------------------
def test_audio_upload_answers_and_refusals(server, connect):
    room, elsewhere = create(server, deck="everyday-lives"), create(server, deck="everyday-lives")
    host = hosting(connect, room)
    ann, bo = seated(connect, room["code"], "Ann", "person"), seated(connect, room["code"], "Bo", "carer")
    stranger = seated(connect, elsewhere["code"], "Sam", "manager")
    ok(host.act("start"))
    turn = ann.wait_for(lambda v: v["table"]["turn"])["table"]["turn"]
    ok((ann if turn == ann.player_id else bo).act("draw"))
    url = f"{server.url}/api/rooms/{room['code']}/audio"

    def upload(token, data, media_type="audio/webm", target=url):
        return requests.post(target, data=data, headers={"Content-Type": media_type, **bearer(token)}, timeout=10)

    for token, data, media_type, target, status in (
        (None, webm(2.0), "audio/webm", url, 403),
        (stranger.token, webm(2.0), "audio/webm", url, 403),
        (ann.token, webm(2.0), "audio/webm", f"{server.url}/api/rooms/BCDFGH/audio", 403),
        (ann.token, webm(2.0), "audio/ogg", url, 415),
        (ann.token, b"not a recording", "audio/webm", url, 415),
        (ann.token, b"\x1a\x45\xdf\xa3" + b"\0" * (1024 * 1024 + 10), "audio/webm", url, 413),
    ):
        answer = upload(token, data, media_type, target)
        assert answer.status_code == status, (status, answer.text)
        assert answer.json()["ok"] is False and answer.json()["error"]["message"]
    with sqlite3.connect(f"file:{server.db}?mode=ro", uri=True) as db:
        assert db.execute("SELECT COUNT(*) FROM audio WHERE room = ?", [room["code"]]).fetchone()[0] == 0

    sound = webm(3.0)
    made = upload(ann.token, sound)
    assert made.status_code == 201 and set(made.json()) == {"audio", "seconds"}
    clip = made.json()
    assert clip["seconds"] == pytest.approx(3.0, abs=0.1)
    ok(ann.act("respond", audio=clip["audio"], text="About the bus"))
    shown = bo.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]
    assert shown["audio"] == {"id": clip["audio"], "seconds": clip["seconds"]} and shown["text"] == "About the bus"
    refused(ann.act("respond", audio=clip["audio"]), "bad_request")  # a recording is used once
    for key, status in ((bo.token, 200), (room["host_key"], 200), (stranger.token, 403), (None, 403)):
        played = requests.get(f"{url}/{clip['audio']}", headers=bearer(key), timeout=5)
        assert played.status_code == status
        if status == 200:
            assert played.content == sound and played.headers["Content-Type"] == "audio/webm"


# --- the facilitator's controls (issues 11, 12, 14, 16, 17) -----------------------------------
def test_admit_cohosts_repeat_ids_and_the_big_screen(server, connect):
    room = create(server, deck="everyday-lives")
    host, screen = hosting(connect, room), connect()
    first = ok(screen.call("screen", {"code": room["code"]}))["view"]
    assert first["room"]["code"] == room["code"] and first["people"] == 0 and first["pledges"] == []
    refused(screen.act("pause"), "forbidden")  # a big screen controls nothing
    refused(connect().call("screen", {"code": "BCDFGH"}), "not_found")

    ok(host.act("settings", admit=True))
    host.wait_for(lambda v: v["room"]["admit"] is True)
    dee, eve = connect(), connect()
    ok(dee.join(room["code"], "Dee", "carer"))
    ok(eve.join(room["code"], "Eve", "manager"))
    refused(dee.act("sit", table="t1"), "waiting")
    waiting = host.wait_for(lambda v: len(v["waiting"]) == 2)["waiting"]
    assert {w["name"] for w in waiting} == {"Dee", "Eve"}
    assert not any(p["name"] in ("Dee", "Eve") for p in host.view["players"])
    ok(host.act("admit", player=dee.player_id))
    ok(host.act("turn_away", player=eve.player_id))
    eve.wait_until(lambda: eve.removed)
    ok(dee.act("sit", table="t1"))
    assert screen.wait_for(lambda v: v["people"] == 1)["joined"] == [{"perspective": "carer", "name": "a family carer", "count": 1}]
    assert "Dee" not in str(screen.view)  # the big screen names nobody

    command = {"id": str(uuid.uuid4()), "type": "more_time"}
    again = [ok(dee.call("act", command)) for _ in range(2)]
    assert again[0]["n"] == again[1]["n"]  # a re-sent id is done once
    assert [p["id"] for p in host.wait_for(lambda v: v["more_time"])["more_time"]] == [dee.player_id]

    added = ok(host.act("cohost_add", label="Sam"))
    assert isinstance(added["host_key"], str) and added["host_key"] != room["host_key"]
    cohost = connect()
    link = ok(cohost.host(room["code"], added["host_key"]))["link"]
    listed = host.wait_for(lambda v: v["cohosts"])["cohosts"]
    assert listed == [{"id": link, "label": "Sam", "revoked": False}]
    ok(cohost.act("pause"))
    refused(cohost.act("cohost_add"), "forbidden")  # only the main link adds or revokes
    ok(host.act("cohost_revoke", cohost=link))
    cohost.wait_until(lambda: cohost.removed)
    refused(connect().host(room["code"], added["host_key"]), "forbidden")
    assert host.wait_for(lambda v: v["cohosts"][0]["revoked"])["room"]["paused"] is True

    ok(host.act("add_table", count=248))  # 250 tables at most
    assert len(host.wait_for(lambda v: len(v["tables"]) == 250)["tables"]) == 250
    refused(host.act("add_table"), "bad_request")
    refused(host.act("add_table", count=0), "bad_request")


def test_a_practice_room_has_simulated_players_and_a_real_one_has_none(server, connect):
    practice = create(server, deck="everyday-lives", practice=True, simulated=2)
    host = hosting(connect, practice)
    assert host.view["practice"] == {"pace": "normal", "simulated": 2}
    ok(host.act("practice", pace="fast"))
    players = host.wait_for(lambda v: len(v["players"]) == 2, timeout=10)["players"]
    assert all(p["simulated"] is True for p in players) and len({p["perspective"] for p in players}) == 2
    me = seated(connect, practice["code"], "Fay", "carer", table="t2")
    mine = next(p for p in host.wait_for(lambda v: len(v["players"]) == 3)["players"] if p["id"] == me.player_id)
    assert "simulated" not in mine
    real = create(server, deck="everyday-lives")
    real_host = hosting(connect, real)
    assert real_host.view["practice"] is None
    refused(real_host.act("practice", pace="fast"), "bad_request")
