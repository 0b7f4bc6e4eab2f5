"""Over Socket.IO (in-process): a connection that asks for patches (`patches: true`) holds,
after every change, exactly the view a connection without them is sent whole: at a table,
after moving table, unseated, and on the host page. And the patches are small."""
import json
import time

import pytest


@pytest.fixture
def server(app_server):
    return app_server


def same(patched, whole) -> None:
    """Both hold the same newest view (`now` aside: a whole view for a newcomer is built a moment later)."""
    assert {**patched.view, "now": None} == {**whole.view, "now": None}


def test_a_round_played_with_patches_matches_the_whole_views(server, people):
    made = server.create_room()
    host = people()
    host.host(made["code"], made["host_key"])
    ann, bo = people(patches=True), people()
    cy = people(patches=True)
    for person, name in ((ann, "Ann"), (bo, "Bo"), (cy, "Cy")):
        assert person.join(made["code"], name)["ok"]
    assert ann.patches[0]["view"]["table"] is None  # the whole view first: not yet seated
    for person in (ann, bo, cy):
        assert person.act("sit", table="t1")["ok"]
    seated = max(i for i, m in enumerate(ann.patches) if "view" in m)
    assert seated > 0 and ann.patches[seated]["view"]["table"]["id"] == "t1"  # sitting down: the table's whole view
    assert host.act("start")["ok"]
    bo.wait_for(lambda v: v["room"]["stage"] == "play")
    same(ann, bo), same(cy, bo)
    turn = {p.player_id: p for p in (ann, bo, cy)}[bo.view["table"]["turn"]]
    assert turn.act("draw")["ok"]
    assert ann.act("respond", text="Ask what matters to them")["ok"]
    assert bo.act("respond", text="Check the plan with them")["ok"]
    answer = bo.wait_for(lambda v: len(v["table"]["responses"]) == 2)["table"]["responses"][0]
    same(ann, bo), same(cy, bo)
    for person in (ann, bo, cy):
        assert person.act("vote", response=answer["id"])["ok"]
        same(ann, bo)
    assert turn.act("next")["ok"]
    bo.wait_for(lambda v: v["table"]["card"] is None and v["table"]["notes"])
    same(ann, bo), same(cy, bo)
    assert ann.view["table"]["notes"][-1]["text"] == "Ask what matters to them"
    assert all("ops" in m for m in ann.patches[seated + 1 :])  # from then on only changes


def test_patches_are_a_small_part_of_the_view(server, people):
    made = server.create_room()
    ann, bo = people(patches=True), people()
    for person, name in ((ann, "Ann"), (bo, "Bo")):
        person.join(made["code"], name)
        person.act("sit", table="t1")
    host = people()
    host.host(made["code"], made["host_key"])
    host.act("start")
    turn = ann if bo.view["table"]["turn"] == ann.player_id else bo
    turn.act("draw")
    ann.act("respond", text="Ask what matters to them")
    bo.wait_for(lambda v: len(v["table"]["responses"]) == 1)
    before = len(ann.patches)
    assert bo.act("respond", text="Check the plan with them")["ok"]
    bo.wait_for(lambda v: len(v["table"]["responses"]) == 2)
    patch = ann.patches[before:]
    assert len(patch) == 1
    sent, whole = len(json.dumps(patch[0])), len(json.dumps(bo.view))
    assert sent * 8 < whole, (sent, whole)
    assert ["add", ["table", "responses"]] in [op[:2] for op in patch[0]["ops"]]
    same(ann, bo)


def test_moving_table_starts_again_from_the_new_tables_whole_view(server, people):
    made = server.create_room()
    host = people()
    host.host(made["code"], made["host_key"])
    ann, bo, cy = people(patches=True), people(), people()
    for person, name, table in ((ann, "Ann", "t1"), (bo, "Bo", "t1"), (cy, "Cy", "t2")):
        person.join(made["code"], name)
        person.act("sit", table=table)
    assert host.act("move", player=ann.player_id, table="t2")["ok"]
    cy.wait_for(lambda v: ann.player_id in [p["id"] for p in v["table"]["players"]])
    assert ann.patches[-1]["view"]["table"]["id"] == "t2"  # a whole view on arrival
    same(ann, cy)
    assert cy.act("sit", table="t2")["ok"]  # already there: nothing changes, nothing breaks
    host.act("start")
    cy.wait_for(lambda v: v["room"]["stage"] == "play")
    same(ann, cy)


