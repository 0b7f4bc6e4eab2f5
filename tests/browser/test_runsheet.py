"""The run sheet on the host page, with Playwright's clock: its prompts appear at the planned
times and never move anything; and a practice workshop started from the home page."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from playwright.sync_api import expect

from tests.browser.conftest import AXE
from tests.server.clients import Participant


def axe_in(page, selector: str) -> list:
    """axe-core's WCAG A/AA violations inside one part of the page."""
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async (sel) => await axe.run(sel, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})""",
        selector,
    )
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]


def test_run_sheet_prompts_come_at_the_planned_times(server, new_page, output_dir):
    room = server.create_room("An hour", run_sheet={"minutes": 60})  # 5, 30, 10, 10, 5
    host = Participant(server.url)
    assert host.host(room["code"], room["host_key"])["ok"]
    page = new_page()
    page.clock.install(time=datetime.now(timezone.utc))
    page.goto(room["host_url"])
    panel = page.get_by_role("region", name="Run sheet")
    expect(panel).to_contain_text("60 minutes in all. The clock starts when you start the workshop")
    expect(panel.locator("blockquote")).to_contain_text("Welcome, and thank you for coming")

    assert host.act("start")["ok"]  # the clock starts with the workshop: the welcome is done
    prompt = panel.locator(".runsheet-prompt")
    expect(panel).to_contain_text("Now: Play the cards · 30 minutes left in this step · 55 minutes to the planned end")
    expect(prompt).to_be_empty()
    page.clock.fast_forward("28:00")
    expect(panel).to_contain_text("2 minutes left in this step")
    expect(prompt).to_be_empty()
    page.clock.fast_forward("03:00")
    expect(prompt).to_have_text("Time to move on to Reflect. Press 'Move everyone to Reflect'. Only when you are ready.")
    expect(panel).to_contain_text("1 minute over in this step")
    assert host.wait_for(lambda v: v["room"]["stage"] == "play")  # a prompt, never a move
    assert axe_in(page, "#facilitate") == []
    panel.screenshot(path=str(output_dir / "runsheet-prompt.png"))

    assert host.act("stage", stage="reflect")["ok"]
    expect(prompt).to_be_empty()
    expect(panel.locator("blockquote")).to_contain_text("What is working well?")
    page.clock.fast_forward("05:00")  # 41 minutes in: reflect was planned to end at 45
    expect(prompt).to_be_empty()
    expect(panel).to_contain_text("Now: Reflect · 4 minutes left in this step")
    page.clock.fast_forward("05:00")
    expect(prompt).to_have_text("Time to move on to Pledges. Press 'Move everyone to Pledge'. Only when you are ready.")


def test_after_the_end_the_host_page_shows_no_clock_and_no_message(server, new_page):
    """Found playing a whole workshop: after "End the workshop" the run sheet still counted
    down ("Now: Close · 79 minutes left") and the message to everyone still showed."""
    room = server.create_room("An hour", run_sheet={"minutes": 60})
    host = Participant(server.url)
    assert host.host(room["code"], room["host_key"])["ok"]
    page = new_page(room["host_url"])
    assert host.act("start")["ok"]
    expect(page.locator("#room-state")).to_contain_text("Play")  # this page is connected
    assert host.act("broadcast", text="Ten minutes more.")["ok"]
    expect(page.locator("#notice")).to_contain_text("Ten minutes more.")
    panel = page.get_by_role("region", name="Run sheet")
    expect(panel).to_contain_text("Now: Play the cards")
    assert host.act("end")["ok"]
    expect(page.locator("#ended-note")).to_be_visible()
    expect(page.locator("#notice")).to_be_hidden()
    expect(panel.locator(".runsheet-now")).to_have_text("The workshop has ended: the run sheet's clock has stopped.")
    expect(panel).not_to_contain_text("planned end")
    host.close()


def test_run_sheet_now_is_a_pure_function(server, new_page):
    page = new_page(f"{server.url}/")
    sheet = {"minutes": 20, "begun_at": "2026-01-01T10:00:00+00:00", "from": 0, "steps": [
        {"stage": "lobby", "title": "Welcome", "minutes": 5, "next": "Start."},
        {"stage": "play", "title": "Play the cards", "minutes": 15, "next": "End."},
    ]}  # fmt: skip
    where = page.evaluate(
        """async ([sheet, at]) => {
             const { runSheetNow } = await import('/static/js/host-runsheet.js');
             return [runSheetNow(sheet, 'lobby', Date.parse(at)), runSheetNow(sheet, 'play', Date.parse(at) + 10 * 60000),
                     runSheetNow(sheet, 'play', Date.parse(at) + 15 * 60000), runSheetNow(sheet, 'closed', Date.parse(at), true),
                     runSheetNow(sheet, 'play', Date.parse(at) - 5 * 60000)];
           }""",
        [sheet, "2026-01-01T10:06:00+00:00"],
    )
    early, late, over, ended, moved_early = where
    assert early["step"] == 0 and early["prompt"] == "Time to move on to Play the cards. Start. Only when you are ready."
    assert late["step"] == 1 and late["prompt"] is None and round(late["stepLeft"]) == 4
    assert over["prompt"] == "The planned time is up. End."
    assert ended["prompt"] is None
    # playing from the first minute (the welcome cut short): the step's own 15 minutes, 4 ahead
    assert moved_early["step"] == 1 and round(moved_early["stepLeft"]) == 15 and round(moved_early["ahead"]) == 4
    assert json.dumps(early["starts"]) == "[0, 5]"


def test_practise_first_from_the_home_page(server, new_page, output_dir):
    page = new_page(f"{server.url}/")
    page.get_by_label("Name of the workshop").fill("Trying it out")
    page.get_by_label("How long is your workshop?").select_option("own")
    page.get_by_label("Welcome").fill("0")
    page.get_by_label("Play the cards").fill("20")
    page.get_by_role("button", name="Practise first").click()
    # it says it is practice, here and under "My workshops"
    expect(page.get_by_role("heading", name="Your practice workshop is ready")).to_be_focused()
    expect(page.locator("#ready-practice")).to_contain_text("It is deleted after a day.")
    expect(page.locator(".my-workshop", has_text="Trying it out")).to_contain_text("Practice")
    page.get_by_role("link", name="Open the facilitator’s page").click()
    practice = page.get_by_role("region", name="Practice workshop")
    expect(practice).to_contain_text("simulated players are here", timeout=15000)
    practice.get_by_label("Fast").check()
    expect(practice.get_by_role("status")).to_have_text("Simulated players: fast.")
    expect(page.locator("#people-rows")).to_contain_text("Amira")
    expect(page.get_by_role("region", name="Run sheet")).to_contain_text("55 minutes in all")
    assert axe_in(page, "#facilitate") == []
    page.get_by_role("region", name="Practice workshop").get_by_label("Paused").check()
    page.locator("#facilitate").screenshot(path=str(output_dir / "host-practice-panels.png"))


def test_practising_needs_no_name_of_its_own(server, new_page):
    page = new_page(f"{server.url}/")
    page.get_by_role("button", name="Practise first").click()
    expect(page.get_by_role("heading", name="Your practice workshop is ready")).to_be_visible()
    expect(page.locator(".my-workshop", has_text="Practice workshop")).to_contain_text("Practice")
