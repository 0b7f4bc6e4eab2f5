"""The regrouped host page in every stage (an empty room, the lobby with a waiting list, play
with a tie, reflect, pledge, closed, ended): axe-core finds no WCAG 2.x A/AA violation, text
is 18px or more, targets 44px, and nothing scrolls sideways at 1280px with 200% text (640px),
on a 320px phone, or on a 390px phone with its text at 200%. Screenshots land in
test-output/host-*.png."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_a11y import SMALL_TARGETS, SMALL_TEXT
from tests.browser.test_host import open_moment, people  # noqa: F401  (fixture and helper)
from tests.browser.test_reflow import big_text
from tests.server.clients import Participant

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def check(page, shots, name, reflow=True, phone_large_text=None):
    """Every moment open, so all of the page is checked; then each promise of this file
    (reflow only where the page holds the most: the stages in between add no new layout)."""
    for moment in ("Before", "During", "Closing"):
        open_moment(page, moment)
    page.screenshot(path=shots / f"host-{name}.png", full_page=True)
    assert_accessible(page)
    assert page.evaluate(SMALL_TEXT) == []
    assert page.evaluate(SMALL_TARGETS) == []
    for width, height in ((640, 400), (320, 640)) if reflow else ():
        page.set_viewport_size({"width": width, "height": height})
        assert page.evaluate(OVERFLOW) <= 0, f"{name}: sideways scrolling at {width}px"
        if width == 640 and name in ("lobby", "play"):
            page.screenshot(path=shots / f"host-{name}-200pc.png", full_page=True)
    if reflow if phone_large_text is None else phone_large_text:
        page.set_viewport_size({"width": 390, "height": 844})
        big_text(page)
        try:
            assert page.evaluate(OVERFLOW) <= 0, f"{name}: sideways scrolling on a phone with 200% text"
            if name in ("lobby", "play", "closed"):
                page.screenshot(path=shots / f"host-{name}-390-200.png", full_page=True)
        finally:
            page.evaluate("document.documentElement.style.fontSize = ''")
    page.set_viewport_size({"width": 1280, "height": 800})


def test_the_host_page_in_every_stage(server, new_page, people, output_dir):  # noqa: F811
    room = server.create_room("Every stage", "everyday-lives", hide_until_reveal=True)
    code = room["code"]
    page = new_page(room["host_url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Every stage")
    expect(page.get_by_text("Nobody has joined yet.")).to_be_visible()
    check(page, output_dir, "empty")

    # the lobby: people at tables, one waiting to be let in, a co-facilitator, someone removed
    host = Participant(server.url)
    late = Participant(server.url)
    try:
        assert host.host(code, room["host_key"])["ok"]
        ana, ben, chidi, dee = people(code)
        for person, table in ((ana, "t1"), (ben, "t1"), (chidi, "t2")):
            assert person.act("sit", table=table)["ok"]
        assert host.act("remove", player=dee.player_id)["ok"]
        assert host.act("cohost_add", label="Sam")["ok"]
        page.get_by_label("Let each newcomer in by hand").check()
        expect(page.locator("#settings-status")).to_contain_text("wait until you let them in")
        assert late.join(code, "Eve", "health")["ok"]
        expect(page.get_by_role("region", name="Waiting to be let in (1)")).to_contain_text("Eve")
        check(page, output_dir, "lobby")

        # play: a card, answers, a tie for the table to settle
        page.get_by_role("button", name="Start the workshop").click()
        # the pressed button goes: focus goes to where the workshop is now, not to the page
        # (nor to "Move everyone to Reflect", which a second Enter would press)
        expect(page.get_by_role("list", name="Stages")).to_be_focused()
        drawer = next(p for p in (ana, ben) if p.wait_for(lambda v: v["table"]["turn"])["table"]["turn"] == p.player_id)
        assert drawer.act("draw")["ok"]
        assert ana.act("respond", text="Ask first.")["ok"]
        assert ben.act("respond", text="Listen, then ask.")["ok"]
        assert ana.act("reveal")["ok"]  # everyone at the table has answered
        answers = ana.wait_for(lambda v: not v["table"]["hidden"])["table"]["responses"]
        assert ana.act("vote", response=answers[1]["id"])["ok"]
        assert ben.act("vote", response=answers[0]["id"])["ok"]
        assert host.act("next", table="t1")["ok"]
        expect(page.get_by_role("group", name="Table 1: answers with the same votes")).to_be_visible()
        assert chidi.act("more_time")["ok"]  # an alert with a big button (it overflowed a phone at 200 %)
        expect(page.get_by_role("region", name="Asking for more time")).to_be_visible()
        check(page, output_dir, "play")

        host.act("agree", table="t1", response=answers[0]["id"])
        expect(page.get_by_role("group", name="Table 1: answers with the same votes")).to_be_hidden()
        page.get_by_role("button", name="Move everyone to Reflect").click()  # between cards: not asked
        assert ana.act("note", kind="working", text="People listen to each other here.")["ok"]
        card = page.get_by_role("article", name="Table 1")
        expect(card).to_contain_text("Notes (1)")
        # reflect: the table's notes first and open, no card buttons while it is not playing
        notes = card.locator("details", has_text="Notes (1)")
        expect(notes).to_have_attribute("open", "")
        assert notes.bounding_box()["y"] < card.get_by_role("heading", name=re.compile("What this table agreed")).bounding_box()["y"]
        expect(card.get_by_role("button", name="Next card")).to_be_hidden()
        check(page, output_dir, "reflect", reflow=False)

        page.get_by_role("button", name="Move everyone to Pledge").click()
        assert ben.act("pledge", text="I will ring back the same day.")["ok"]
        expect(page.get_by_role("article", name="Table 1")).to_contain_text("Pledges (1)")
        check(page, output_dir, "pledge", reflow=False)

        page.get_by_role("button", name="Close the tables").click()
        expect(page.locator("#room-state")).to_contain_text("Stage: Closed")
        # what is left is the end, at the foot of the page: the top says so and goes there
        expect(page.get_by_role("button", name="Next: end the workshop")).to_be_focused()
        check(page, output_dir, "closed", reflow=False, phone_large_text=True)  # the plan's boxes

        page.get_by_role("button", name="Next: end the workshop").click()
        expect(page.get_by_role("button", name="End the workshop…")).to_be_focused()
        page.get_by_role("button", name="End the workshop…").click()
        page.get_by_role("button", name="Yes, end the workshop").click()
        expect(page.locator("#ended-note")).to_be_visible()
        check(page, output_dir, "ended")
    finally:
        host.close()
        late.close()
