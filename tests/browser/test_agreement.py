"""A table that really agrees, in a real browser: the proposed agreement, a tie chosen by the
table, "still writing" (or nobody has answered yet) before moving on, who may show hidden answers, and being moved by the
facilitator said in words."""
from __future__ import annotations

import re
import threading

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.decks import board_deck
from tests.browser.test_board import calm
from tests.browser.test_play import answer, bot, join, room, vote_for  # noqa: F401  (fixtures and helpers)


def test_a_tie_is_chosen_by_the_table(server, new_page, room, bot, output_dir):  # noqa: F811
    made = room(deck_toml=board_deck())
    ana = join(new_page(width=390, height=844), server, made["code"], "Ana", "person")
    bo = bot(made, "Bo", "carer")
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()
    bo.wait_for(lambda v: v["table"]["card"])  # the draw first
    assert bo.act("respond", text="Ask them what they want.")["ok"]
    answer(ana, "Change the rota back.")
    vote_for(ana, "Change the rota back.")
    expect(ana.locator(".proposal")).to_have_text("If you move on now, we keep: “Change the rota back.”")
    expect(ana.locator(".answer", has_text="Change the rota back.")).to_contain_text("Most votes")
    mine = next(r for r in bo.view["table"]["responses"] if r["text"] == "Ask them what they want.")
    assert bo.act("vote", response=mine["id"])["ok"]
    # level votes, before anyone moves on: the table is told what Next card will do
    expect(ana.locator(".proposal")).to_have_text(
        "2 answers have the same number of votes. If you move on now, you choose one of them together.")

    ana.get_by_role("button", name="Next card").click()
    tie = ana.locator(".tie")
    expect(tie.get_by_role("heading", name="A tie: choose together")).to_be_visible()
    expect(ana.locator(".tag-tie")).to_have_count(2)
    expect(ana.get_by_role("button", name="Next card")).to_be_hidden()
    expect(ana.locator("#announce")).to_contain_text("Please choose one together.")
    assert len(bo.wait_for(lambda v: v["table"]["tie"])["table"]["tie"]) == 2
    # each tied answer is its own card, in its writer's colours and with their name
    option = tie.locator(".tie-option", has_text="Ask them what they want.")
    expect(option.locator(".who")).to_contain_text("Bo, a family carer")
    expect(option).to_have_attribute("data-perspective", "carer")
    # a screen reader hears which answer each "Keep this one" keeps
    expect(option.get_by_role("button", name="Keep this one")).to_have_accessible_description("Ask them what they want.")
    ana.screenshot(path=output_dir / "tie-390.png", animations="disabled")
    calm(ana)
    assert_accessible(ana)

    tie.locator("li", has_text="Ask them what they want.").get_by_role("button", name="Keep this one").click()
    folded = ana.locator("summary", has_text="What we agreed")  # a phone may fold it away
    if folded.count():
        folded.click()
    agreed = ana.locator("section", has=ana.get_by_role("heading", name="What we agreed"))
    expect(agreed).to_contain_text("Ask them what they want.")
    expect(agreed.locator(".agreed-from")).to_contain_text("Chosen together after a tie")
    expect(agreed.locator(".agreed-from")).to_contain_text("On the card told by")
    expect(agreed.locator(".who")).to_contain_text("Bo, a family carer")
    note = bo.wait_for(lambda v: v["table"]["notes"])["table"]["notes"][0]
    assert (note["how"], note["text"]) == ("chosen", "Ask them what they want.")


