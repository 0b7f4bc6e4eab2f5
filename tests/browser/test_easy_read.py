"""Easy Read for the whole participant interface, and answers with a picture (issue 15): a
whole round played in Easy Read on a 390 px phone, answering with a picture; an Easy-Read-
first deck starts in Easy Read and the person's own choice is remembered; reflect boxes take
pictures; announcements say what kind of card was drawn and batch new answers."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_play import bot, join, room  # noqa: F401  (fixtures)


def join_easy(page, server, code, name, as_label="A family carer"):
    """Join as a person would, switching Easy Read on first."""
    page.goto(f"{server.url}/j/{code}")
    page.get_by_role("button", name="Easy Read: off").click()
    expect(page.get_by_role("button", name="Easy Read: on")).to_be_visible()
    expect(page.locator("#join-welcome")).to_have_text("Welcome. Tell us your first name. Then choose who you are here as.")
    page.get_by_label("Your first name").fill(name)
    page.get_by_label(as_label).check()
    page.get_by_role("button", name="Join", exact=True).click()
    page.get_by_role("button", name="Sit at Table 1").click()
    expect(page.get_by_role("heading", name="Your table is Table 1")).to_be_visible()
    return page


def test_a_whole_round_in_easy_read_on_a_phone_answering_with_a_picture(server, new_page, room, bot, output_dir):  # noqa: F811
    made = room()
    page = join_easy(new_page(width=390, height=844), server, made["code"], "Ana")
    assert_accessible(page)
    bo = bot(made, "Bo")
    made["host"].act("start")

    expect(page.get_by_role("heading", name="It is your turn")).to_be_visible()
    page.get_by_role("button", name="Take a card").click()
    card = made["host"].wait_for(lambda v: v["tables"][0]["card"])["tables"][0]["card"]
    expect(page.locator(".card-text")).to_have_text(card["easy"].replace(" / ", "\n"))
    expect(page.locator("#announce")).to_contain_text("You took a card. It is ")

    # a picture and no words is an answer
    good = page.locator("form.say-answer").get_by_role("button", name="Good", exact=True)
    good.click()
    expect(good).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.locator(".answer .symbol-badge")).to_have_text("Picture: Good")
    expect(good).to_have_attribute("aria-pressed", "false")  # the form is ready for the next one

    assert bo.act("respond", symbol="unsure", text="Ask Sam first.")["ok"]
    expect(page.locator(".spread-words")).to_have_text("1 good, 1 not sure")
    spread = page.locator(".spread")
    expect(spread.locator(".spread-row.symbol-good")).to_contain_text("Ana")
    expect(spread.locator(".spread-row.symbol-unsure")).to_contain_text("Bo (someone paid to help people)")
    expect(spread.locator(".spread-row.symbol-unsure .footprint")).to_have_count(1)
    expect(page.locator("#announce")).to_contain_text("1 new answer.")

    # vote for the picture answer, and agree it like a written one
    mine = page.locator(".answer", has=page.locator(".symbol-good"))
    mine.get_by_role("button", name="Vote for this").click()
    expect(mine).to_contain_text("1 vote")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=output_dir / "easy-read-symbol-390.png", full_page=True)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=output_dir / "easy-read-symbol-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("document.documentElement.style.fontSize = '200%'")  # a phone's largest text
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    page.screenshot(path=output_dir / "easy-read-symbol-390-200.png", full_page=True)
    page.evaluate("document.documentElement.style.fontSize = ''")

    page.get_by_role("button", name="Next card").click()
    # what the table just agreed shows the picture itself, not "A picture: Good" in quotes
    expect(page.locator(".turn-agreed")).to_contain_text("We agreed:")
    expect(page.locator(".turn-agreed .symbol-badge")).to_have_text("Picture: Good")
    page.locator("summary", has_text="What we agreed").click()  # folded away in Easy Read on a phone
    agreed = page.locator("section", has=page.get_by_role("heading", name="What we agreed")).locator(".said-item")
    expect(agreed).to_have_count(1)
    expect(agreed.locator(".symbol-badge")).to_have_text("Picture: Good")
    # the card it came from, in the Easy Read words the table saw
    expect(agreed.locator(".from-card q")).to_contain_text(card["easy"].split(" / ")[0][:30])
    expect(page.get_by_role("heading", name="It is Bo's turn")).to_be_visible()
    assert_accessible(page)

    # remembered: a reload keeps Easy Read on
    page.reload()
    expect(page.get_by_role("button", name="Easy Read: on")).to_be_visible()
    expect(page.get_by_role("heading", name="It is Bo's turn")).to_be_visible()


def test_an_easy_read_first_deck_starts_in_easy_read_and_a_choice_is_remembered(server, new_page, room):  # noqa: F811
    made = room(deck="my-life-my-choices")
    page = new_page(f"{server.url}/j/{made['code']}", width=390, height=844)
    expect(page.get_by_role("button", name="Easy Read: on")).to_be_visible()
    expect(page.get_by_role("button", name="Join", exact=True)).to_be_visible()
    page.get_by_role("button", name="Easy Read: on").click()
    expect(page.get_by_role("button", name="Join the workshop")).to_be_visible()
    page.reload()
    expect(page.get_by_role("button", name="Easy Read: off")).to_be_visible()


def test_the_reflect_boxes_take_a_picture(server, new_page, room, output_dir):  # noqa: F811
    made = room()
    page = join_easy(new_page(width=390, height=844), server, made["code"], "Ana")
    made["host"].act("stage", stage="reflect")
    box = page.locator(".reflect-working")
    expect(box.get_by_role("heading", name="What is good?")).to_be_visible()
    box.get_by_role("button", name="Add my idea").click()  # on a phone, one box's form at a time
    box.get_by_role("button", name="Good", exact=True).click()
    box.get_by_role("button", name="Send").click()
    expect(box.locator(".said-item .symbol-badge")).to_have_text("Picture: Good")
    assert_accessible(page)
    page.screenshot(path=output_dir / "easy-read-reflect-390.png", full_page=True)


def test_announcements_name_the_kind_of_card_and_batch_new_answers(server, new_page, room, bot):  # noqa: F811
    made = room()
    bo, cy = bot(made, "Bo"), bot(made, "Cy")  # seated first: Bo holds the first turn
    page = new_page(f"{server.url}/j/{made['code']}")
    page.get_by_label("Your first name").fill("Ana")
    page.get_by_label("A family carer").check()
    page.get_by_role("button", name="Join the workshop").click()
    page.get_by_role("button", name="Sit at Table 1").click()
    made["host"].act("start")
    assert bo.act("draw")["ok"]
    card = bo.wait_for(lambda v: v["table"]["card"])["table"]["card"]
    kinds = {"scenario": "a situation", "reflection": "something to think about", "question": "a question",
             "wild": "a card that changes the game", "working": "what is working, what is not?"}
    expect(page.locator("#announce")).to_contain_text(f"Bo drew a card: {kinds[card['type']]}.")
    assert bo.act("respond", text="One.")["ok"]
    assert cy.act("respond", symbol="good")["ok"]
    expect(page.locator("#announce")).to_have_text("2 new answers.", timeout=8000)


def test_the_facilitator_hears_who_asked_for_more_time(server, new_page, room):  # noqa: F811
    made = room()
    host = new_page(f"{server.url}/host/{made['code']}#key={made['host_key']}")
    expect(host.locator("#host-news")).to_have_text("")
    ana = new_page(f"{server.url}/j/{made['code']}")
    ana.get_by_label("Your first name").fill("Ana")
    ana.get_by_label("A family carer").check()
    ana.get_by_role("button", name="Join the workshop").click()
    ana.get_by_role("button", name="Sit at Table 1").click()
    made["host"].act("start")
    ana.get_by_role("button", name="I need more time").click()
    expect(host.get_by_role("status").filter(has_text="asked for more time")).to_have_text(
        "Ana (Table 1) asked for more time.")


def test_easy_read_on_a_phone_folds_away_what_is_not_needed_to_act(server, new_page, room, output_dir):  # noqa: F811
    """One thing at a time (found playing a whole workshop at 200 % text): the card, your
    answer and the answers; who else it is from and "not in the notes" are one tap away,
    and the skip link no longer peeks in at the top of every page."""
    made = room()
    assert made["host"].act("add_person", name="Sam", perspective="person", table=made["tables"][0])["ok"]
    page = join_easy(new_page(width=390, height=844), server, made["code"], "Ana")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    skip = page.locator(".skip-link")
    box = skip.bounding_box()
    assert box["y"] + box["height"] <= 0, box  # out of sight until it has focus
    skip.focus()
    assert skip.bounding_box()["y"] >= 0
    page.evaluate("document.activeElement.blur()")
    made["host"].act("start")
    # Sam (no phone) sits first: Ana takes the first card for him, and "Who is this from?" is
    # in sight at once, not folded away
    page.get_by_role("button", name="Take a card for Sam").click()
    form = page.locator("form.say-answer")
    expect(form.get_by_label("Who is this from?")).to_be_visible()
    form.get_by_label("Who is this from?").select_option(label="Sam (no phone)")
    form.get_by_label("Your answer").fill("Sam says yes.")
    form.get_by_role("button", name="Send my answer").click()
    expect(page.locator(".answer", has_text="Sam says yes.")).to_contain_text("Sam, written by Ana")
    made["host"].act("next", table=made["tables"][0])
    page.wait_for_timeout(600)  # a second press of the draw button within 500 ms is a double-click

    # Ana's own card: the card, your answer and the answers; the rest one tap away
    page.get_by_role("button", name="Take a card", exact=True).click()
    expect(form.get_by_label("Your answer")).to_be_visible()
    expect(form.get_by_role("button", name="Good", exact=True)).to_be_visible()
    expect(form.get_by_label("Who is this from?")).to_be_hidden()
    expect(form.get_by_label("Do not put this in the notes")).to_be_hidden()
    expect(page.locator("summary", has_text="Vote for someone with no phone")).to_be_visible()
    expect(page.locator(".answers").get_by_label("Who is voting?")).to_be_hidden()
    expect(page.locator("summary", has_text="What we agreed")).to_be_visible()
    page.screenshot(path=output_dir / "easy-read-phone-200-card.png", full_page=True)
    form.locator("summary", has_text="More choices").click()
    expect(form.get_by_label("Who is this from?")).to_be_visible()
    form.get_by_label("Your answer").fill("Yes, ask first.")
    form.get_by_role("button", name="Send my answer").click()
    expect(page.locator(".answer", has_text="Yes, ask first.")).to_contain_text("Ana (you)")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert_accessible(page)


def test_the_easy_read_switch_keeps_focus_when_the_page_is_drawn_again(server, new_page, room):  # noqa: F811
    made = room()
    page = join(new_page(), server, made["code"], "Ben")
    made["host"].act("start")
    expect(page.get_by_role("heading", name="It is your turn")).to_be_visible()
    page.get_by_role("button", name="Easy Read: off").focus()
    page.keyboard.press("Enter")  # as someone using a keyboard would
    expect(page.get_by_role("button", name="Easy Read: on")).to_be_focused()
    expect(page.get_by_role("heading", name="It is your turn")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Easy Read: off")).to_be_focused()
