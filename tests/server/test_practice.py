"""A practice room, to the end: simulated players join, play, reflect and pledge at the
pace the facilitator sets, through the same rules and log; the export marks their lines."""
from __future__ import annotations

import json

import pytest

from server.game.practice import NOTES, PLEDGES

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def server(app_server):
    yield app_server
    app_server.app.extensions["inourshoes_practice"].due.clear()  # rooms left over stop now


def agreed(view):
    return [n for t in view["tables"] for n in t["notes"] if n["kind"] == "agreed"]


def test_a_practice_room_plays_to_the_end_and_the_export_marks_it(server, people):
    room = server.create_room("Practice run", "everyday-lives", practice=True, simulated=4, run_sheet={"minutes": 60})
    host, screen = people(), people()
    assert host.host(room["code"], room["host_key"])["ok"]
    assert host.act("practice", pace="fast")["ok"]
    first = screen.call("screen", {"code": room["code"]})
    assert first["ok"] and first["view"]["room"]["practice"] is True

    view = host.wait_for(lambda v: sum(1 for p in v["players"] if p.get("table")) == 4, timeout=10)
    bots = view["players"]
    assert all(p["simulated"] and p["connected"] for p in bots)
    assert len({p["perspective"] for p in bots}) == 4
    assert view["practice"] == {"pace": "fast", "simulated": 4}

    assert host.act("start")["ok"]
    view = host.wait_for(lambda v: len(agreed(v)) >= 4, timeout=20)
    assert {n["author"] for n in agreed(view)} <= {p["id"] for p in bots}

    # every host control behaves as on the day: pause stops them, a skip is a skip
    assert host.act("practice", pace="paused")["ok"]
    paused_at = host.wait_for(lambda v: v["practice"]["pace"] == "paused")["n"]
    assert host.act("stage", stage="reflect")["ok"]
    assert host.act("practice", pace="fast")["ok"]
    view = host.wait_for(lambda v: sum(len(t["notes"]) for t in v["tables"]) >= len(agreed(v)) + 4, timeout=10)
    assert view["n"] > paused_at
    reflections = [n for t in view["tables"] for n in t["notes"] if n["kind"] != "agreed"]
    assert {n["text"] for n in reflections} <= {line for lines in NOTES.values() for line in lines}

    assert host.act("stage", stage="pledge")["ok"]
    view = host.wait_for(lambda v: sum(len(t["pledges"]) for t in v["tables"]) == 4, timeout=10)
    assert {p["text"] for t in view["tables"] for p in t["pledges"]} <= set(PLEDGES)
    wall = screen.wait_for(lambda v: "pledges" in v and len(v["pledges"]) == 4, timeout=5)
    assert not any(p["name"] in json.dumps(wall) for p in bots)  # the big screen names nobody
    assert host.act("end")["ok"]

    export = server.http.get(
        f"{server.url}/api/rooms/{room['code']}/export.md", headers={"Authorization": f"Bearer {room['host_key']}"}
    )
    assert export.status_code == 200
    assert "a simulated practice player" in export.text
    assert f"{bots[0]['name']}, a simulated practice player" in export.text
    made = {p["text"] for t in view["tables"] for p in t["pledges"]}  # chosen at random from PLEDGES
    assert all(text in export.text for text in made), made
    csv = server.http.get(
        f"{server.url}/api/rooms/{room['code']}/export.csv", headers={"Authorization": f"Bearer {room['host_key']}"}
    )
    assert "a simulated practice player" in csv.text


def test_practice_rooms_stay_out_of_the_directory_and_real_rooms_get_no_simulated_players(server, people):
    practice = server.create_room("Practice only", practice=True, simulated=1)
    real = server.create_room("A real one")
    store = server.app.extensions["inourshoes"].store
    assert practice["code"] not in {r["code"] for r in store.rooms()}
    assert practice["code"] in {r["code"] for r in store.rooms(practice=True)}
    assert real["code"] in {r["code"] for r in store.rooms()}
    host = people()
    assert host.host(real["code"], real["host_key"])["ok"]
    assert host.act("practice", pace="fast")["error"]["code"] == "bad_request"
    assert host.act("simulate", name="Amira", perspective="person")["error"]["code"] == "forbidden"
    for bad in ({"simulated": 3}, {"practice": True, "simulated": 0}, {"practice": True, "simulated": 13},
                {"practice": "yes"}, {"run_sheet": {"minutes": 45}}, {"run_sheet": "long"}):  # fmt: skip
        answer = server.http.post(f"{server.url}/api/rooms", json={"title": "T", "deck": "everyday-lives", **bad})
        assert answer.status_code == 400, bad
        assert answer.json()["error"]["message"]


def test_practice_rooms_are_deleted_after_a_day(server):
    from datetime import datetime, timedelta, timezone

    from server.organise import purge_practice

    room = server.create_room("Old practice", practice=True, simulated=1)
    services = server.app.extensions["inourshoes"]
    assert room["code"] not in purge_practice(services)
    assert room["code"] in purge_practice(services, now=datetime.now(timezone.utc) + timedelta(hours=25))
    assert services.rooms.get(room["code"]) is None


def test_the_screen_needs_a_real_code_and_can_do_nothing(server, people):
    room = server.create_room("Screen")
    screen = people()
    assert screen.call("screen", {"code": "BCDFGH"})["error"]["code"] == "not_found"
    assert screen.call("screen", {"code": room["code"]})["ok"]
    assert screen.act("start")["error"]["code"] == "forbidden"
    assert screen.act("broadcast", text="hi")["error"]["code"] == "forbidden"
    tries = [screen.call("screen", {"code": room["code"]}) for _ in range(10)]
    assert tries[-1]["error"]["code"] == "rate_limited"  # like join: 10 a minute per connection


def test_the_run_sheet_prints_for_the_host_key_only(server):
    room = server.create_room("Ninety", run_sheet={"steps": [{"step": "welcome", "minutes": 5, "say": "Hello <b>all</b>"},
                                                             {"step": "play", "minutes": 40}]})  # fmt: skip
    url = f"{server.url}/api/rooms/{room['code']}/run-sheet.html"
    page = server.http.get(url, headers={"Authorization": f"Bearer {room['host_key']}"})
    assert page.status_code == 200 and "0:05–0:45" in page.text
    assert "Hello &lt;b&gt;all&lt;/b&gt;" in page.text and "<script" not in page.text
    assert server.http.get(url).status_code == 403
    plain = server.create_room("No sheet")
    answer = server.http.get(f"{server.url}/api/rooms/{plain['code']}/run-sheet.html",
                             headers={"Authorization": f"Bearer {plain['host_key']}"})  # fmt: skip
    assert answer.status_code == 404


def test_after_a_restart_the_simulated_players_play_on(tmp_path):
    from tests.server.inprocess import InProcessServer

    first = InProcessServer(str(tmp_path / "restart.db"))
    room = first.create_room("Before the restart", practice=True, simulated=2)
    ended = first.create_room("Ended practice", practice=True, simulated=1)
    host = first.participant()
    assert host.host(ended["code"], ended["host_key"])["ok"] and host.act("end")["ok"]
    host.close()
    first.app.extensions["inourshoes_practice"].due.clear()  # this process stops driving them
    first.stop()
    again = InProcessServer(str(tmp_path / "restart.db"))
    loop = again.app.extensions["inourshoes_practice"]
    assert room["code"] in loop.due and ended["code"] not in loop.due
    loop.due.clear()
    again.stop()
