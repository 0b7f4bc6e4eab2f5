"""A latecomer learns at once that a workshop is locked (or has ended), before filling in
the join form; someone who was here before is taken back in (issue 12)."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_play import bot, join, room  # noqa: F401  (fixtures)


def test_a_locked_workshop_says_so_on_the_join_page_at_once(server, new_page, room):  # noqa: F811
    made = room()
    page = join(new_page(width=390, height=844), server, made["code"], "Ana")  # here before the lock
    assert made["host"].act("lock")["ok"]
    latecomer = new_page(f"{server.url}/j/{made['code']}", width=390, height=844)
    closed = latecomer.locator("#join-closed")
    expect(closed).to_contain_text("not taking new people just now")
    expect(latecomer.locator("#join-form")).to_be_hidden()
    assert_accessible(latecomer)
    page.reload()  # the person who was already here goes straight back to their table
    expect(page.locator(".whoami")).to_contain_text("at Table 1")
    assert made["host"].act("unlock")["ok"]
    latecomer.get_by_role("link", name="Try again").click()
    expect(latecomer.locator("#join-form")).to_be_visible()
    assert made["host"].act("end")["ok"]
    latecomer.reload()
    expect(latecomer.locator("#join-closed")).to_contain_text("has ended")
