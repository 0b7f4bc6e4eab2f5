"""The facilitator sees what each table is saying, live: the card, the answers (hidden ones
stay hidden), votes, a tie the host can settle, what was agreed, whose voice is heard, the
board in miniature; and the "Tables" wall for a shared screen."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_host import people  # noqa: F401  (fixture)

NAMES = [("Ana", "person"), ("Ben", "carer"), ("Chidi", "manager")]


def seated(server, people, names=NAMES, **room_options):  # noqa: F811
    """A room whose people all sit at Table 1; returns (room, the people)."""
    room = server.create_room("What tables say", "everyday-lives", **room_options)
    group = people(room["code"], names)
    for person in group:
        assert person.act("sit", table="t1")["ok"]
    return room, group


def test_the_host_sees_answers_votes_a_tie_and_the_agreement_live(server, new_page, people, output_dir):  # noqa: F811
    room, (ana, ben, chidi) = seated(server, people, hide_until_reveal=True)
    page = new_page(room["host_url"])
    page.get_by_role("button", name="Start the workshop").click()
    table = page.get_by_role("article", name="Table 1")
    drawer = next(p for p in (ana, ben, chidi) if p.wait_for(lambda v: v["table"]["turn"])["table"]["turn"] == p.player_id)
    assert drawer.act("draw")["ok"]
    card = drawer.wait_for(lambda v: v["table"]["card"])["table"]["card"]
    expect(table.locator(".table-card-now")).to_contain_text(card["text"][:40])

    # hidden answers stay hidden (words and author) until the table shows them
    assert ana.act("respond", text="Ask them what a good day looks like.")["ok"]
    expect(table.locator(".answers")).to_contain_text("Answer 1: hidden until the table shows the answers")
    expect(table).not_to_contain_text("what a good day looks like")
    assert ben.act("respond", text="Keep the same carers where we can.")["ok"]
    expect(table).to_contain_text("2 of 3 have answered")
    table.get_by_role("button", name="Show answers").click()
    expect(table.locator(".answers")).to_contain_text("Ask them what a good day looks like.")
    expect(table.locator(".answers")).to_contain_text("Ana, a person who gets care or support")

    # votes as they come; a tie goes to the table, and the host may choose for it
    answers = ana.wait_for(lambda v: not v["table"]["hidden"])["table"]["responses"]
    assert ana.act("vote", response=answers[1]["id"])["ok"]
    assert ben.act("vote", response=answers[0]["id"])["ok"]
    expect(table.locator(".answers li").first).to_contain_text("1 vote")
    expect(table.locator(".answers li").nth(1)).to_contain_text("1 vote")
    table.get_by_role("button", name="Next card").dblclick()  # a double-click moves on once
    tie = table.get_by_role("group", name="Table 1: answers with the same votes")
    expect(tie).to_be_visible()
    expect(table.get_by_role("button", name="Next card")).to_be_disabled()
    expect(table.locator(".status-error")).to_have_count(0)
    # said at the top too (the table's card is screens below), with a way there
    alert = page.locator("#tie-alert")
    expect(alert).to_contain_text("Table 1 has answers with the same votes.")
    page.screenshot(path=str(output_dir / "host-tie-1280.png"), full_page=True)
    assert_accessible(page)
    alert.get_by_role("button", name="Go to Table 1").click()
    expect(table.get_by_role("heading", name="Table 1")).to_be_focused()
    tie.get_by_role("button", name="Agree: Keep the same carers where we can.").click()
    expect(table.get_by_role("heading", name="Table 1")).to_be_focused()  # not lost with the tie's buttons
    expect(alert).to_be_hidden()

    agreed = table.locator(".agreed-list")
    expect(agreed).to_contain_text("Keep the same carers where we can.")
    expect(agreed).to_contain_text("Ben, a family carer · chosen by the facilitator after a tie")  # the host chose
    # the spotlight numbers each table's agreed notes (many read alike)
    expect(page.locator("#spotlight-choice option", has_text="Table 1, agreed 1: Keep the same carers")).to_have_count(1)
    expect(agreed).to_contain_text(f"From the card: {card['text'][:40]}")
    expect(tie).to_be_hidden()
    # Chidi sat there and said nothing: the facilitator is told, in words
    expect(table).to_contain_text("Table 1 has not yet heard from a manager.")
    expect(page.locator("#voice-sentences")).to_contain_text("Table 1 has not yet heard from a manager.")
    expect(page.locator("#voice-room")).to_contain_text("a manager")
    if card.get("outcome"):  # the agreed card's footprint is on the board in miniature
        expect(table.locator(".mini-strip .footprint")).to_have_count(1)
        # Table 2 has nobody and no cards: the progress counts the table that is playing
        expect(page.locator("#room-progress")).to_contain_text("of 6 outcomes met across 1 table.")
    page.screenshot(path=str(output_dir / "host-tables-1280.png"), full_page=True)
    # the tie's news stays until the next card, not for the rest of the workshop
    status = table.locator("p.status").first
    expect(status).to_contain_text("You chose an answer for Table 1")
    turn = ana.wait_for(lambda v: v["table"]["card"] is None and v["table"]["turn"])["table"]["turn"]
    assert next(p for p in (ana, ben, chidi) if p.player_id == turn).act("draw")["ok"]
    expect(status).to_have_text("")


def test_the_tables_wall_shows_each_card_and_agreement_without_private_text(server, new_page, people, output_dir):  # noqa: F811
    room, (ana, ben, chidi) = seated(server, people)
    page = new_page(room["host_url"])
    page.get_by_role("button", name="Start the workshop").click()
    drawer = next(p for p in (ana, ben, chidi) if p.wait_for(lambda v: v["table"]["turn"])["table"]["turn"] == p.player_id)
    assert drawer.act("draw")["ok"]
    assert ana.act("respond", text="A quiet word first, then ask.", private=True)["ok"]
    answer = ana.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]["id"]
    assert ben.act("vote", response=answer)["ok"]
    assert ben.act("next")["ok"]  # agreed, kept in the room
    drawer = next(p for p in (ana, ben, chidi) if p.wait_for(lambda v: v["table"]["turn"] and not v["table"]["card"])["table"]["turn"] == p.player_id)
    assert drawer.act("draw")["ok"]
    card = drawer.wait_for(lambda v: v["table"]["card"])["table"]["card"]

    page.get_by_role("button", name="Tables wall").click()
    wall = page.get_by_role("dialog", name="Tables")
    expect(wall).to_be_visible()
    tile = wall.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Table 1"))
    expect(tile).to_contain_text(card["text"][:40])
    expect(tile).to_contain_text("Latest agreement")
    expect(tile).to_contain_text("Not in the notes")
    expect(wall).not_to_contain_text("A quiet word first")
    for name, _ in NAMES:
        expect(wall).not_to_contain_text(name)
    expect(wall.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Table 2"))).to_contain_text("Nothing agreed yet")

    # it stays live while it is up
    assert chidi.act("respond", text="Write it down together.")["ok"]
    expect(tile).to_contain_text("1 answer so far")
    page.screenshot(path=str(output_dir / "host-wall-1280.png"))
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(wall).to_be_hidden()
    expect(page.get_by_role("button", name="Tables wall")).to_be_focused()


KINDS = {"scenario": "A situation", "reflection": "Something to think about", "question": "A question",
         "wild": "A card that changes the game", "working": "What is working, what is not?"}


def test_a_picture_agreed_shows_on_the_wall_and_cards_have_the_tables_words(server, new_page, people):  # noqa: F811
    """Found playing a whole workshop: the wall's "Latest agreement" was empty when the table
    agreed a picture answer, and the host called cards by older names than the table."""
    room, (ana, ben, chidi) = seated(server, people)
    page = new_page(room["host_url"])
    page.get_by_role("button", name="Start the workshop").click()
    drawer = next(p for p in (ana, ben, chidi) if p.wait_for(lambda v: v["table"]["turn"])["table"]["turn"] == p.player_id)
    assert drawer.act("draw")["ok"]
    card = drawer.wait_for(lambda v: v["table"]["card"])["table"]["card"]
    expect(page.get_by_role("article", name="Table 1").locator(".table-card-now")).to_contain_text(KINDS[card["type"]])
    assert ana.act("respond", symbol="unsure")["ok"]
    answer = ana.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]["id"]
    assert ben.act("vote", response=answer)["ok"]
    assert ben.act("next")["ok"]
    ben.wait_for(lambda v: v["table"]["card"] is None)
    page.get_by_role("button", name="Tables wall").click()
    tile = page.get_by_role("dialog", name="Tables").get_by_role("listitem").filter(has=page.get_by_role("heading", name="Table 1"))
    expect(tile.locator(".wall-agreed-text")).to_have_text("A picture: Not sure")


def test_one_press_takes_the_facilitator_to_the_tables_and_whose_voice_comes_after_them(server, new_page, people):  # noqa: F811
    room, _ = seated(server, people)
    page = new_page(room["host_url"], width=1280, height=800)
    page.get_by_role("button", name="Start the workshop").click()
    expect(page.get_by_role("article", name="Table 1")).to_be_attached()
    page.get_by_role("button", name="Go to the tables").click()
    heading = page.get_by_role("heading", name="Tables", exact=True)
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    expect(page.get_by_role("article", name="Table 1")).to_be_in_viewport()
    tables, voice = (page.locator(f"#{part}").bounding_box() for part in ("tables", "voice-room"))
    assert tables["y"] + tables["height"] <= voice["y"]  # the tables first, then the chart


def test_moving_every_table_on_offers_to_clear_the_last_stages_message_and_timer(server, new_page, people):  # noqa: F811
    room, (ana, _, _) = seated(server, people)
    page = new_page(room["host_url"])
    page.get_by_role("button", name="Start the workshop").click()
    expect(page.get_by_role("button", name="Move everyone to Reflect")).to_be_visible()
    page.get_by_label("Message", exact=True).fill("Ten minutes left for cards.")
    page.get_by_role("button", name="Send to everyone").click()
    page.get_by_role("button", name="Start timer").click()
    ana.wait_for(lambda v: v["room"]["notice"] and v["room"]["timer"])
    expect(page.locator("#timer-chip")).to_have_text(re.compile(r"^Time left: \d+:\d\d$"))  # at the top of the page too
    page.get_by_role("button", name="Move everyone to Reflect").click()
    offer = page.locator("#stage-leftovers")
    expect(offer).to_contain_text("Your message and the timer are still showing to everyone.")
    offer.get_by_role("button", name="Clear the message").click()
    assert ana.wait_for(lambda v: not v["room"]["notice"])["room"]["timer"]  # the timer is kept
    expect(offer).to_contain_text("The timer is still running for everyone.")
    expect(offer.get_by_role("button", name="Clear the message")).to_have_count(0)
    page.get_by_role("button", name="Clear timer").click()  # cleared elsewhere: the offer goes
    expect(offer).to_be_hidden()
    expect(page.locator("#timer-chip")).to_be_hidden()
    # heard with the move; "Keep it" puts the offer away and keeps the message
    page.get_by_label("Message", exact=True).fill("Write your pledge on your phone.")
    page.get_by_role("button", name="Send to everyone").click()
    ana.wait_for(lambda v: v["room"]["notice"])
    page.get_by_role("button", name="Move everyone to Pledge").click()
    expect(page.locator("#now-status")).to_have_text("All tables are now at: Pledge. Your message is still showing to everyone.")
    offer.get_by_role("button", name="Keep it").click()
    expect(offer).to_be_hidden()
    assert ana.view["room"]["notice"]["text"] == "Write your pledge on your phone."


def test_a_long_workshop_folds_each_tables_earlier_agreements(server, new_page, people):  # noqa: F811
    """Found running a workshop: every agreement stayed open on every table's card, and the
    third table started thousands of pixels down."""
    room, group = seated(server, people, names=NAMES[:2])
    page = new_page(room["host_url"])
    page.get_by_role("button", name="Start the workshop").click()
    for n in range(5):
        # the view after the last agreement (an older one names the last turn's holder)
        done = lambda v, n=n: v["table"]["card"] is None and v["table"]["turn"] and sum(x["kind"] == "agreed" for x in v["table"]["notes"]) == n  # noqa: E731
        turn = group[0].wait_for(done)["table"]["turn"]
        holder = next(p for p in group if p.player_id == turn)
        assert holder.act("draw")["ok"]
        holder.wait_for(lambda v: v["table"]["card"] is not None)
        assert holder.act("respond", text=f"Agreement {n}")["ok"]
        answer = holder.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]
        assert holder.act("vote", response=answer["id"])["ok"] and holder.act("next")["ok"]
    card = page.get_by_role("article", name="Table 1")
    expect(card.get_by_role("heading", name="What this table agreed (5)")).to_be_visible()
    recent = card.locator("ol.agreed-list").first
    expect(recent.locator("> li")).to_have_count(3)
    expect(recent.locator("> li").first).to_contain_text("Agreement 4")  # the newest first
    earlier = card.locator("details", has_text="Earlier agreements (2)")
    expect(earlier.get_by_text("Agreement 1")).to_be_hidden()
    earlier.locator("summary").click()
    expect(earlier.get_by_text("Agreement 1")).to_be_visible()
    assert_accessible(page)


def test_the_hosts_next_card_asks_first_when_nobody_has_voted(server, new_page, people):  # noqa: F811
    room, (ana, ben, chidi) = seated(server, people)
    page = new_page(room["host_url"])
    page.get_by_role("button", name="Start the workshop").click()
    table = page.get_by_role("article", name="Table 1")
    drawer = next(p for p in (ana, ben, chidi) if p.wait_for(lambda v: v["table"]["turn"])["table"]["turn"] == p.player_id)
    assert drawer.act("draw")["ok"]
    assert ana.act("respond", text="Ask what a good day looks like.")["ok"]
    expect(table.locator(".answers")).to_contain_text("Ask what a good day looks like.")
    # nothing voted: the card would go with nothing kept, so the host is asked
    table.get_by_role("button", name="Next card").click()
    expect(table.get_by_text("Nobody at Table 1 has voted on this card yet")).to_be_visible()
    expect(table.get_by_role("button", name="Move on anyway")).to_be_focused()
    table.get_by_role("button", name="Stay on this card").click()
    expect(table.get_by_role("button", name="Next card")).to_be_focused()
    assert ana.view["table"]["card"]  # still on the card
    # a vote: Next card agrees it at once, and focus stays at the table (not the top of the page)
    answer = ana.view["table"]["responses"][0]["id"]
    assert ben.act("vote", response=answer)["ok"]
    expect(table.locator(".answers li").first).to_contain_text("1 vote")
    table.get_by_role("button", name="Next card").click()
    expect(table.get_by_role("heading", name="Table 1", level=4)).to_be_focused()
    ana.wait_for(lambda v: v["table"]["card"] is None and v["table"]["last_round"]["outcome"] == "agreed")
