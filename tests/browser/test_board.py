"""The table screen as a game board, in a real browser: the path of outcomes with footprints
in each perspective's colour, an outcome met as a shared moment (seen on a laptop and on a
phone at once), Poet's Corner, and the close with its pledge wall printed as A6 cards."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.decks import OUTCOMES, _toml, board_deck, poem_deck
from tests.browser.test_play import bot, join, room  # noqa: F401  (fixtures and a helper)

SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
WIDEST = """() => [...document.querySelectorAll('body *')].filter((n) => n.getBoundingClientRect().right > innerWidth + 1)
  .slice(-3).map((n) => `${n.tagName}.${n.className} ${Math.round(n.getBoundingClientRect().right)}`)"""


def no_sideways_scroll(page, widths=(390, 320)):
    size = page.viewport_size
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate(SIDEWAYS) <= 0, (f"sideways scrolling at {width}px", page.evaluate(WIDEST))
    page.set_viewport_size(size)


def calm(page):
    """Wait until the card has landed and spaces have stopped glowing (axe reads colours)."""
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")


def play_round(pages, bo, text):
    """One round: whoever holds the turn draws (a browser's person by pressing the button),
    Bo answers and votes for it, and moves the table on."""
    # a view with the turn set (one from before the start has none: a race seen in CI)
    table = bo.wait_for(lambda v: v["table"]["card"] is None and v["table"]["turn"] is not None)["table"]
    if table["turn"] == bo.player_id:
        assert bo.act("draw")["ok"]
    else:
        page = pages[table["turn"]]
        page.wait_for_timeout(500)  # a press within half a second of the last is taken as a double-click
        page.get_by_role("button", name="Draw a card").click()
    bo.wait_for(lambda v: v["table"]["card"] is not None)
    reply = bo.act("respond", text=text)
    assert reply["ok"], (reply, bo.view["table"]["card"])
    answer = bo.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]
    assert bo.act("vote", response=answer["id"])["ok"]
    assert bo.act("next")["ok"]
    return bo.wait_for(lambda v: v["table"]["card"] is None)["table"]["board"]


def ids_by_name(host, count):
    """{name: player id} once `count` people have joined."""
    return {p["name"]: p["id"] for p in host.wait_for(lambda v: len(v["players"]) >= count)["players"]}


def test_an_outcome_met_is_a_shared_moment_on_laptop_and_phone(server, new_page, room, bot, output_dir):  # noqa: F811
    made = room(deck_toml=board_deck())
    laptop = join(new_page(width=1280, height=900), server, made["code"], "Ana", "person")
    phone = join(new_page(width=390, height=844), server, made["code"], "Cy", "support_worker")
    bo = bot(made, "Bo", "carer")
    screen = new_page(f"{server.url}/screen/{made['code']}", width=1280, height=800)  # the room's big screen
    made["host"].act("start")
    players = ids_by_name(made["host"], 3)
    pages = {players["Ana"]: laptop, players["Cy"]: phone}

    # the board is the centre of the screen: five spaces, none met, whose turn it is
    board = laptop.locator(".board")
    expect(board.get_by_role("heading", name="Our path")).to_be_visible()
    expect(board.locator(".space")).to_have_count(5)
    expect(board.locator(".board-progress")).to_have_text("0 of 5 outcomes met")
    expect(board.locator(".turn-token strong")).to_have_text("Your turn")
    expect(board.locator(".turn-token")).to_contain_text("Go to your turn")  # no card yet: one tap to it
    expect(phone.locator(".turn-token")).to_have_text("Ana's turn")

    # a drawn card lands in its perspective's colours, with the outcome it counts for
    laptop.get_by_role("button", name="Draw a card").click()
    card = laptop.locator(".card")
    expect(card.locator(".card-outcome")).to_contain_text("On our path:")
    expect(card.locator(".card-told .footprint")).to_have_count(1)
    expect(board.locator(".space.is-current")).to_have_count(1)
    laptop.get_by_role("button", name="Easy Read: off").click()  # the spaces take their Easy Read names
    expect(board.locator(".space-name")).to_have_text(["My choices", "My home", "People I love", "Things I do", "Keeping well"])
    laptop.get_by_role("button", name="Easy Read: on").click()
    expect(board.locator(".space-name").first).to_have_text("Choice and control")
    assert bo.act("respond", text="Ask what matters to them first.")["ok"]
    expect(laptop.locator(".answer .who")).to_contain_text("Bo, a family carer")
    expect(laptop.locator(".answer .who .footprint")).to_have_count(1)
    # on a phone the spaces are pictures: a line names the card's space, or the one tapped
    current = laptop.locator(".space.is-current .space-name").inner_text()
    key = phone.locator(".path-key")
    expect(key).to_contain_text(f"This card: {current}")
    expect(laptop.locator(".path-key")).to_be_hidden()  # a laptop shows the names on the spaces
    phone.locator(".space").nth(4).click()
    expect(key.locator(".path-key-text > *")).to_have_text(["Staying well", "0 of 2 colours"])
    expect(key).not_to_contain_text("This card")
    expect(phone.locator(".space.is-picked")).to_have_count(1)  # the space tapped is marked
    expect(phone.locator(".space").nth(4)).to_have_class(re.compile("is-picked"))
    laptop.screenshot(path=output_dir / "board-1280.png", animations="disabled")
    phone.screenshot(path=output_dir / "board-390.png", animations="disabled")
    for page in (laptop, phone):
        calm(page)
        assert_accessible(page)
    no_sideways_scroll(phone)
    answer = bo.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]
    assert bo.act("vote", response=answer["id"])["ok"]
    assert bo.act("next")["ok"]
    expect(laptop.locator(".space .footprint")).to_have_count(1)  # the first footprint on the path
    # the footprint is the card's teller's, whoever wrote the answer: said in words
    told = bo.wait_for(lambda v: v["table"]["notes"])["table"]["notes"][-1]
    teller = {"person": "a person who gets care or support", "carer": "a family carer"}[told["card_perspective"]]
    expect(laptop.locator(".turn-footprint")).to_contain_text(f"The card was told by {teller}, so their footprint went on “{current}”.")

    met = bo.view["table"]["board"]
    for n in range(30):
        if met["met"]:
            break
        met = play_round(pages, bo, f"Answer {n}: listen first.")
    assert met["met"] == 1
    spot = next(o for o in met["outcomes"] if o["met"])
    # the whole room sees it on the big screen (first: it shows for ten seconds), with the colours that met
    moment = screen.locator("#screen-moment")
    expect(moment.get_by_role("heading")).to_have_text("Table 1 met an outcome!")
    expect(moment).to_contain_text(spot["name"])
    expect(moment).to_contain_text(spot["statement"])
    expect(moment.locator(".footprint")).to_have_count(len({tile["perspective"] for tile in spot["tiles"]}))
    expect(moment).not_to_contain_text("null")
    expect(screen.locator("#screen-moment-say")).to_have_text(f"Table 1 met an outcome: {spot['name']}.")
    screen.screenshot(path=output_dir / "screen-met.png", animations="disabled")
    calm(screen)
    assert_accessible(screen)
    for page in (laptop, phone):
        expect(page.locator(".space.is-met")).to_have_count(1)
        news = page.locator(".board-news")
        expect(news.locator(".news-title")).to_have_text(f"Well done! Outcome met: {spot['name']}")
        expect(news.locator(".news-statement")).to_have_text(f"“{spot['statement']}”")
        # the colours that met there, as on the big screen
        expect(news.locator(".footprint")).to_have_count(len({tile["perspective"] for tile in spot["tiles"]}))
        expect(page.locator(".board-progress")).to_have_text("1 of 5 outcomes met")
        expect(page.locator("#announce")).to_contain_text(f"Outcome met: {spot['name']}")
        expect(page.locator(".board-news")).to_be_in_viewport()  # the moment is seen where it happens
    expect(laptop.locator(".space.is-met")).to_contain_text(spot["statement"])
    laptop.screenshot(path=output_dir / "board-met.png", animations="disabled")
    phone.screenshot(path=output_dir / "board-met-390.png", animations="disabled")
    for page in (laptop, phone):
        calm(page)
        assert_accessible(page)
    no_sideways_scroll(phone)
    # "What we agreed" says how each note was agreed and which card it came from
    agreed = laptop.locator("section", has=laptop.get_by_role("heading", name="What we agreed"))
    expect(agreed.locator(".agreed-from").first).to_contain_text("Agreed by votes")
    expect(agreed.locator(".agreed-from").first).to_contain_text("On the card told by ")
    # the card's teller's footprint beside its words: the colour the board shows for that note
    teller = agreed.locator(".from-card .footprint").first
    expect(teller).to_have_attribute("data-perspective", laptop.locator(".space .footprint").first.get_attribute("data-perspective"))


def test_poets_corner_and_the_pledge_wall_at_the_close(server, new_page, room, bot, output_dir):  # noqa: F811
    made = room(deck_toml=poem_deck())
    host = made["host"]
    ana = join(new_page(width=1280, height=900), server, made["code"], "Ana", "person")
    bo = bot(made, "Bo", "carer")
    host.act("start")
    ana.get_by_role("button", name="Draw a card").click()
    corner = ana.locator(".poets-corner")
    expect(corner.get_by_role("heading", name="Poet’s Corner")).to_be_visible()
    corner.get_by_label("Your line").fill("We walk slowly, and we walk together.")
    corner.get_by_role("button", name="Add my line").click()
    expect(corner.locator(".poem-line")).to_contain_text("We walk slowly, and we walk together.")
    expect(corner.get_by_text("Thank you. Your line is in our poem.")).to_be_visible()
    assert bo.act("poem", text="A door opens when someone asks.")["ok"]
    expect(corner.locator(".poem-line")).to_have_count(2)
    expect(corner.locator(".poem-line").nth(1)).to_contain_text("Bo, a family carer")
    expect(corner.locator(".poem-about")).to_be_hidden()  # the card is on the table, above
    card_text = bo.wait_for(lambda v: v["table"]["card"])["table"]["card"]["text"]
    assert bo.act("next")["ok"]  # moved on: the corner stays until the next card, and says which card
    expect(ana.locator("#card-text")).to_have_count(0)
    expect(corner.locator(".poem-about")).to_have_text(f"The card was: “{card_text}”")
    corner.scroll_into_view_if_needed()
    ana.screenshot(path=output_dir / "poets-corner.png", animations="disabled")

    host.act("stage", stage="pledge")
    ana.get_by_label("I will ...").fill("I will ask before I help.")
    ana.get_by_role("button", name="Make my pledge").click()
    expect(ana.locator(".pledge .pledge-card")).to_contain_text("I will ask before I help.")
    assert bo.act("pledge", text="I will listen to my mum's choices.")["ok"]
    host.act("end")
    expect(ana.get_by_role("heading", name="Thank you for taking part")).to_be_visible()
    expect(ana.locator("#announce")).to_contain_text("The workshop has ended.")  # said, not only shown
    expect(ana.locator(".close-poem .poem-line")).to_have_count(2)
    wall = ana.locator(".close-pledges")
    expect(wall.locator(".pledge-card")).to_have_count(2)
    expect(wall.locator(".pledge-card").nth(1)).to_contain_text("Bo, a family carer")
    expect(ana.locator(".close-path .space")).to_have_count(5)
    ana.screenshot(path=output_dir / "closed-pledge-wall.png", full_page=True, animations="disabled")
    calm(ana)
    assert_accessible(ana)
    no_sideways_scroll(ana)

    # one pledge printed as a card to keep: only that card, on one A6 page
    ana.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    wall.locator(".pledge-card").first.get_by_role("button", name="Print as a card").click()
    ana.wait_for_function("() => window.printed === 1")
    ana.emulate_media(media="print")
    expect(ana.locator(".pledge-card.print-me")).to_be_visible()
    expect(ana.locator(".pledge-card").nth(1)).to_be_hidden()
    expect(ana.get_by_role("heading", name="Thank you for taking part")).to_be_hidden()
    ana.set_viewport_size({"width": 397, "height": 559})  # A6 at 96 dpi, to look at
    ana.screenshot(path=output_dir / "pledge-card-print.png")
    pdf = ana.pdf(path=output_dir / "pledge-card.pdf", prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) == 1, boxes  # one page
    width, height = (float(x) for x in boxes[0])
    assert abs(width - 297.6) < 2 and abs(height - 419.5) < 2  # A6 (105 x 148 mm), in points


def test_open_play_has_no_board_and_motion_can_be_turned_off(server, new_page, room, bot):  # noqa: F811
    made = room(deck_toml=board_deck(), play="open")
    ana = join(new_page(width=390, height=844), server, made["code"], "Ana", "person")
    ana.emulate_media(reduced_motion="reduce")
    bot(made, "Bo", "carer")
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()
    expect(ana.locator(".card")).to_be_visible()
    assert ana.eval_on_selector(".card", "card => getComputedStyle(card).animationName") == "none"  # no motion
    expect(ana.locator(".board")).to_be_hidden()
    expect(ana.locator(".card-outcome")).to_have_count(0)
    expect(ana.locator(".card-told .footprint")).to_have_count(1)  # the card keeps its colours


def agreed_fold(page):
    return page.locator("details", has=page.locator("summary", has_text="What we agreed"))


def page_height(page):
    return page.evaluate("document.documentElement.scrollHeight")


def test_what_we_agreed_folds_away_on_a_phone_and_stays_as_you_left_it(server, new_page, room, bot, output_dir):  # noqa: F811
    made = room(deck_toml=board_deck())
    host = made["host"]
    phone = join(new_page(width=390, height=844), server, made["code"], "Ana", "person")
    bo = bot(made, "Bo", "carer")
    host.act("start")
    players = ids_by_name(host, 2)
    fold = agreed_fold(phone)
    expect(fold.locator("summary")).to_have_text("What we agreed (0)")
    for n in range(6):
        play_round({players["Ana"]: phone}, bo, f"Answer {n}: ask the person what they want, then wait for the answer.")

    # on a phone it starts folded, with how many notes are in it: one tap to open
    summary = fold.locator("summary")
    expect(summary).to_have_text("What we agreed (6)")
    expect(fold).not_to_have_attribute("open", "")
    expect(fold.locator(".said-item").first).to_be_hidden()
    folded = page_height(phone)
    phone.evaluate("window.scrollTo(0, 0)")
    phone.screenshot(path=output_dir / "agreed-folded-390.png", full_page=True, animations="disabled")
    summary.click()
    expect(fold.locator(".said-item")).to_have_count(6)
    expect(fold.locator(".said-item").first).to_be_visible()
    expect(fold.get_by_role("button", name="Read aloud").first).to_be_visible()
    assert page_height(phone) > folded + 500, "the folded list should save a lot of scrolling"
    phone.screenshot(path=output_dir / "agreed-open-390.png", full_page=True, animations="disabled")
    phone.evaluate("document.documentElement.style.fontSize = '200%'")  # a phone's largest text
    phone.screenshot(path=output_dir / "agreed-open-390-200.png", full_page=True, animations="disabled")
    summary.click()
    phone.screenshot(path=output_dir / "agreed-folded-390-200.png", full_page=True, animations="disabled")
    no_sideways_scroll(phone)
    calm(phone)
    assert_accessible(phone)
    phone.evaluate("document.documentElement.style.fontSize = ''")

    # opened, it stays open through live updates, a new card and Easy Read switched on and off
    summary.click()
    expect(fold).to_have_attribute("open", "")
    host.act("broadcast", text="Ten minutes left.")
    expect(phone.locator(".banner-notice")).to_contain_text("Ten minutes left.")
    play_round({players["Ana"]: phone}, bo, "One more: listen first.")
    expect(summary).to_have_text("What we agreed (7)")
    expect(fold).to_have_attribute("open", "")
    phone.get_by_role("button", name="Easy Read: off").click()
    expect(agreed_fold(phone)).to_have_attribute("open", "")
    agreed_fold(phone).locator("summary").screenshot(path=output_dir / "agreed-easy-390.png")
    phone.get_by_role("button", name="Easy Read: on").click()
    fold = agreed_fold(phone)
    summary = fold.locator("summary")
    expect(fold).to_have_attribute("open", "")
    # shut again, it stays shut; focus stays where it was
    summary.click()
    expect(summary).to_be_focused()
    host.act("broadcast", text="Five minutes left.")
    expect(phone.locator(".banner-notice")).to_contain_text("Five minutes left.")
    expect(fold).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()

    # on a laptop it is simply open, its heading shown and no summary to tap
    phone.set_viewport_size({"width": 1280, "height": 900})
    expect(fold).to_have_attribute("open", "")
    expect(summary).to_be_hidden()
    expect(fold.get_by_role("heading", name="What we agreed")).to_be_visible()
    phone.set_viewport_size({"width": 390, "height": 844})
    expect(fold).not_to_have_attribute("open", "")  # back to the phone: as the person left it

    # the close folds it the same way, and keeps it open through live updates once opened
    assert host.act("stage", stage="closed")["ok"]
    expect(phone.get_by_role("heading", name="Thank you for taking part")).to_be_visible()
    closing = agreed_fold(phone)
    expect(closing.locator("summary")).to_have_text("What we agreed (7)")
    expect(closing).not_to_have_attribute("open", "")
    expect(closing.locator(".said-item").first).to_be_hidden()
    phone.screenshot(path=output_dir / "agreed-close-390.png", full_page=True, animations="disabled")
    closing.locator("summary").click()
    expect(closing.locator(".said-item")).to_have_count(7)
    expect(closing.locator(".said-item").first).to_be_visible()
    host.act("broadcast", text="Thank you all.")
    expect(phone.locator(".banner-notice")).to_contain_text("Thank you all.")
    expect(closing).to_have_attribute("open", "")
    expect(closing.locator("summary")).to_be_focused()
    calm(phone)
    assert_accessible(phone)


def footprint_deck() -> str:
    """Cards on "choice" told by a support worker (nobody at the test's table is one), by no
    one side (`anyone`) and one by a person; the other outcomes have a card from each person at the table."""
    cards = []
    for n in range(4):
        cards.append(("scenario", "support_worker", "choice", f"A support worker's story {n}.", f"A helper's story {n}."))
        cards.append(("question", "anyone", "choice", f"A question for everyone {n}?", f"A question {n}?"))
    cards.append(("scenario", "person", "choice", "A story of my own.", "My story."))
    for oid, *_ in OUTCOMES[1:]:
        for side in ("person", "carer"):
            cards.append(("scenario", side, oid, f"A situation about {oid}, told by {side}.", f"This is about {oid}."))
    return _toml("footprint-test", "Footprint test", 2, cards)


def test_footprints_are_said_in_the_decks_words_for_every_side(server, new_page, room, bot):  # noqa: F811
    made = room(deck_toml=footprint_deck())
    host = made["host"]
    ana = join(new_page(width=1280, height=900), server, made["code"], "Ana", "person")
    bo = bot(made, "Bo", "carer")
    host.act("start")
    players = ids_by_name(host, 2)
    board = bo.view["table"]["board"]
    for n in range(20):
        sides = {t["perspective"] for t in next(o for o in board["outcomes"] if o["id"] == "choice")["tiles"]}
        if {"support_worker", "anyone"} <= sides:
            break
        board = play_round({players["Ana"]: ana}, bo, f"Answer {n}.")
        ana.wait_for_timeout(600)  # Bo acts 4 times a round: stay under 40 actions in 10 seconds
    assert {"support_worker", "anyone"} <= sides

    # nobody at the table is a support worker, and no card is in play: still the deck's name
    words = ana.locator(".board .space[data-outcome='choice'] .sr-only")
    expect(words).to_contain_text("a support worker")
    expect(words).to_contain_text("for everyone at the table")
    said = words.text_content().strip()
    assert said.startswith("Footprints: ") and said.endswith("."), said
    names = {"a person who gets care or support", "a family carer", "a support worker", "for everyone at the table"}
    assert set(said[len("Footprints: "):-1].split(", ")) <= names, said  # never a bare id such as "support worker"
    ana.get_by_role("button", name="Easy Read: off").click()  # the Easy Read names, in Easy Read
    expect(words).to_contain_text("a paid helper")
    ana.get_by_role("button", name="Easy Read: on").click()

    # the close says the same
    host.act("end")
    closing = ana.locator(".close-path .space[data-outcome='choice'] .sr-only")
    expect(closing).to_contain_text("a support worker")
    expect(closing).to_contain_text("for everyone at the table")
    expect(closing).not_to_contain_text("anyone")


def test_the_big_screen_shows_every_table_again_as_soon_as_a_moment_ends(server, new_page, room, bot):  # noqa: F811
    """Found running a workshop: an outcome met pushed the paths down, so the projector paged
    them one table at a time, and it went on paging after the moment had gone."""
    made = room(deck_toml=board_deck())
    host = made["host"]
    assert host.act("add_table", count=1)["ok"]
    made["tables"] = [t["id"] for t in host.wait_for(lambda v: len(v["tables"]) == 3)["tables"]]
    people = [bot(made, name, side, table=n) for n, (name, side) in enumerate([("Bo", "carer"), ("Cy", "person"), ("Di", "carer")])]
    assert host.act("start")["ok"]
    screen = new_page(width=1280, height=600)
    screen.goto(f"{server.url}/screen/{made['code']}")
    rows, note = screen.locator("#screen-paths tbody tr"), screen.locator("#screen-paths-page")
    expect(rows).to_have_count(3)
    expect(note).to_be_hidden()  # three tables fit, with nothing above them
    bo = people[0]
    for n in range(30):
        if play_round({}, bo, f"Answer {n}: ask first.")["met"]:
            break
    moment = screen.locator("#screen-moment")
    expect(moment).to_be_visible()
    expect(note).to_be_visible()  # the moment pushes them down: a table at a time meanwhile
    expect(moment).to_be_hidden(timeout=15_000)
    expect(note).to_be_hidden(timeout=1_500)  # at once, not at the next page turn (8 s)
    for n in range(3):
        expect(rows.nth(n)).to_be_visible()
