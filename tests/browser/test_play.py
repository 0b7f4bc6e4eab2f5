"""The participant's web app, in a real browser against a real server: join by code or link,
sit, draw, answer, vote, move on, and everything around a round."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.server.clients import Participant

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "decks"
AS = {
    "person": "A person who gets care or support",
    "carer": "A family carer",
    "support_worker": "A support worker",
    "manager": "A manager",
    "health": "A health professional",
}


@pytest.fixture
def room(server):
    """Open rooms with a facilitator connected over python-socketio: `room(**options)`."""
    hosts = []

    def open_room(**extra):
        made = server.create_room("Carers' week", **extra)
        host = Participant(server.url)
        assert host.host(made["code"], made["host_key"])["ok"]
        hosts.append(host)
        made["host"] = host
        made["tables"] = [t["id"] for t in host.view["tables"]]
        return made

    yield open_room
    for host in hosts:
        host.close()


@pytest.fixture
def bot(server):
    """Other people at the table, played by python-socketio clients: `bot(room, name)`."""
    bots = []

    def seat(made, name, perspective="support_worker", table=0):
        person = Participant(server.url)
        assert person.join(made["code"], name, perspective)["ok"]
        assert person.act("sit", table=made["tables"][table])["ok"]
        bots.append(person)
        return person

    yield seat
    for person in bots:
        person.close()


def join(page, server, code, name, perspective="carer", table="Table 1"):
    """Join through /j/CODE as a person would, and sit at a table."""
    page.goto(f"{server.url}/j/{code}", wait_until="domcontentloaded")
    page.get_by_label("Your first name").fill(name)
    # a person taps the card (the whole choice is the radio button's label)
    page.locator(f"label[for='as-{perspective}']").click()
    expect(page.get_by_label(AS[perspective])).to_be_checked()
    page.get_by_role("button", name="Join the workshop").click()
    if table:
        page.get_by_role("button", name=f"Sit at {table}").click()
        expect(page.locator(".whoami")).to_contain_text(f"at {table}")
        # your own footprint leads the line: the one to look for on the board
        expect(page.locator(f".whoami svg.footprint[data-perspective='{perspective}']")).to_be_visible()
    return page


def answer(page, text):
    page.get_by_label("Your answer").fill(text)
    page.get_by_role("button", name="Add my answer").click()
    expect(page.locator(".answers")).to_contain_text(text)


def vote_for(page, text, button="Vote"):
    page.locator(".answer", has_text=text).get_by_role("button", name=button).click()


def test_three_people_play_a_round_and_keep_what_they_agreed(server, new_page, room, output_dir):
    made = room()
    code = made["code"]
    ana = join(new_page(width=360, height=740), server, code.lower(), "Ana", "carer")
    bo = join(new_page(), server, f" {code[:3]} {code[3:]} ", "Bo", "manager")
    cy = join(new_page(), server, code, "Cy", "person")
    expect(ana.locator(".people")).to_contain_text("Cy")
    expect(ana.get_by_text("Waiting for the facilitator to start")).to_be_visible()

    assert made["host"].act("start")["ok"]
    expect(ana.get_by_role("heading", name="It is your turn")).to_be_visible()
    expect(bo.get_by_role("heading", name="It is Ana's turn")).to_be_visible()
    expect(bo.get_by_role("button", name="Draw a card")).to_have_count(0)
    # on the board, your token takes you to your turn (on a phone it is further down)
    expect(bo.locator(".turn-jump")).to_have_count(0)
    ana.get_by_role("link", name="Go to your turn").click()
    expect(ana.get_by_role("heading", name="It is your turn")).to_be_focused()

    ana.get_by_role("button", name="Draw a card").click()
    expect(ana.get_by_role("link", name="Go to your turn")).to_have_count(0)  # the card is out
    card = ana.locator(".card-text").inner_text()
    assert card
    for page in (bo, cy):
        expect(page.locator(".card-text")).to_have_text(card)
        expect(page.get_by_role("heading", name="Ana drew this card")).to_be_visible()
    expect(bo.locator("#announce")).to_contain_text("Ana drew a card")

    answer(ana, "I would ask Sam what matters to them.")
    answer(bo, "Give people time to say what they want.")
    answer(cy, "Nobody should decide for me.")
    for page in (ana, bo, cy):
        expect(page.get_by_role("heading", name="Answers (3)")).to_be_visible()

    vote_for(ana, "Give people time")
    vote_for(bo, "Give people time")
    vote_for(cy, "Nobody should decide")
    vote_for(cy, "I would ask Sam")
    for page in (ana, bo):
        expect(page.locator(".answer", has_text="Give people time")).to_contain_text("2 votes")
    expect(ana.get_by_text("You have 2 of 3 votes left for this card.")).to_be_visible()
    expect(cy.get_by_text("You have 1 of 3 votes left for this card.")).to_be_visible()
    expect(ana.locator(".answer", has_text="Give people time").get_by_role("button", name="Take vote back")).to_be_visible()

    ana.evaluate("window.scrollTo(0, 0)")
    ana.screenshot(path=output_dir / "table-360x740.png")
    ana.screenshot(path=output_dir / "table-360x740-full.png", full_page=True)
    bo.screenshot(path=output_dir / "table-1280x800.png", full_page=True)

    cy.get_by_role("button", name="Next card").click()
    ana.locator("summary", has_text="What we agreed (1)").click()  # folded away on a phone: one tap to open
    for page in (ana, bo, cy):
        agreed = page.locator("section", has=page.get_by_role("heading", name="What we agreed"))
        expect(agreed).to_contain_text("Give people time to say what they want.")
        expect(page.locator(".card")).to_have_count(0)
    expect(bo.get_by_role("heading", name="It is your turn")).to_be_visible()
    expect(bo.locator("#announce")).to_contain_text("It is your turn")
    # the table chose Bo's words: Bo is told so, the others are not
    expect(bo.locator(".turn-yours")).to_have_text("That was your answer. The table chose it. Thank you!")
    for page in (ana, cy):
        expect(page.locator(".turn-yours")).to_have_count(0)


def test_a_reload_mid_round_keeps_name_table_and_votes(server, new_page, room, bot):
    made = room()
    ana = join(new_page(), server, made["code"], "Ana", "health")
    bo = bot(made, "Bo")
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()
    expect(ana.locator(".card")).to_be_visible()
    assert bo.act("respond", text="Ask first, then help.")["ok"]
    vote_for(ana, "Ask first")
    expect(ana.get_by_text("You have 2 of 3 votes left")).to_be_visible()
    token = ana.evaluate(f"localStorage.getItem('inourshoes:{made['code']}')")
    assert token

    ana.reload()
    expect(ana.locator(".whoami")).to_have_text("You are Ana (here as a health professional) at Table 1.")
    expect(ana.locator(".answer", has_text="Ask first").get_by_role("button", name="Take vote back")).to_be_visible()
    expect(ana.get_by_text("You have 2 of 3 votes left")).to_be_visible()
    expect(ana.locator(".card")).to_be_visible()
    assert ana.evaluate(f"localStorage.getItem('inourshoes:{made['code']}')") == token
    assert len(made["host"].view["players"]) == 2  # the same person, not a new one


def test_html_in_an_answer_is_shown_as_text_and_never_runs(server, new_page, room, bot):
    made = room()
    ana = new_page()
    dialogs = []
    ana.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    join(ana, server, made["code"], "Ana")
    bo = bot(made, "<b>Bo</b>")
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()
    expect(ana.locator(".card")).to_be_visible()  # drawn before Bo answers
    attack = "<img src=x onerror=alert(1)>"
    assert bo.act("respond", text=attack + " from Bo")["ok"]
    answer(ana, attack)
    expect(ana.locator(".answer .said", has_text="from Bo")).to_have_text(attack + " from Bo")
    expect(ana.locator(".answer .said").first).to_have_text(attack + " from Bo")
    expect(ana.locator(".people")).to_contain_text("<b>Bo</b>")
    ana.wait_for_timeout(300)
    assert ana.evaluate("document.querySelectorAll('img[src=\"x\"], b').length") == 0
    assert dialogs == []


def test_hidden_answers_show_who_answered_until_everyone_has(server, new_page, room, bot):
    made = room(hide_until_reveal=True)
    ana = join(new_page(), server, made["code"], "Ana")
    bo = bot(made, "Bo")
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()
    expect(ana.locator(".card")).to_be_visible()
    # someone reading further down the page is not moved when news arrives
    ana.evaluate("document.activeElement.blur(); window.scrollTo(0, document.body.scrollHeight)")
    scrolled = ana.evaluate("window.scrollY")
    assert scrolled > 0
    bo.act("respond", text="A secret answer")
    expect(ana.get_by_text("Answers are hidden until everyone has answered.")).to_be_visible()
    assert ana.evaluate("window.scrollY") == scrolled
    expect(ana.get_by_text("1 of 2 people have answered.")).to_be_visible()
    expect(ana.locator(".answers")).not_to_contain_text("Bo")
    expect(ana.get_by_text("A secret answer")).to_have_count(0)
    ana.get_by_role("button", name="Show answers").click()
    expect(ana.locator(".answer", has_text="A secret answer")).to_be_visible()
    expect(ana.get_by_role("button", name="Vote")).to_be_visible()


def test_someone_without_a_device_takes_part_through_a_neighbour(server, new_page, room):
    made = room()
    ana = join(new_page(), server, made["code"], "Ana")
    ana.get_by_role("button", name="Add someone without a phone or computer").click()
    ana.get_by_label("Their first name").fill("Sam")
    ana.get_by_label("They are here as...").select_option("person")
    ana.get_by_role("button", name="Add them to this table").click()
    expect(ana.get_by_text("The facilitator will add them")).to_be_visible()
    host = made["host"]
    waiting = host.wait_for(lambda v: v["waiting"])["waiting"][0]
    assert (waiting["name"], waiting["added_by_name"]) == ("Sam", "Ana")
    assert host.act("admit", player=waiting["id"])["ok"]
    expect(ana.locator(".people")).to_contain_text("No phone or computer: others write for them")
    expect(ana.get_by_text("Sam is at your table now.")).to_be_visible()  # not "will add them" any more
    expect(ana.get_by_text("The facilitator will add them")).to_be_hidden()
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()
    form = ana.locator("form.say-answer")
    form.get_by_label("Who is this from?").select_option(label="Sam (no phone or computer)")
    answer(ana, "Sam says: let me choose.")
    expect(ana.locator(".answer", has_text="let me choose")).to_contain_text("Sam, entered by Ana")
    ana.locator(".answers").get_by_label("Who is voting?").select_option(label="Sam (no phone or computer)")
    vote_for(ana, "let me choose")
    expect(ana.get_by_text("Sam has 2 of 3 votes left for this card.")).to_be_visible()
    ana.locator(".answers").get_by_label("Who is voting?").select_option(label="Me (Ana)")
    expect(ana.get_by_text("You have 3 of 3 votes left for this card.")).to_be_visible()


def test_after_writing_for_someone_the_next_answer_is_your_own_again(server, new_page, room):
    """Found playing a whole workshop: "Who is this from?" stayed on the person without a
    phone, so the tablemate's next answer went in their name without anyone noticing."""
    made = room()
    ana = join(new_page(), server, made["code"], "Ana")
    assert made["host"].act("add_person", name="Sam", perspective="person", table=made["tables"][0])["ok"]
    expect(ana.locator(".people")).to_contain_text("Sam")
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()
    chooser = ana.locator("form.say-answer").get_by_label("Who is this from?")
    chooser.select_option(label="Sam (no phone or computer)")
    answer(ana, "Sam says: let me choose.")
    expect(ana.locator(".answer", has_text="let me choose")).to_contain_text("Sam, entered by Ana")
    expect(chooser.locator("option:checked")).to_have_text("Me (Ana)")
    ana.wait_for_timeout(500)  # a second press within half a second is taken as a double-click
    answer(ana, "And I would ask him first.")
    mine = ana.locator(".answer", has_text="ask him first")
    expect(mine).to_contain_text("Ana (you)")
    expect(mine).not_to_contain_text("entered by")


