"""Listen, act, learn, through the server: pledges in a first workshop make its action plan
(kept up to date over HTTP, also after the end); a follow-up opened with the first one's
host key looks back at it, a table marks a pledge done, and the first workshop's plan, both
workshops' exports and the organiser's series report all show it."""
from __future__ import annotations

import re

import pytest

from .inprocess import InProcessServer

PASSWORD = "plan ahead, look back"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = InProcessServer(str(tmp_path_factory.mktemp("followup") / "f.db"), ADMIN_PASSWORD=PASSWORD)
    yield server
    server.stop()


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def seated(site, code, name, perspective="carer", table=0):
    person = site.participant()
    assert person.join(code, name, perspective)["ok"]
    tables = [t["id"] for t in person.view["tables"]]
    assert person.act("sit", table=tables[table])["ok"]
    return person


@pytest.fixture(scope="module")
def spring(site):
    """The first workshop: two pledges, one with who and by when; then it ends."""
    made = site.create_room("Spring workshop")
    host = site.participant()
    assert host.host(made["code"], made["host_key"])["ok"]
    ann, bo = seated(site, made["code"], "Ann"), seated(site, made["code"], "Bo", "manager", table=1)
    assert host.act("start")["ok"] and host.act("stage", stage="pledge", table=None)["ok"]
    assert ann.act("pledge", text="I will ring Mum's GP", by="2026-04-30")["ok"]
    assert bo.act("pledge", text="I will fix the rota", who="The rota team")["ok"]
    plan = host.wait_for(lambda v: len(v["plan"]["actions"]) == 2)["plan"]
    made.update(host=host, people=(ann, bo), actions=[a["id"] for a in plan["actions"]])
    return made


def test_every_pledge_is_on_the_plan_that_the_host_key_reads(site, spring):
    answer = site.http.get(f"/api/rooms/{spring['code']}/plan", headers=bearer(spring["host_key"]))
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    ring, rota = answer.json()["actions"]
    assert (ring["text"], ring["owner"], ring["due"], ring["status"]) == ("I will ring Mum's GP", "Ann", "2026-04-30", "open")
    assert (rota["owner"], rota["from"]["kind"], rota["from"]["table_name"]) == ("The rota team", "pledge", "Table 2")


def test_a_wrong_key_or_an_unknown_room_is_refused_like_the_exports(site, spring):
    url = f"/api/rooms/{spring['code']}/plan"
    for answer in (
        site.http.get(url),
        site.http.get(url, headers=bearer("not-the-key")),
        site.http.get("/api/rooms/BBBBBB/plan", headers=bearer(spring["host_key"])),
        site.http.patch(f"{url}/{spring['actions'][0]}", headers=bearer("nope"), json={"status": "done"}),
        site.http.get(f"/api/rooms/{spring['code']}/export.md", headers=bearer("not-the-key")),
    ):
        assert (answer.status_code, answer.json()["error"]["code"]) == (403, "forbidden")


@pytest.mark.parametrize("body, status, code", [
    ({"status": "finished"}, 400, "bad_request"), ({"due": "next week"}, 400, "bad_request"), ([], 400, "bad_request"),
    ({"colour": "red"}, 400, "bad_request"), ({"progress": "x" * 501}, 400, "too_long"), ({}, 400, "bad_request"),
])  # fmt: skip
def test_bad_changes_get_a_400_with_a_message(site, spring, body, status, code):
    answer = site.http.patch(f"/api/rooms/{spring['code']}/plan/{spring['actions'][0]}", headers=bearer(spring["host_key"]), json=body)
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code)
    assert answer.json()["error"]["message"]


def test_the_plan_stays_open_after_the_end_and_open_host_pages_hear(site, spring):
    code, key, host = spring["code"], spring["host_key"], spring["host"]
    assert host.act("end")["ok"]
    assert spring["people"][0].act("pledge", text="Too late")["error"]["code"] == "ended"
    rota = spring["actions"][1]
    answer = site.http.patch(f"/api/rooms/{code}/plan/{rota}", headers=bearer(key), json={"status": "started", "progress": "Draft shared"})
    assert answer.status_code == 200 and answer.json()["action"]["status"] == "started"
    assert answer.json()["action"]["progress"][0]["text"] == "Draft shared"
    host.wait_for(lambda v: v["plan"]["actions"][1]["status"] == "started")
    added = site.http.post(f"/api/rooms/{code}/plan", headers=bearer(key), json={"text": "Share the notes", "owner": "Facilitator"})
    assert added.status_code == 201 and added.json()["action"]["owner"] == "Facilitator"
    assert site.http.patch(f"/api/rooms/{code}/plan/a999", headers=bearer(key), json={"status": "done"}).status_code == 404


