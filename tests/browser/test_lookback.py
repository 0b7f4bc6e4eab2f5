"""Listen, act, learn in a real browser: a follow-up workshop's table looks back at the first
workshop's plan and says a pledge is done (the first plan shows it), and the organiser sees
the two workshops as a series. Both screens pass axe-core and this project's own checks;
and the first workshop's facilitator keeps its plan up to date after the end and opens a
follow-up from the host page. Screenshots go to test-output/lookback-*.png, series-*.png
and host-plan-after-end.png."""
from __future__ import annotations

import re
from datetime import date

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_a11y import check
from tests.browser.test_host import open_moment
from tests.browser.test_play import join
from tests.conftest import ServerProcess
from tests.server.clients import Participant

PASSWORD = "listen act learn"


@pytest.fixture(scope="module")
def organised(tmp_path_factory):
    """A server of its own with the organiser's page on."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("INOURSHOES_ADMIN_PASSWORD", PASSWORD)
        proc = ServerProcess(tmp_path_factory.mktemp("lookback") / "lookback.db").start()
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def workshops(organised):
    """Spring (Ann pledges by the end of April; the host adds an action; it ends) and its
    follow-up, Summer review, with its facilitator connected."""
    spring = organised.create_room("Spring workshop")
    host = Participant(organised.url)
    assert host.host(spring["code"], spring["host_key"])["ok"]
    ann = Participant(organised.url)
    assert ann.join(spring["code"], "Ann", "carer")["ok"]
    assert ann.act("sit", table=host.view["tables"][0]["id"])["ok"]
    assert host.act("start")["ok"] and host.act("stage", stage="pledge", table=None)["ok"]
    assert ann.act("pledge", text="I will ring Mum's GP every week", by="2026-04-30")["ok"]
    assert host.act("plan_add", text="Ring people back within a day", owner="Duty manager")["ok"]
    assert host.act("end")["ok"]
    summer = organised.create_room("Summer review", deck=None, follows=spring["code"], follows_key=spring["host_key"])
    summer_host = Participant(organised.url)
    assert summer_host.host(summer["code"], summer["host_key"])["ok"]
    yield spring, summer, summer_host
    for client in (host, ann, summer_host):
        client.close()


def test_a_table_looks_back_and_marks_a_pledge_done(organised, workshops, new_page, output_dir):
    spring, summer, host = workshops
    page = join(new_page(width=1280, height=900), organised, summer["code"], "Priya", "person")
    assert host.act("start")["ok"]
    expect(page.get_by_role("heading", name="Looking back")).to_be_focused()
    expect(page.locator(".look-back .lead")).to_contain_text("Last time, at “Spring workshop”")
    item = page.locator(".look-back-item", has_text="I will ring Mum's GP every week")
    # not done and past its date (today, by this machine's calendar): the look back says so
    late = " (that date has passed)" if date.today() > date(2026, 4, 30) else ""
    expect(item).to_contain_text(f"Who: Ann · By: 30 April 2026{late} · From Table 1")
    expect(item.locator(".look-back-now")).to_have_text("Now: Not started yet")
    check(page, output_dir, "lookback")
    item.get_by_label("Done").check()
    item.get_by_label("In a few words").fill("She rings every Friday now")
    item.get_by_role("button", name="Say what happened").click()
    expect(item.get_by_role("status")).to_contain_text("Thank you. “Done” is on the plan.")
    expect(item.locator(".look-back-now")).to_have_text("Now: Done")
    expect(item.locator(".look-back-said")).to_contain_text("She rings every Friday now")
    other = page.locator(".look-back-item", has_text="Ring people back")
    other.get_by_role("button", name="Say what happened").click()
    expect(other.get_by_role("status")).to_have_text("Please choose what happened first.")
    page.screenshot(path=output_dir / "lookback-said-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=output_dir / "lookback-said-390.png", full_page=True)
    assert_accessible(page)
    plan = requests.get(f"{organised.url}/api/rooms/{spring['code']}/plan", headers={"Authorization": f"Bearer {spring['host_key']}"}, timeout=5)
    first = plan.json()["actions"][0]
    assert first["status"] == "done"
    assert (first["progress"][0]["text"], first["progress"][0]["said_at"]) == ("She rings every Friday now", "Summer review")
    facilitator = new_page(summer["host_url"])
    looking = facilitator.locator("#look-back-panel")
    expect(looking.get_by_role("heading")).to_have_text("Looking back at “Spring workshop”")
    expect(looking.locator(".plan-item", has_text="I will ring Mum's GP")).to_contain_text("Table 1: Done")
    expect(looking.locator(".plan-item", has_text="Ring people back")).to_contain_text("No table has said yet.")
    expect(facilitator.locator("#stage-next")).to_have_text("Start playing the cards")
    facilitator.screenshot(path=output_dir / "lookback-host-1280.png")


def test_the_organiser_sees_the_series(organised, workshops, new_page, output_dir):
    page = new_page(f"{organised.url}/organise")
    page.get_by_label("Organiser password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Series of workshops").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Series of workshops")
    series = page.locator(".series").first
    expect(series.get_by_role("heading", level=2)).to_contain_text("Spring workshop")
    steps = series.locator(".series-workshop h3")
    expect(steps).to_have_text(["Spring workshop", "Summer review"])
    expect(series.locator(".series-workshop").first).to_contain_text("Actions")
    page.screenshot(path=output_dir / "series-1280.png", full_page=True)
    assert_accessible(page)
    for width in (640, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=output_dir / "series-390.png", full_page=True)
    with page.expect_download() as download:
        series.get_by_role("link", name="Markdown").click()
    assert download.value.suggested_filename.startswith("inourshoes-series-")


def test_the_host_keeps_the_plan_after_the_end_and_opens_a_follow_up(organised, workshops, new_page, output_dir):
    spring = workshops[0]
    page = new_page(spring["host_url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Spring workshop")
    open_moment(page, "Closing")
    panel = page.locator("#plan-panel")
    item = panel.locator(".plan-item", has_text="Ring people back within a day")
    item.get_by_text("Update this action").click()
    item.get_by_label("Status").select_option("started")
    item.get_by_label("What has happened").fill("The rota now has a call-back slot")
    item.get_by_role("button", name="Save").click()
    expect(item.get_by_role("status")).to_have_text("Saved.")
    expect(item.locator(".plan-facts")).to_contain_text("Started")
    expect(item.locator(".plan-progress")).to_contain_text("The rota now has a call-back slot")
    expect(item.locator(".plan-late")).to_have_count(0)  # no date: never late
    item.get_by_label("By when").fill("2020-01-31")  # started, and its date long gone (the form is still open)
    item.get_by_role("button", name="Save").click()
    expect(item.locator(".plan-late")).to_have_text("Late: its date has passed")
    item.get_by_label("Status").select_option("done")
    item.get_by_role("button", name="Save").click()
    expect(item.locator(".plan-late")).to_have_count(0)  # done: late no more
    panel.get_by_label("Title of the follow-up").fill("Autumn review")
    panel.get_by_role("button", name="Open the follow-up workshop").click()
    expect(panel.locator(".plan-follow")).to_contain_text("The follow-up workshop is ready")
    expect(panel.get_by_label("Host link of the follow-up")).to_have_value(re.compile(r"/host/[A-Z0-9]{6}#key="))
    panel.screenshot(path=output_dir / "host-plan-after-end.png")
    assert_accessible(page)


def test_a_pledge_says_who_and_by_when(organised, new_page, output_dir):
    made = organised.create_room("Pledges with dates")
    host = Participant(organised.url)
    try:
        assert host.host(made["code"], made["host_key"])["ok"]
        page = join(new_page(width=390, height=844), organised, made["code"], "Sam", "support_worker")
        assert host.act("start")["ok"] and host.act("stage", stage="pledge", table=None)["ok"]
        page.get_by_label("I will ...").fill("I will ask Dad what he wants first")
        expect(page.get_by_label("Who will do it?")).to_be_hidden()  # a pledge is one sentence unless you want more
        page.get_by_text("Who and when (you can leave these empty)").click()
        page.get_by_label("Who will do it?").fill("Sam and Priya")
        page.get_by_label("By when?").fill("2026-06-30")
        page.screenshot(path=output_dir / "pledge-who-when-390.png", full_page=True)
        page.get_by_role("button", name="Make my pledge").click()
        expect(page.locator("#say-pledge-status")).to_have_text("Thank you. It is added.")
        expect(page.get_by_label("Who will do it?")).to_have_value("")
        expect(page.get_by_label("Who will do it?")).to_be_hidden()  # folded again for the next one
        expect(page.locator(".pledge-when")).to_have_text("Who: Sam and Priya · By: 30 June 2026")  # as people in the UK write it
        action = host.wait_for(lambda v: v["plan"]["actions"])["plan"]["actions"][0]
        assert (action["text"], action["owner"], action["due"]) == ("I will ask Dad what he wants first", "Sam and Priya", "2026-06-30")
        assert_accessible(page)
    finally:
        host.close()