def test_the_facilitator_moves_the_table_through_the_stages(server, new_page, room):
    made = room()
    host = made["host"]
    ana = join(new_page(), server, made["code"], "Ana")
    host.act("start")
    ana.get_by_label("Add a note for the table").fill("Tea first.")
    ana.get_by_label("Leave this out of the notes").last.check()
    ana.get_by_role("button", name="Add note").click()
    expect(ana.locator(".said-item", has_text="Tea first.")).to_contain_text("Not in the notes")

    host.act("timer", seconds=1)
    expect(ana.get_by_role("timer")).to_have_text("Time is up.", timeout=5000)
    ana.get_by_role("button", name="I need more time").click()
    expect(ana.get_by_text("The facilitator knows you need more time.")).to_be_visible()
    host.wait_for(lambda v: [p["name"] for p in v["more_time"]] == ["Ana"])

    host.act("broadcast", text="Ten minutes left, everyone.")
    expect(ana.locator("#notice")).to_contain_text("Ten minutes left, everyone.")
    ana.get_by_role("button", name="Close message").click()
    expect(ana.locator("#notice")).to_be_hidden()

    host.act("pause")
    expect(ana.get_by_role("heading", name="Paused")).to_be_visible()
    host.act("resume")
    expect(ana.get_by_role("heading", name="Paused")).to_be_hidden()

    host.act("stage", stage="reflect")
    expect(ana.get_by_role("heading", name="What is working?")).to_be_visible()
    ana.get_by_label("Add to “What is working?”").fill("People listen.")
    ana.locator(".reflect-working").get_by_role("button", name="Add").click()
    expect(ana.locator(".reflect-working")).to_contain_text("People listen.")

    host.act("stage", stage="pledge")
    ana.get_by_label("I will ...").fill("I will ask before I help.")
    ana.get_by_role("button", name="Make my pledge").click()
    expect(ana.locator(".pledge")).to_contain_text("I will ask before I help.")

    host.act("end")
    expect(ana.get_by_role("heading", name="Thank you for taking part")).to_be_visible()
    expect(ana.locator(".summary")).to_contain_text("People listen.")
    expect(ana.locator(".summary")).to_contain_text("I will ask before I help.")
    expect(ana.locator("textarea")).to_have_count(0)