def test_a_follow_up_needs_the_earlier_key_or_the_organiser_password(site, spring):
    tries = [{"follows_key": "wrong"}, {"follows_password": "wrong"}, {}]
    for extra in tries:
        answer = site.http.post("/api/rooms", json={"title": "Summer", "follows": spring["code"], **extra})
        assert (answer.status_code, answer.json()["error"]["code"]) == (403, "forbidden")
    unknown = site.http.post("/api/rooms", json={"title": "Summer", "follows": "BBBBBB", "follows_key": spring["host_key"]})
    assert unknown.status_code == 403
    by_password = site.create_room("Autumn check-in", deck=None, follows=spring["code"], follows_password=PASSWORD)
    assert by_password["code"] != spring["code"]


@pytest.fixture(scope="module")
def summer(site, spring):
    """The follow-up, opened with the first workshop's host key: Cy's table looks back and
    says Ann's pledge is done."""
    made = site.create_room("Summer review", deck=None, follows=spring["code"], follows_key=spring["host_key"])
    host = site.participant()
    assert host.host(made["code"], made["host_key"])["ok"]
    cy = seated(site, made["code"], "Cy", "support_worker")
    assert host.act("start")["ok"]
    made["first_view"] = cy.wait_for(lambda v: v["table"]["stage"] == "look_back")
    ring = next(a for a in made["first_view"]["table"]["look_back"] if a["text"] == "I will ring Mum's GP")
    assert cy.act("review", action=ring["id"], status="done", text="She rings every Friday")["ok"]
    made["after"] = cy.view
    yield made
    host.close()
    cy.close()


def test_the_follow_up_looks_back_at_the_first_plan(summer):
    view = summer["first_view"]
    assert view["room"]["follows"]["title"] == "Spring workshop"
    ring = next(a for a in view["table"]["look_back"] if a["text"] == "I will ring Mum's GP")
    assert (ring["owner"], ring["due"], ring["status"]) == ("Ann", "2026-04-30", "open")
    assert summer["after"]["table"]["look_back"][0]["status"] == "done"


def test_what_the_follow_up_said_is_on_the_first_plan_and_in_both_exports(site, spring, summer):
    spring["host"].wait_for(lambda v: v["plan"]["actions"][0]["status"] == "done")  # the earlier room's host page hears
    first = site.http.get(f"/api/rooms/{spring['code']}/plan", headers=bearer(spring["host_key"])).json()["actions"][0]
    assert first["status"] == "done"
    assert [(p["text"], p["said_at"]) for p in first["progress"]] == [("She rings every Friday", "Summer review")]
    earlier_report = site.http.get(f"/api/rooms/{spring['code']}/export.md", headers=bearer(spring["host_key"])).text
    assert "## Action plan" in earlier_report and "She rings every Friday (said at Summer review)" in earlier_report
    later_report = site.http.get(f"/api/rooms/{summer['code']}/export.md", headers=bearer(summer["host_key"])).text
    assert "## Looking back at Spring workshop" in later_report and "Table 1: Done — She rings every Friday" in later_report
    summary = site.http.get(f"/api/rooms/{spring['code']}/summary.html", headers=bearer(spring["host_key"]))
    assert summary.status_code == 200 and "Done: <strong>1</strong>" in summary.text
    assert "default-src 'none'" in summary.text


def organiser(site):
    browser = site.app.test_client()
    token = re.search(r'name="csrf" value="([^"]+)"', browser.get("/organise").get_data(as_text=True)).group(1)
    assert browser.post("/organise/login", data={"password": PASSWORD, "csrf": token}).status_code == 303
    return browser


def test_the_series_shows_on_the_organisers_page_and_exports_as_one_report(site, spring, summer):
    assert site.app.test_client().get("/organise/series").status_code == 303  # not signed in
    browser = organiser(site)
    page = browser.get("/organise/series").get_data(as_text=True)
    assert "Spring workshop" in page and "Summer review" in page
    assert page.index("Spring workshop") < page.index("Summer review")  # in order
    assert re.search(r"Done: <strong>[1-9]</strong>", page)
    report = browser.get(f"/organise/series/{spring['code']}.md").get_data(as_text=True)
    assert "I will ring Mum's GP" in report and "She rings every Friday (said at Summer review)" in report
    assert re.search(r"\*\*Actions:\*\* [1-9]\d* not started yet, \d+ started, [1-9]\d* done", report)
    for fmt in ("csv", "docx"):
        answer = browser.get(f"/organise/series/{spring['code']}.{fmt}")
        assert answer.status_code == 200 and len(answer.data) > 100
    assert "done" in browser.get(f"/organise/series/{spring['code']}.csv").get_data(as_text=True)
    assert browser.get("/organise/series/BBBBBB.md").status_code == 404
    assert browser.get(f"/api/rooms/{spring['code']}/plan").status_code == 200  # the organiser needs no key
