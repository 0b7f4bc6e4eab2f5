"""A workshop played over real Socket.IO connections to the real server process."""
import pytest

@pytest.fixture
def server(app_server):
    return app_server


NAMES = [("Ann", "person"), ("Bo", "carer"), ("Cy", "manager"), ("Di", "support_worker"), ("Ed", "health"), ("Fi", "commissioner")]


def test_health_and_decks(server):
    assert server.http.get(server.url + "/healthz").json() == {"ok": True}
    decks = server.http.get(server.url + "/api/decks").json()
    assert {"id", "title", "cards", "language"} <= set(decks[0])
    assert any(d["id"] == "everyday-lives" for d in decks)


def test_create_room_returns_code_key_and_links(server):
    room = server.create_room("Winter pressures")
    assert len(room["code"]) == 6
    assert room["join_url"].endswith("/j/" + room["code"])
    assert room["host_url"].endswith("#key=" + room["host_key"])


def test_two_tables_of_three_play_a_full_round(server, people):
    room = server.create_room()
    host = people()
    assert host.host(room["code"], room["host_key"])["ok"]
    players = []
    for i, (name, perspective) in enumerate(NAMES):
        person = people()
        assert person.join(room["code"], name, perspective)["ok"]
        assert person.act("sit", table="t1" if i < 3 else "t2")["ok"]
        players.append(person)
    assert host.act("start")["ok"]
    for table, group in (("t1", players[:3]), ("t2", players[3:])):
        first, second, third = group
        view = first.wait_for(lambda v: v["table"]["turn"] == first.player_id)
        assert view["room"]["stage"] == "play"
        assert first.act("draw")["ok"]
        cards = [p.wait_for(lambda v: v["table"]["card"])["table"]["card"] for p in group]
        assert len({c["id"] for c in cards}) == 1 and cards[0]["text"]
        assert second.act("respond", text=f"Ask what matters to them ({table})")["ok"]
        assert third.act("respond", text=f"Check the care plan ({table})")["ok"]
        response = third.wait_for(lambda v: len(v["table"]["responses"]) == 2)["table"]["responses"][0]
        for person in group:
            assert person.act("vote", response=response["id"])["ok"]
        assert second.act("next")["ok"]
        for person in group:
            view = person.wait_for(lambda v: v["table"]["card"] is None and v["table"]["notes"])
            assert view["table"]["notes"][-1]["text"] == f"Ask what matters to them ({table})"
            assert view["table"]["turn"] == second.player_id
    host_view = host.wait_for(lambda v: all(t["notes"] for t in v["tables"]))
    assert len(host_view["players"]) == 6


def test_resending_the_same_action_id_does_it_once(server, people):
    room = server.create_room()
    host, ann = people(), people()
    host.host(room["code"], room["host_key"])
    ann.join(room["code"], "Ann")
    ann.act("sit", table="t1")
    host.act("start")
    ann.act("draw")
    command = {"id": "same-id-1", "type": "respond", "text": "only once"}
    first, second = ann.call("act", command), ann.call("act", command)
    assert first == second and first["ok"]
    view = ann.wait_for(lambda v: v["table"]["responses"])
    assert [r["text"] for r in view["table"]["responses"]] == ["only once"]


def test_rejoining_with_the_token_is_the_same_person(server, people):
    room = server.create_room()
    ann = people()
    ann.join(room["code"], "Ann", "carer")
    ann.act("sit", table="t2")
    ann.close()
    again = people()
    ack = again.call("join", {"code": room["code"].lower(), "token": ann.token})
    assert ack["ok"] and ack["player_id"] == ann.player_id
    assert ack["view"]["table"]["id"] == "t2"
    assert [p["name"] for p in ack["view"]["table"]["players"]] == ["Ann"]


def test_presence_is_shown_to_the_table(server, people):
    room = server.create_room()
    ann, bo = people(), people()
    ann.join(room["code"], "Ann")
    ann.act("sit", table="t1")
    bo.join(room["code"], "Bo")
    bo.act("sit", table="t1")
    ann.wait_for(lambda v: [p["connected"] for p in v["table"]["players"]] == [True, True])
    bo.close()
    ann.wait_for(lambda v: [p["connected"] for p in v["table"]["players"]] == [True, False])


def test_unseated_people_see_the_tables_to_choose_from(server, people):
    room = server.create_room()
    ann = people()
    view = ann.join(room["code"], "Ann")["view"]
    assert view["table"] is None
    assert [t["name"] for t in view["tables"]] == ["Table 1", "Table 2"]


def test_qr_code_is_an_svg_of_the_join_link(server):
    room = server.create_room()
    response = server.http.get(f"{server.url}/api/rooms/{room['code']}/qr.svg")
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in response.content
    assert server.http.get(f"{server.url}/api/rooms/BCDFGH/qr.svg").status_code == 404