def test_a_removed_person_sees_a_kind_goodbye_and_is_forgotten(server, new_page, room):
    made = room()
    ana = join(new_page(), server, made["code"], "Ana")
    player = made["host"].wait_for(lambda v: v["players"])["players"][0]["id"]
    made["host"].act("remove", player=player)
    expect(ana.get_by_text("The facilitator has taken you out of this workshop. Thank you for taking part.")).to_be_visible()
    assert ana.evaluate(f"localStorage.getItem('inourshoes:{made['code']}')") is None
    expect(ana.locator("#reconnecting")).to_be_hidden()


def test_home_page_joins_by_code_forgiving_case_and_spaces(server, new_page, room):
    made = room()
    page = new_page(server.url + "/", width=360, height=740)
    page.get_by_label("Room code").fill("  " + " ".join(made["code"].lower()) + " ")
    page.get_by_role("button", name="Join", exact=True).click()
    page.wait_for_url(f"**/j/{made['code']}")
    expect(page.get_by_role("heading", name="Carers' week")).to_be_visible()
    expect(page.get_by_role("img", name="QR code to join this workshop")).to_be_visible()


def test_home_page_starts_a_workshop_with_a_checked_deck_of_your_own(server, new_page):
    page = new_page(server.url + "/")
    page.route("**/host/**", lambda route: route.fulfill(body="<!doctype html><title>host</title><p>host</p>",
                                                          content_type="text/html"))
    page.get_by_label("Name of the workshop").fill("Our own cards")
    page.get_by_label("Use your own deck").check()
    page.get_by_label("Your deck file (.toml)").set_input_files(FIXTURES / "bad-unknown-icon.toml")
    expect(page.locator("#deck-check li")).to_have_count(1)
    expect(page.locator("#deck-check")).to_contain_text("unicorn")
    page.get_by_role("button", name="Start the workshop").click()
    expect(page.locator("#start-error")).to_contain_text("Please choose a deck file that passes the check first.")
    page.get_by_label("Your deck file (.toml)").set_input_files(FIXTURES / "good-minimal.toml")
    expect(page.locator("#deck-check")).to_contain_text("is ready: 6 cards")
    page.get_by_label("Hide answers until everyone has answered").check()
    page.get_by_role("button", name="Start the workshop").click()
    page.get_by_role("link", name="Open the facilitator’s page").click()  # after the host link to keep
    page.wait_for_url(re.compile(r"/host/[A-Z0-9]{6}#key="))


