"""A spoken or picture answer can have words added afterwards by someone at the table who
heard it (issue 15: "the table or the person can add words to it")."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_play import bot, join, room  # noqa: F401  (fixtures)


def test_a_tablemate_adds_words_to_a_picture_answer(server, new_page, room, bot):  # noqa: F811
    made = room()
    page = join(new_page(width=390, height=844), server, made["code"], "Ana")
    bo = bot(made, "Bo")
    made["host"].act("start")
    turn = made["host"].wait_for(lambda v: v["tables"][0]["turn"])["tables"][0]["turn"]
    if turn == bo.player_id:
        assert bo.act("draw")["ok"]
    else:
        page.get_by_role("button", name="Draw a card").click()
    bo.wait_for(lambda v: v["table"]["card"])  # the draw first
    assert bo.act("respond", symbol="not_good")["ok"]
    box = page.locator("details.add-words-box")
    expect(box).to_be_visible()
    box.locator("summary").click()
    page.get_by_label("Which answer?").select_option(label="A picture: Not good · Bo")
    page.get_by_label("The words to add").fill("Bo said the bus never comes.")
    page.get_by_role("button", name="Add the words").click()
    expect(page.locator(".answer")).to_contain_text("Bo said the bus never comes.")
    expect(page.locator(".answer .who")).to_contain_text("words written down by Ana")
    answer = bo.wait_for(lambda v: v["table"]["responses"][0]["text"])["table"]["responses"][0]
    assert (answer["text"], answer["words_by_name"]) == ("Bo said the bus never comes.", "Ana")
    expect(box).to_be_hidden()  # nothing more to add words to
    assert_accessible(page)
