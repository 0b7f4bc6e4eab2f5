"""The big screen in a real browser: large, accessible, and never showing private words."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.server.clients import Participant

PEOPLE = [("Ana", "person"), ("Ben", "carer"), ("Chidi", "support_worker"), ("Dee", "manager")]
SHARED = "Ask her what she wants first"
SECRET = "My brother hits my mum"
KEPT_PLEDGE = "I will leave my job"


@pytest.fixture
def room_with_people(server):
    room = server.create_room("Carers' week, Leeds", "everyday-lives")
    host = Participant(server.url)
    assert host.host(room["code"], room["host_key"])["ok"]
    people = []
    for name, perspective in PEOPLE:
        person = Participant(server.url)
        assert person.join(room["code"], name, perspective)["ok"]
        people.append(person)
    yield room, host, people
    for client in (host, *people):
        client.close()


def play_round(people, text, private=False):
    """At each table of two: the turn holder draws, both answer, both vote for `text`, next."""
    by_table = {}
    for person in people:
        # the table and whose turn it is (a view from before `start` may still be the latest)
        table = person.wait_for(lambda v: v["table"] is not None and v["table"]["turn"] is not None)["table"]
        by_table.setdefault(table["id"], []).append(person)
    for pair in by_table.values():
        turn = max((p.view for p in pair), key=lambda v: v["n"])["table"]["turn"]  # the newer view of the two
        holder = next(p for p in pair if p.player_id == turn)
        other = next(p for p in pair if p is not holder)
        assert holder.act("draw")["ok"]
        other.wait_for(lambda v: v["table"]["card"] is not None)
        first = other.act("respond", text=text, private=private)
        assert first["ok"]
        assert holder.act("respond", text="Wait and see")["ok"]
        view = holder.wait_for(lambda v: len(v["table"]["responses"]) == 2)
        chosen = next(r["id"] for r in view["table"]["responses"] if r["text"] == text)
        assert holder.act("vote", response=chosen)["ok"] and other.act("vote", response=chosen)["ok"]
        assert holder.act("next")["ok"]
        holder.wait_for(lambda v: v["table"]["card"] is None)


def no_private_text(page):
    body = page.locator("body").inner_text()
    assert SECRET not in body and KEPT_PLEDGE not in body
    for name, _ in PEOPLE:
        assert not re.search(rf"\b{name}\b", body), name  # the big screen names nobody


def test_the_big_screen_from_joining_to_the_pledge_wall(server, room_with_people, new_page, output_dir):
    room, host, people = room_with_people
    code = room["code"]
    page = new_page(f"{server.url}/screen/{code}", width=1920, height=1080)
    expect(page.get_by_role("heading", level=1)).to_have_text("Carers' week, Leeds")
    expect(page.locator(".screen-join-code [aria-hidden=true]")).to_have_text(f"{code[:3]} {code[3:]}")  # as on every page
    expect(page.locator(".screen-join-code .sr-only")).to_have_text(f"Room code {' '.join(code)}")  # heard letter by letter
    expect(page.get_by_role("img", name=f"QR code to join workshop {code}")).to_be_visible()
    expect(page.locator("#screen-joined")).to_contain_text("a family carer")
    expect(page.locator("#screen-joined")).to_contain_text("4 people")
    assert_accessible(page)
    page.screenshot(path=str(output_dir / "screen-lobby-1920x1080.png"))

    tables = [t["id"] for t in host.view["tables"]]
    for i, person in enumerate(people):  # two tables of two
        assert person.act("sit", table=tables[i % 2])["ok"]
    assert host.act("start")["ok"]
    assert host.act("timer", seconds=600)["ok"]
    play_round(people, SHARED)
    play_round(people, SECRET, private=True)
    assert host.act("broadcast", text="Tea at eleven. Please finish your card first.")["ok"]
    expect(page.locator("#screen-stage")).to_have_text("Playing the cards")
    expect(page.locator("#screen-agreed")).to_contain_text(SHARED)
    expect(page.locator("#screen-notice")).to_have_text("Tea at eleven. Please finish your card first.")
    expect(page.get_by_role("timer")).to_contain_text("Time left")
    # paused: the timer keeps its time on the screen instead of going away
    assert host.act("pause")["ok"]
    expect(page.get_by_role("timer")).to_have_text(re.compile(r"^Timer paused: \d+:\d\d left$"))
    assert host.act("resume")["ok"]
    expect(page.get_by_role("timer")).to_contain_text("Time left")
    expect(page.locator("#screen-counts")).to_contain_text("4 cards played")
    expect(page.get_by_role("table")).to_contain_text("Table 1")
    no_private_text(page)
    assert_accessible(page)
    page.screenshot(path=str(output_dir / "screen-play-1920x1080.png"))
    small = new_page(f"{server.url}/screen/{code}", width=1280, height=720)
    expect(small.locator("#screen-agreed")).to_contain_text(SHARED)
    no_private_text(small)
    small.screenshot(path=str(output_dir / "screen-play-1280x720.png"))
    # four tables and a message do not fit 1280 x 720: a projector cannot scroll, so as many
    # tables as fit are shown at a time, the others in turn
    assert host.act("add_table", count=2)["ok"]
    expect(small.locator("#screen-paths-page")).to_have_text(re.compile(r"^Table 1 of 4|Tables 1–[23] of 4$"))
    assert small.locator("#screen-paths-panel").evaluate("n => n.getBoundingClientRect().bottom") <= 720
    expect(small.locator("#screen-paths-page")).not_to_have_text(re.compile("^Tables? 1[– ]"), timeout=12000)  # the next ones
    small.screenshot(path=str(output_dir / "screen-play-1280x720-paged.png"))
    assert page.locator("#screen-paths-panel").evaluate("n => n.getBoundingClientRect().bottom") <= 1080

    # the spotlight: one table's card and what it agreed; a private note is refused
    view = host.wait_for(lambda v: any(n["kind"] == "agreed" for t in v["tables"] for n in t["notes"]))
    table = next(t for t in view["tables"] if any(n["text"] == SHARED for n in t["notes"]))
    shared = next(n for n in table["notes"] if n["text"] == SHARED)
    kept = next(n for t in view["tables"] for n in t["notes"] if n["text"] == SECRET)
    assert host.act("spotlight", table=table["id"], note=kept["id"])["error"]["code"] == "forbidden"
    assert host.act("spotlight", table=table["id"], note=shared["id"])["ok"]
    spot = page.get_by_role("region", name="In the spotlight")
    expect(spot).to_contain_text(SHARED)
    expect(spot).to_contain_text(table["name"])
    assert_accessible(page)
    page.screenshot(path=str(output_dir / "screen-spotlight-1920x1080.png"))
    # under the message, on a small projector: its type shrinks until the answer fits
    expect(small.locator("#screen-notice")).to_be_visible()
    small_spot = small.get_by_role("region", name="In the spotlight")
    expect(small_spot).to_contain_text(SHARED)
    small.wait_for_function("() => document.getElementById('screen-spotlight').getBoundingClientRect().bottom <= 720")
    small.screenshot(path=str(output_dir / "screen-spotlight-1280x720.png"))
    assert host.act("spotlight")["ok"]
    expect(spot).to_be_hidden()

    # reflect: the room sees the three questions and the newest ideas, not the play screen
    assert host.act("broadcast", text="")["ok"] and host.act("stage", stage="reflect")["ok"]
    assert people[0].act("note", kind="working", text="The day centre knows my mum by name.")["ok"]
    assert people[1].act("note", kind="not_working", text=SECRET, private=True)["ok"]
    reflect = page.get_by_role("region", name="Thinking back together")
    expect(reflect).to_contain_text("What is working?")
    expect(reflect).to_contain_text("The day centre knows my mum by name.")
    expect(page.locator("#screen-agreed-panel")).to_be_hidden()
    expect(page.locator("#screen-paths-panel")).to_be_hidden()  # the three questions take the screen
    boxes = [box.bounding_box() for box in small.locator(".screen-reflect-box").all()]
    assert len(boxes) == 3 and boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"], boxes  # side by side
    assert small.locator("#screen-reflect-panel").evaluate("n => n.getBoundingClientRect().bottom") <= 720
    no_private_text(page)
    assert_accessible(page)
    page.screenshot(path=str(output_dir / "screen-reflect-1920x1080.png"))
    small.screenshot(path=str(output_dir / "screen-reflect-1280x720.png"))

    # the pledge wall at the close, without what was kept in the room
    assert host.act("stage", stage="pledge")["ok"]
    assert people[0].act("pledge", text="I will ring back when I say I will")["ok"]
    assert people[1].act("pledge", text=KEPT_PLEDGE, private=True)["ok"]
    wall = page.get_by_role("region", name="Our pledges")
    expect(wall).to_contain_text("I will ring back when I say I will")
    # beside the paths the tables walked: what the room did together
    expect(page.locator("#screen-counts")).to_contain_text("4 cards played")
    expect(page.locator("#screen-paths-panel")).to_be_visible()
    expect(page.locator("#screen-agreed-panel")).to_be_hidden()
    paths, pledges = (page.locator(f"#screen-{part}").bounding_box() for part in ("paths-panel", "pledges"))
    assert paths["x"] + paths["width"] <= pledges["x"]  # side by side
    no_private_text(page)
    assert_accessible(page)
    page.screenshot(path=str(output_dir / "screen-pledges-1920x1080.png"))
    small.screenshot(path=str(output_dir / "screen-pledges-1280x720.png"))
    # more pledges than fit 1280 x 720: shown a screenful at a time, the rest in turn
    for n in range(11):
        assert people[n % 4].act("pledge", text=f"I will do thing number {n} before the spring, with my whole team.")["ok"]
    expect(small.locator("#screen-pledges-page")).to_have_text(re.compile(r"^Pledges 1–\d+ of 12$"))
    assert small.locator("#screen-pledges").evaluate("n => n.getBoundingClientRect().bottom") <= 720
    expect(small.locator("#screen-pledges-page")).not_to_have_text(re.compile("^Pledges 1–"), timeout=12000)
    small.screenshot(path=str(output_dir / "screen-pledges-1280x720-paged.png"))

    # the tables close: the room's moment of what it did together, then the wall again
    assert host.act("stage", stage="closed")["ok"]
    cheer = page.get_by_role("region", name="Together, we did this!")
    expect(cheer).to_contain_text("4 cards played")
    expect(cheer).to_contain_text("12 pledges to take away and do.")  # not the one kept in the room
    assert_accessible(page)
    page.screenshot(path=str(output_dir / "screen-together-1920x1080.png"))
    expect(cheer).to_be_hidden(timeout=20000)
    expect(wall).to_be_visible()


def test_an_unknown_code_says_so(server, new_page):
    page = new_page(f"{server.url}/screen/BCDFGH")
    expect(page.locator("#screen-problem")).to_contain_text("no workshop with that code")