def test_an_unknown_code_says_so_on_the_home_page(server, browser):
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(server.url + "/j/zzzzzz")
    assert response.status == 200  # a page for a person, not a missing file (issue 11)
    expect(page.locator("#missing-code")).to_contain_text("“zzzzzz”")
    expect(page.get_by_label("Room code")).to_have_value("zzzzzz")
    context.close()


def test_the_facilitator_can_seat_and_move_you(server, new_page, room):
    made = room()
    ana = join(new_page(), server, made["code"], "Ana", table=None)
    expect(ana.get_by_text("Or wait here: the facilitator can seat you.")).to_be_visible()
    player = made["host"].wait_for(lambda v: v["players"])["players"][0]["id"]
    made["host"].act("move", player=player, table=made["tables"][1])
    expect(ana.get_by_role("heading", name="You are at Table 2")).to_be_visible()
    made["host"].act("start")
    made["host"].act("move", player=player, table=made["tables"][0])
    expect(ana.locator(".whoami")).to_contain_text("at Table 1")
    expect(ana.get_by_role("heading", name="It is your turn")).to_be_visible()


def test_losing_the_server_shows_reconnecting_and_rejoins_as_the_same_person(fresh_server, browser):
    # its own context: while the server is down, Chromium logs failed connections as errors
    fresh_server.start()
    made = fresh_server.create_room("Carers' week")
    context = browser.new_context()
    page = context.new_page()
    join(page, fresh_server, made["code"], "Ana")
    fresh_server.kill()
    expect(page.locator("#reconnecting")).to_be_visible()
    fresh_server.start()
    expect(page.locator("#reconnecting")).to_be_hidden(timeout=15000)
    expect(page.locator(".whoami")).to_contain_text("You are Ana")
    expect(page.locator(".person", has_text="Ana")).to_contain_text("Online")
    expect(page.get_by_role("heading", name="You are at Table 1")).to_be_visible()
    context.close()