def test_a_host_page_with_patches_holds_the_same_host_view(server, people):
    made = server.create_room()
    whole, patched = people(), people(patches=True)
    whole.host(made["code"], made["host_key"])
    patched.host(made["code"], made["host_key"])
    assert patched.patches[0]["view"]["tables"]
    ann = people()
    ann.join(made["code"], "Ann")
    ann.act("sit", table="t2")
    assert whole.act("start")["ok"]
    whole.wait_for(lambda v: v["room"]["stage"] == "play" and v["tables"][1]["players"])
    patched.wait_for(lambda v: v["room"]["stage"] == "play" and v["tables"][1]["players"])
    same(patched, whole)


def test_joining_again_on_the_same_connection_gives_a_fresh_whole_view(server, people):
    made = server.create_room()
    ann, bo = people(patches=True), people()
    ann.join(made["code"], "Ann")
    bo.join(made["code"], "Bo")
    ann.act("sit", table="t1")
    bo.act("sit", table="t1")
    assert ann.call("join", {"code": made["code"], "token": ann.token, "patches": True})["ok"]
    assert "view" in ann.patches[-1]
    assert bo.act("respond", text="hello")["error"]["code"] == "wrong_stage"  # still the lobby
    assert bo.act("sit", table="t2")["ok"]
    ann.wait_for(lambda v: [p["id"] for p in v["table"]["players"]] == [ann.player_id])
    assert ann.view["table"]["id"] == "t1"


def test_newcomers_get_the_view_the_others_hold_without_a_patch_to_everyone(server, people):
    made = server.create_room()
    ann = people(patches=True)
    ann.join(made["code"], "Ann")
    for name in ("Bo", "Cy", "Di"):
        newcomer = people(patches=True)
        assert newcomer.join(made["code"], name)["ok"]
        assert newcomer.patches[0]["v"] == ann.patches[0]["v"]  # the same view, the same version
    assert len(ann.patches) == 1  # the lobby did not change: nothing sent


def test_a_connection_that_joins_again_as_someone_else_hears_only_about_where_it_is_now(server, people):
    made = server.create_room()
    host, both = people(), people(patches=True)
    host.host(made["code"], made["host_key"])
    assert both.host(made["code"], made["host_key"])["ok"]
    assert both.join(made["code"], "Eve")["ok"]  # the same connection, now a participant
    both.act("sit", table="t1")
    assert host.act("start")["ok"]
    host.act("pause")
    both.wait_for(lambda v: v["room"]["paused"])
    host.wait_for(lambda v: v["room"]["paused"])
    assert all("players" not in m.get("view", {}) for m in both.patches[-2:])  # no host view since
    assert "table" in both.view and both.view["table"]["id"] == "t1"


def test_other_tables_hear_who_sits_where_a_moment_later(server, people):
    """"Change table" shows how many sit at each table: the rules name only the tables a
    seat touched, so the others are sent the new list of tables shortly after."""
    made = server.create_room()
    ann, bo, cy = people(patches=True), people(), people(patches=True)
    for person, name in ((ann, "Ann"), (bo, "Bo"), (cy, "Cy")):
        assert person.join(made["code"], name)["ok"]
    assert ann.act("sit", table="t1")["ok"] and bo.act("sit", table="t1")["ok"]
    assert cy.act("sit", table="t2")["ok"]

    def seated_at_t2(view):
        return next(t["seated"] for t in view["tables"] if t["id"] == "t2") == 1

    ann.wait_for(seated_at_t2, timeout=5)  # as patches
    bo.wait_for(seated_at_t2, timeout=5)  # as a whole view
    sent = len(ann.patches)
    time.sleep(1.5)  # nothing more changed: nothing more is sent
    assert len(ann.patches) == sent
