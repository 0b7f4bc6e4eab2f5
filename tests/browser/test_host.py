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
    """Participants on python-socketio: `people(code, names)` joins them (not seated)."""
    made = []

    def join_all(code, names=NAMES):
        joined = []
        for name, perspective in names:
            person = Participant(server.url)
            assert person.join(code, name, perspective)["ok"]
            joined.append(person)
        made.extend(joined)
        return joined

    yield join_all
    for person in made:
        person.close()


def open_moment(page, name):
    """Open one of the host page's moments (Before, During, Closing) if it is closed."""
    toggle = page.locator(f"#moment-{name.lower()}-heading button")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def join_in_browser(page, server, code, name):
    """Join through /j/CODE as a person would, without choosing a table."""
    page.goto(f"{server.url}/j/{code}")
    page.get_by_label("Your first name").fill(name)
    page.get_by_label("A person who gets care or support").check()
    page.get_by_role("button", name="Join the workshop").click()
    expect(page.get_by_role("button", name=re.compile("^Sit at Table 1"))).to_be_visible()
    return page


def test_host_runs_a_workshop_from_one_screen(server, new_page, people, output_dir):
    room = server.create_room("Carers' voices", "everyday-lives")
    page = new_page(room["host_url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Carers' voices")
    # the key leaves the address bar (the screen is often shared); a reload still works
    assert "#key=" not in page.url
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Carers' voices")
    expect(page.locator("#join-code")).to_have_text(f"{room['code'][:3]} {room['code'][3:]}")  # as on every page
    expect(page.get_by_role("img", name=f"QR code to join workshop {room['code']}")).to_be_visible()

    ana = join_in_browser(new_page(), server, room["code"], "Ana")
    ben, chidi, dee = people(room["code"], NAMES[1:])
    # the lobby shows what comes before: joining and seating
    waiting = page.locator("#unseated-list")
    for name, _ in NAMES:
        expect(waiting).to_contain_text(name)
    expect(page.get_by_role("heading", name="Waiting for a table (4)")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^End the workshop"))).to_be_hidden()

    # a double-click on Start: its second click lands on the button that takes Start's place
    # ("Move everyone to Reflect"), which waits a moment before it can be pressed
    start = page.get_by_role("button", name="Start the workshop")
    box = start.bounding_box()
    start.click()
    expect(page.get_by_role("button", name="Move everyone to Reflect")).to_be_visible()
    page.mouse.click(box["x"] + 10, box["y"] + box["height"] / 2)
    expect(page.locator("#room-state")).to_contain_text("Play")
    ben.wait_for(lambda v: v["room"]["stage"] == "play")
    page.wait_for_timeout(1200)
    assert ben.view["room"]["stage"] == "play"  # not moved on to Reflect
    expect(page.locator("#room-state")).to_contain_text("Play")

    # during play, people still without a table are one button away
    expect(page.get_by_role("region", name="Waiting for a table")).to_contain_text("Ana, Ben, Chidi and Dee")
    page.get_by_role("button", name=re.compile("^Seat everyone")).click()
    expect(page.get_by_role("region", name="Waiting for a table")).to_be_hidden()
    expect(page.locator("#tables-heading")).to_be_focused()  # where they now sit, not the page's top
    # four people make one table of four; the second stays free until a table would pass six
    expect(page.get_by_role("article", name="Table 1").get_by_role("heading", name="People at this table (4)")).to_be_visible()
    expect(page.get_by_role("article", name="Table 2").get_by_role("heading", name="People at this table (0)")).to_be_visible()
    expect(ana.locator(".whoami")).to_contain_text("at Table")
    for person in (ben, chidi, dee):
        assert person.wait_for(lambda v: v["table"] is not None)["table"]["players"]

    # a card on a table shows up on the host's overview
    turn = ben.wait_for(lambda v: v["table"] and v["table"]["turn"])["table"]["turn"]
    first = next((p for p in (ben, chidi, dee) if p.player_id == turn), None)
    if first is None:  # Ana's turn, in the browser
        ana.get_by_role("button", name="Draw a card").click()
        first = ben
    else:
        assert first.act("draw")["ok"]
    card_text = first.wait_for(lambda v: v["table"]["card"])["table"]["card"]["text"]
    expect(page.locator("#tables")).to_contain_text(card_text)
    page.screenshot(path=str(output_dir / "host-1280x800.png"))
    assert_accessible(page)

    page.locator("#host-now").get_by_role("button", name="Pause everyone").click()
    expect(page.locator("#paused-note")).to_be_visible()
    expect(ana.get_by_role("heading", name="Paused")).to_be_visible()
    for person in (ben, chidi, dee):
        person.wait_for(lambda v: v["room"]["paused"])
    refused = first.act("respond", text="I would ask what they need.")
    assert refused["ok"] is False and refused["error"]["code"] == "paused"

    page.locator("#host-now").get_by_role("button", name="Resume").click()
    expect(page.locator("#paused-note")).to_be_hidden()
    expect(ana.get_by_role("heading", name="Paused")).to_be_hidden()
    for person in (ben, chidi, dee):
        person.wait_for(lambda v: not v["room"]["paused"])
    assert first.act("respond", text="I would ask what they need.")["ok"]

    page.get_by_label("Message", exact=True).fill("Five minutes to the break")
    page.get_by_role("button", name="Send to everyone").click()
    expect(page.locator("#notice")).to_contain_text("Five minutes to the break")
    expect(ana.locator("#notice")).to_contain_text("Five minutes to the break")
    for person in (ben, chidi, dee):
        person.wait_for(lambda v: (v["room"]["notice"] or {}).get("text") == "Five minutes to the break")
        assert person.notices and person.notices[-1]["text"] == "Five minutes to the break"

    page.get_by_role("button", name="Move everyone to Reflect").click()
    # a table is in the middle of a card: asked first, and "Not yet" changes nothing
    ask = page.get_by_role("group", name=re.compile("in the middle of a card"))
    expect(ask).to_contain_text("Table 1 is in the middle of a card. Move everyone to Reflect now?")
    ask.get_by_role("button", name="Not yet").click()
    expect(ask).to_be_hidden()
    expect(page.get_by_role("button", name="Move everyone to Reflect")).to_be_focused()
    page.get_by_role("button", name="Move everyone to Reflect").click()
    ask.get_by_role("button", name="Yes, move everyone to Reflect").click()
    expect(page.locator("#now-status")).to_have_text("All tables are now at: Reflect.")
    expect(page.get_by_role("button", name="End the workshop…")).to_be_visible()  # Closing opens itself
    page.get_by_role("button", name="End the workshop…").click()
    page.get_by_role("button", name="Yes, end the workshop").click()
    expect(page.locator("#ended-note")).to_be_visible()
    expect(page.locator("#ended-note")).to_contain_text("read-only")
    # no stale news after the end
    expect(page.locator("#now-status")).to_be_empty()
    expect(page.locator("#room-state")).not_to_contain_text("Room open to join")
    expect(page.locator("#room-state")).to_contain_text("Ended")
    expect(page.get_by_role("button", name=re.compile("^End the workshop"))).to_be_hidden()
    expect(ana.locator(".lead", has_text="The workshop has ended")).to_be_visible()
    expect(ana.locator("#announce")).to_contain_text("The workshop has ended.")  # heard too
    for person in (ben, chidi, dee):
        person.wait_for(lambda v: v["room"]["ended"])
    expect(page.locator("#pause")).to_be_hidden()
    expect(page.get_by_role("region", name="Quick controls")).to_be_hidden()
    expect(page.locator("#export-buttons").get_by_role("button", name="Markdown")).to_be_enabled()
    open_moment(page, "During")
    expect(page.get_by_role("button", name="Send to everyone")).to_be_disabled()
    assert_accessible(page)


def test_host_helps_people_keeps_time_and_moves_people(server, new_page, people):
    room = server.create_room("Helping hands", "everyday-lives")
    page = new_page(room["host_url"])
    ben, chidi = people(room["code"], NAMES[1:3])
    expect(page.get_by_role("heading", name="Waiting for a table (2)")).to_be_visible()
    page.get_by_role("button", name=re.compile("^Seat everyone")).click()
    expect(page.get_by_role("heading", name="Waiting for a table (0)")).to_be_visible()
    expect(page.get_by_role("heading", name="Everyone in the room")).to_be_focused()  # not the page's top
    page.get_by_role("button", name="Start the workshop").click()
    expect(page.get_by_role("button", name="Move everyone to Reflect")).to_be_visible()

    # the timer counts down; "I need more time" gets a one-click +2 minutes
    page.get_by_label("Minutes").fill("3")
    page.get_by_role("button", name="Start timer").click()
    expect(page.get_by_role("timer")).to_have_text(re.compile(r"^[23]:\d\d$"))
    assert ben.wait_for(lambda v: v["room"]["timer"])["room"]["timer"]["seconds"] == 180
    assert ben.act("more_time")["ok"]
    asking = page.get_by_role("region", name="Asking for more time")
    expect(asking).to_contain_text("Ben")
    asking.get_by_role("button", name="+2 min").click()  # as the timer's own buttons say
    expect(asking).to_be_hidden()
    assert ben.wait_for(lambda v: v["room"]["timer"]["seconds"] == 300)
    expect(page.get_by_role("timer")).to_have_text(re.compile(r"^[45]:\d\d$"))

    # someone without a device joins Table 1; the host enters their answer and vote
    table = page.get_by_role("article", name="Table 1")
    table.get_by_text("Add someone without a phone or computer").click()
    table.get_by_label("First name").fill("Sam")
    table.get_by_label("Here as").select_option("carer")
    table.get_by_role("button", name="Add to this table").click()
    expect(table.get_by_role("listitem").filter(has_text="Sam")).to_contain_text("no phone or computer")
    drawer = next(p for p in (ben, chidi) if p.view["table"] and p.view["table"]["id"] == "t1")
    assert drawer.wait_for(lambda v: v["table"]["turn"] == drawer.player_id)
    assert drawer.act("draw")["ok"]
    table.get_by_text("Add words or a vote for someone").click()
    table.get_by_label("Speaking for").select_option(label="Sam (no phone or computer)")
    table.get_by_label("Their words").fill("Ask me before you decide.")
    table.get_by_role("button", name="Add their words").click()
    expect(table.locator(".answers")).to_contain_text("Ask me before you decide.")
    table.get_by_role("button", name="Add their vote").click()
    expect(table.locator(".answers")).to_contain_text("1 vote (1 vote entered for someone)")
    said = drawer.wait_for(lambda v: v["table"]["responses"] and v["table"]["responses"][0]["votes"] == 1)
    assert said["table"]["responses"][0]["author_name"] == "Sam"

    # move Chidi to the other table, then remove Ben (after a kind "are you sure?")
    open_moment(page, "Before")
    other = "Table 2" if chidi.view["table"]["id"] == "t1" else "Table 1"
    page.get_by_label("Table for Chidi").select_option(label=other)
    # views arriving meanwhile (a new table; Chidi moving himself to it) keep the facilitator's
    # choice until they press "Move"
    page.get_by_role("button", name="Add tables").click()  # one, as "Tables to add" says
    expect(page.get_by_label("Table for Chidi").locator("option")).to_have_count(4)
    third = chidi.wait_for(lambda v: len(v["tables"]) == 3)["tables"][2]["id"]
    assert chidi.act("sit", table=third)["ok"]
    expect(page.get_by_role("article", name="Table 3")).to_contain_text("Chidi")
    expect(page.get_by_label("Table for Chidi")).to_have_value("t2" if other == "Table 2" else "t1")
    page.get_by_role("button", name="Move Chidi", exact=True).click()
    chidi.wait_for(lambda v: v["table"] and v["table"]["name"] == other)
    expect(page.locator("#people-status")).to_have_text(f"Chidi is now at {other}.")  # not "A new table was added."
    # several tables at once, for a conference
    page.get_by_label("Tables to add").fill("5")
    page.get_by_role("button", name="Add tables").click()
    expect(page.locator("#people-status")).to_have_text("5 new tables were added.")
    expect(page.get_by_label("Table for Chidi").locator("option")).to_have_count(9)
    page.get_by_role("button", name="Remove Ben").click()
    expect(page.get_by_role("button", name="Keep Ben")).to_be_focused()  # Enter twice keeps him
    ben_table, ben_table_id = ben.view["table"]["name"], ben.view["table"]["id"]
    page.get_by_role("button", name="Yes, remove Ben").click()
    expect(page.locator("#people-rows")).not_to_contain_text("Ben")
    expect(page.locator("#people-status")).to_contain_text("Ben was taken out of the workshop.")
    with ben.changed:
        ben.changed.wait_for(lambda: ben.removed, timeout=5)
    # someone else called Ben joins meanwhile: the two are told apart by when they came
    other_ben = Participant(server.url)
    assert other_ben.join(room["code"], "Ben", "other")["ok"]
    # ... and let him back: his own browser can join again, and he is back at his table
    page.get_by_role("button", name="Let Ben back in").click()
    expect(page.locator("#removed-box")).to_be_hidden()
    expect(page.locator("#people-rows")).to_contain_text("Ben (1)")
    expect(page.locator("#people-rows")).to_contain_text("Ben (2)")
    expect(page.get_by_label("Table for Ben (1)")).to_have_value(ben_table_id)
    # ... everywhere the host page names them: the waiting list and the tables too
    expect(page.locator("#unseated-list")).to_contain_text("Ben (2)")
    expect(page.locator(".table-card .table-people", has_text="Ben (1)")).to_have_count(1)
    again = Participant(server.url)
    try:
        assert again.join(room["code"], "", token=ben.token)["ok"]
        assert again.view["table"]["name"] == ben_table
    finally:
        again.close()
        other_ben.close()

    # lock the room: nobody new can join until it is unlocked
    page.get_by_role("button", name="Lock the room").click()
    expect(page.get_by_role("button", name="Unlock the room")).to_be_visible()
    latecomer, stranger = Participant(server.url), Participant(server.url)
    try:
        assert latecomer.join(room["code"], "Eve", "other")["error"]["code"] == "locked"
        page.get_by_role("button", name="Unlock the room").click()
        expect(page.get_by_role("button", name="Lock the room")).to_be_visible()
        # letting each newcomer in by hand: one is let in, one turned away
        page.get_by_label("Let each newcomer in by hand").check()
        chidi.wait_for(lambda v: v["room"]["admit"])
        assert latecomer.join(room["code"], "Eve", "other")["ok"]
        assert stranger.join(room["code"], "Zed", "other")["ok"]
        door = page.get_by_role("region", name="Waiting to be let in (2)")
        expect(door).to_contain_text("Eve")
        page.get_by_role("button", name="Let Eve in").click()
        expect(page.get_by_role("region", name="Waiting to be let in (1)")).to_contain_text("Zed")
        page.get_by_role("button", name="Turn Zed away").click()
        with stranger.changed:
            stranger.changed.wait_for(lambda: stranger.removed, timeout=5)
        expect(page.locator("#removed-list")).to_contain_text("Zed")
        # a turn passes on after 5 minutes when its holder has gone
        page.get_by_label("When someone whose turn it is has gone").select_option(label="5 minutes")
        chidi.wait_for(lambda v: v["room"]["away_after"] == 300)
    finally:
        latecomer.close()
        stranger.close()
    expect(page.locator("#unseated-list")).to_contain_text("Eve")


def test_on_a_phone_pause_stays_one_tap_away_at_the_foot_of_the_screen(server, new_page, people, output_dir):
    room = server.create_room("Pocket controls", "everyday-lives")
    ben, chidi = people(room["code"], NAMES[1:3])
    for person in (ben, chidi):
        assert person.act("sit", table="t1")["ok"]
    page = new_page(room["host_url"], width=390, height=844)
    page.get_by_role("button", name="Start the workshop").click()
    bar = page.get_by_role("region", name="Quick controls")
    expect(bar).to_be_hidden()  # the top's own "Pause everyone" is in sight
    page.locator("#tables-heading").scroll_into_view_if_needed()
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("Stage: Play")
    page.screenshot(path=str(output_dir / "host-quick-bar-390.png"))
    bar.get_by_role("button", name="Pause everyone").click()
    ben.wait_for(lambda v: v["room"]["paused"])
    expect(bar).to_contain_text("Everyone is paused")
    bar.get_by_role("button", name="Resume").click()
    ben.wait_for(lambda v: not v["room"]["paused"])
    page.evaluate("window.scrollTo(0, 0)")
    expect(bar).to_be_hidden()
    assert_accessible(page)


def test_host_page_comes_back_after_the_server_restarts(fresh_server, browser):
    server = fresh_server.start()
    room = server.create_room("Restart", "everyday-lives")
    # our own page: while the server is down the browser rightly logs refused connections
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    errors = []
    page = context.new_page()
    page.on(
        "console",
        lambda msg: msg.type == "error" and "ERR_CONNECTION_REFUSED" not in msg.text and errors.append(msg.text),
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    eve = None
    try:
        page.goto(room["host_url"])
        expect(page.get_by_role("heading", level=1)).to_have_text("Restart")
        server.kill()
        expect(page.locator("#reconnecting")).to_be_visible()
        server.start()
        expect(page.locator("#reconnecting")).to_be_hidden(timeout=15000)
        # the page said `host` again on reconnecting, so it is sent the room's views again
        eve = Participant(server.url)
        assert eve.join(room["code"], "Eve", "other")["ok"]
        expect(page.locator("#unseated-list")).to_contain_text("Eve")
    finally:
        if eve:
            eve.close()
        context.close()
    assert errors == []


def test_host_page_with_a_wrong_key_says_so(server, new_page):
    room = server.create_room("Wrong key", "everyday-lives")
    page = new_page(f"{server.url}/host/{room['code']}#key=not-the-right-key")
    expect(page.get_by_role("heading", name="This host link is not right")).to_be_visible()
    expect(page.locator("#host-live")).to_be_hidden()
    assert_accessible(page)
