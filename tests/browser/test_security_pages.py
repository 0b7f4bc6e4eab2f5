"""A code that names no workshop shows the friendly home page, with no error in the console
(`new_page` fails the test on any console error, "Failed to load resource" included)."""
from __future__ import annotations

from playwright.sync_api import expect


def test_an_unknown_code_shows_the_friendly_page_without_a_console_error(server, new_page, output_dir):
    page = new_page(width=390, height=844)
    response = page.goto(server.url + "/j/BCD-FGH")  # well formed, but no such workshop
    assert response.status == 200
    expect(page.locator("#missing-code")).to_contain_text("We could not find a workshop with the code “BCD-FGH”")
    expect(page.get_by_label("Room code")).to_have_value("BCD-FGH")
    expect(page.get_by_role("button", name="Join", exact=True)).to_be_visible()
    page.wait_for_load_state("networkidle")  # the page's own requests (the deck list) are done too
    page.screenshot(path=str(output_dir / "unknown-code-phone.png"), full_page=True)