def test_next_card_asks_first_while_others_are_still_writing(server, new_page, room, bot, output_dir):  # noqa: F811
    made = room(deck_toml=board_deck())
    ana = join(new_page(), server, made["code"], "Ana", "person")
    bo = bot(made, "Bo", "carer")
    cy = bot(made, "Cy", "support_worker")
    heard = []
    got = threading.Event()
    bo.sio.on("writing", lambda data: (heard.append(data["players"]), got.set()))
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()
    expect(ana.locator(".card")).to_be_visible()

    # one tap by mistake on a card nobody has answered asks first; staying keeps the card
    ana.get_by_role("button", name="Next card").click()
    question = ana.locator(".confirm-q")
    expect(question).to_have_text("Nobody has answered this card yet. Move on to the next card anyway?")
    expect(question).to_be_focused()
    ana.get_by_role("button", name="Stay on this card").click()
    expect(question).to_be_hidden()
    expect(ana.locator(".card")).to_be_visible()
    # a double tap on "Next card" whose second tap lands on "Move on anyway" moves nothing
    ana.wait_for_timeout(500)
    ana.evaluate("""() => { document.querySelector('[data-key="next"]').click();
                            document.querySelector('[data-key="next-anyway"]').click(); }""")
    expect(question).to_be_visible()
    ana.wait_for_timeout(300)
    expect(ana.locator(".card")).to_be_visible()
    ana.get_by_role("button", name="Stay on this card").click()

    # Ana typing is heard by her table
    ana.get_by_label("Your answer").press_sequentially("I would")
    assert got.wait(5)
    ana_id = bo.view["table"]["turn"]
    assert heard[-1] == [ana_id]

    for person in (bo, cy):
        assert person.call("typing", {"on": True})["ok"]
    expect(ana.locator(".writing")).to_have_text("Bo and Cy are still writing...")
    ana.wait_for_timeout(500)  # a press within half a second of the last is taken as a double-click
    ana.get_by_role("button", name="Next card").click()
    expect(question).to_have_text("2 people are still writing: Bo and Cy. Move on anyway?")
    expect(question).to_be_focused()
    ana.screenshot(path=output_dir / "still-writing.png", animations="disabled")
    calm(ana)
    assert_accessible(ana)
    ana.get_by_role("button", name="Wait for them").click()
    expect(question).to_be_hidden()
    expect(ana.get_by_role("button", name="Next card")).to_be_focused()
    expect(ana.locator(".card")).to_be_visible()

    assert cy.call("typing", {"on": False})["ok"]
    expect(ana.locator(".writing")).to_have_text("Bo is still writing...")
    ana.get_by_role("button", name="Next card").click()
    expect(question).to_have_text("1 person is still writing: Bo. Move on anyway?")
    ana.wait_for_timeout(500)  # time to read the question
    ana.get_by_role("button", name="Move on anyway").click()
    expect(ana.locator(".card")).to_have_count(0)
    expect(ana.get_by_role("heading", name="It is Bo's turn")).to_be_visible()


def test_show_answers_follows_the_reveal_rules(server, new_page, room, bot):  # noqa: F811
    made = room(deck_toml=board_deck(), hide_until_reveal=True)
    bo = bot(made, "Bo", "carer")  # Bo sits first: Bo's turn
    ana = join(new_page(), server, made["code"], "Ana", "person")
    made["host"].act("start")
    assert bo.act("draw")["ok"]
    assert bo.act("respond", text="Hidden for now.")["ok"]
    expect(ana.get_by_text("1 of 2 people have answered.")).to_be_visible()
    expect(ana.get_by_role("button", name="Show answers")).to_have_count(0)
    expect(ana.get_by_text("Bo can show the answers now. Anyone can once everyone has answered.")).to_be_visible()
    answer_box = ana.get_by_label("Your answer")
    answer_box.fill("Mine too.")
    ana.get_by_role("button", name="Add my answer").click()
    expect(ana.locator(".answer", has_text="Hidden for now.")).to_be_visible()  # everyone answered: shown

    # on the turn of someone without a device, anyone at the table may show the answers
    assert made["host"].act("add_person", name="Gran", perspective="person", table=made["tables"][0])["ok"]
    assert bo.act("next")["ok"]
    expect(ana.get_by_role("button", name="Draw a card")).to_be_visible()
    ana.get_by_role("button", name="Draw a card").click()
    expect(ana.locator(".card")).to_be_visible()
    assert bo.act("next")["ok"]
    expect(ana.get_by_role("button", name="Draw a card for Gran")).to_be_visible()
    ana.wait_for_timeout(500)  # not a double-click of "draw"
    ana.get_by_role("button", name="Draw a card for Gran").click()
    expect(ana.locator(".card")).to_be_visible()
    assert bo.act("respond", text="Early answer.")["ok"]
    expect(ana.get_by_text("1 of 2 people have answered.")).to_be_visible()
    ana.get_by_role("button", name="Show answers").click()
    expect(ana.locator(".answer", has_text="Early answer.")).to_be_visible()