def test_after_joining_the_page_is_sent_only_what_changes(server, new_page, room, bot):
    """The page asks for patches: one whole view, then small changes it applies itself."""
    made = room()
    page = new_page()
    frames = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: frames.append(data if isinstance(data, str) else "")))
    join(page, server, made["code"], "Ana", "carer")
    bo = bot(made, "Bo")
    assert made["host"].act("start")["ok"]
    turn = page.get_by_role("button", name="Draw a card")
    if bo.view["table"]["turn"] == bo.player_id:
        assert bo.act("draw")["ok"]
    else:
        turn.click()
    expect(page.locator(".card-text")).not_to_be_empty()
    before = len(frames)
    assert bo.act("respond", text="Ask them first.")["ok"]
    expect(page.locator(".answers")).to_contain_text("Ask them first.")
    changes = [f for f in frames[before:] if f.startswith('42["patch"')]
    assert changes and all('"ops"' in f for f in changes)
    assert not [f for f in frames if f.startswith('42["view"')]
    whole = [f for f in frames if f.startswith('42["patch"') and '"view":{' in f][-1]  # on sitting down
    assert max(len(f) for f in changes) * 5 < len(whole)


def test_two_people_with_one_name_are_told_apart_by_their_side(server, new_page, room, bot):
    made = room()
    bot(made, "Jo", "support_worker")  # the first to sit holds the first turn
    bot(made, "jo ", "manager")
    ana = join(new_page(width=390, height=844), server, made["code"], "Ana", "carer", table="Table 1")
    assert made["host"].act("start")["ok"]
    expect(ana.get_by_role("heading", name="It is Jo the support worker's turn")).to_be_visible()
    expect(ana.locator(".turn-token")).to_have_text("Jo the support worker's turn")
