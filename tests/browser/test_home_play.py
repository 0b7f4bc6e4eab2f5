"""The facilitator chooses on the home page how the tables play: on the path (the board, the
default) or open play (cards and votes only)."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.server.clients import Participant


def test_a_workshop_started_for_open_play_has_no_board(server, new_page):
    page = new_page(server.url + "/")
    expect(page.get_by_label("On the path (the game board)")).to_be_checked()
    page.get_by_label("Name of the workshop").fill("Team meeting")
    page.get_by_label("Open play: cards and votes only").check()
    with page.expect_response("**/api/rooms") as made:
        page.get_by_role("button", name="Start the workshop").click()
    room = made.value.json()
    expect(page.get_by_role("region", name="Your workshop is ready")).to_be_visible()
    host = Participant(server.url)
    try:
        assert host.host(room["code"], room["host_key"])["ok"]
        assert host.view["room"]["play"] == "open"
        assert all(table["board"] is None for table in host.view["tables"])
    finally:
        host.close()