def test_a_person_moved_by_the_facilitator_is_told_in_words(server, new_page, room):  # noqa: F811
    made = room()
    ana = join(new_page(width=390, height=844), server, made["code"], "Ana", "person")
    player = made["host"].wait_for(lambda v: v["players"])["players"][0]["id"]
    made["host"].act("move", player=player, table=made["tables"][1])
    note = ana.locator(".moved-note")
    expect(note).to_have_text("The facilitator has moved you to Table 2.OK")
    expect(ana.get_by_role("heading", name="You are at Table 2")).to_be_visible()
    note.get_by_role("button", name="OK").click()
    expect(note).to_be_hidden()
    ana.wait_for_timeout(500)  # the same button pressed again within half a second counts as a double-click
    ana.get_by_role("button", name="Sit at Table 1").click()  # your own choice is not news
    expect(ana.get_by_role("heading", name="You are at Table 1")).to_be_visible()
    expect(note).to_be_hidden()
    # a note left unread goes when the workshop moves on to its next stage
    made["host"].act("move", player=player, table=made["tables"][1])
    expect(note).to_be_visible()
    made["host"].act("start")
    expect(note).to_be_hidden()


def test_a_skipped_card_asks_the_facilitator_first_and_the_table_is_told(server, new_page, room, bot, output_dir):  # noqa: F811
    made = room(deck_toml=board_deck())
    ana = join(new_page(width=390, height=844), server, made["code"], "Ana", "person")
    bo = bot(made, "Bo", "carer")
    made["host"].act("start")
    host = new_page(made["host_url"])
    ana.get_by_role("button", name="Draw a card").click()
    answer(ana, "Ask them first.")
    table = host.get_by_role("article", name="Table 1")
    expect(table.locator(".answers")).to_contain_text("Ask them first.")

    # the facilitator is asked before it goes: for later, or out of the game
    left = bo.view["table"]["cards_left"]
    table.get_by_role("button", name="Skip this card").click()
    question = table.locator(".confirm", has=host.get_by_role("button", name="Put it back for later"))
    expect(question).to_contain_text("Table 1 has 1 answer on this card; skipping keeps none of them.")
    expect(table.get_by_role("button", name="Put it back for later")).to_be_focused()
    table.get_by_role("button", name="Keep the card").click()
    expect(question).to_be_hidden()
    assert bo.view["table"]["card"] is not None
    table.get_by_role("button", name="Skip this card").click()
    expect(table.get_by_role("button", name="Take it out of the game")).to_have_accessible_description(re.compile(
        "^Table 1 has 1 answer on this card; skipping keeps none of them. Put it back and it comes again"))
    table.get_by_role("button", name="Put it back for later").click()
    expect(table.locator(":scope > .status")).to_contain_text("Card skipped at Table 1: it comes back after a few cards.")
    assert bo.wait_for(lambda v: v["table"]["card"] is None)["table"]["cards_left"] == left + 1  # back in the pile
    expect(table.locator("h4")).to_be_focused()  # not the top of a page of many tables

    # the table hears that the card was skipped, not an older agreement
    expect(ana.locator(".turn-ended")).to_have_text("The facilitator skipped that card. Nothing was kept from it.")
    expect(ana.locator("#announce")).to_contain_text("The facilitator skipped the card.")
    assert bo.wait_for(lambda v: v["table"]["last_round"])["table"]["last_round"] == {"number": 1, "outcome": "skipped"}
    ana.screenshot(path=output_dir / "skipped-390.png", animations="disabled")
