"""The facilitator's page, driven in a real browser, with participants on real sockets."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.server.clients import Participant

NAMES = [("Ana", "person"), ("Ben", "carer"), ("Chidi", "support_worker"), ("Dee", "manager")]


@pytest.fixture
def people(server):
    made = []

    def join_all(code):
        for name, perspective in NAMES:
            person = Participant(server.url)
            assert person.join(code, name, perspective)["ok"]
            made.append(person)
        return made

    yield join_all
    for person in made:
        person.close()


def test_host_runs_a_workshop_from_one_screen(server, new_page, people, output_dir):
    room = server.create_room("Carers' voices", "everyday-lives")
    page = new_page(room["host_url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Carers' voices")
    # the key leaves the address bar (the screen is often shared); a reload still works
    assert "#key=" not in page.url
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Carers' voices")
    expect(page.locator("#join-code")).to_have_text(" ".join(room["code"]))
    expect(page.get_by_role("img", name=f"QR code to join workshop {room['code']}")).to_be_visible()

    ana, ben, chidi, dee = people(room["code"])
    waiting = page.locator("#unseated-list")
    for name, _ in NAMES:
        expect(waiting).to_contain_text(name)
    expect(page.get_by_role("heading", name="Waiting for a table (4)")).to_be_visible()

    page.get_by_role("button", name="Start the workshop").click()
    expect(page.locator("#room-state")).to_contain_text("Play")
    ana.wait_for(lambda v: v["room"]["stage"] == "play")

    page.get_by_role("button", name=re.compile("^Seat everyone")).click()
    expect(page.get_by_role("heading", name="Waiting for a table (0)")).to_be_visible()
    for table in ("Table 1", "Table 2"):
        card = page.get_by_role("article", name=table)
        expect(card.get_by_role("heading", name="People at this table (2)")).to_be_visible()
    for person in (ana, ben, chidi, dee):
        assert person.wait_for(lambda v: v["table"] is not None)["table"]["players"]

    # a card on a table shows up on the host's overview
    first = next(p for p in (ana, ben, chidi, dee) if p.view["table"]["turn"] == p.player_id)
    assert first.act("draw")["ok"]
    card_text = first.wait_for(lambda v: v["table"]["card"])["table"]["card"]["text"]
    expect(page.locator("#tables")).to_contain_text(card_text)
    page.screenshot(path=str(output_dir / "host-1280x800.png"))
    assert_accessible(page)

    page.get_by_role("button", name="Pause everyone").click()
    expect(page.locator("#paused-note")).to_be_visible()
    for person in (ana, ben, chidi, dee):
        person.wait_for(lambda v: v["room"]["paused"])
    refused = first.act("respond", text="I would ask what they need.")
    assert refused["ok"] is False and refused["error"]["code"] == "paused"

    page.get_by_role("button", name="Resume").click()
    expect(page.locator("#paused-note")).to_be_hidden()
    for person in (ana, ben, chidi, dee):
        person.wait_for(lambda v: not v["room"]["paused"])
    assert first.act("respond", text="I would ask what they need.")["ok"]

    page.get_by_label("Message", exact=True).fill("Five minutes to the break")
    page.get_by_role("button", name="Send to everyone").click()
    expect(page.locator("#notice")).to_contain_text("Five minutes to the break")
    for person in (ana, ben, chidi, dee):
        person.wait_for(lambda v: (v["room"]["notice"] or {}).get("text") == "Five minutes to the break")
        assert person.notices and person.notices[-1]["text"] == "Five minutes to the break"

    page.get_by_role("button", name="End the workshop…").click()
    page.get_by_role("button", name="Yes, end the workshop").click()
    expect(page.locator("#ended-note")).to_be_visible()
    expect(page.locator("#ended-note")).to_contain_text("read-only")
    for person in (ana, ben, chidi, dee):
        person.wait_for(lambda v: v["room"]["ended"])
    expect(page.get_by_role("button", name="Pause everyone")).to_be_disabled()
    expect(page.get_by_role("button", name="Markdown")).to_be_enabled()
    assert_accessible(page)


def test_host_page_with_a_wrong_key_says_so(server, new_page):
    room = server.create_room("Wrong key", "everyday-lives")
    page = new_page(f"{server.url}/host/{room['code']}#key=not-the-right-key")
    expect(page.get_by_role("heading", name="This host link is not right")).to_be_visible()
    expect(page.locator("#host-live")).to_be_hidden()
    assert_accessible(page)
