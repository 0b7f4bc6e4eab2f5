"""The facilitator never loses their workshop: the host link shown once to keep (copy,
download, print), "My workshops" on the home page, and co-facilitator links that stop."""
from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


def watch(page, errors: list) -> None:
    page.set_default_timeout(10000)
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))


def test_a_facilitator_keeps_the_link_and_gets_back_in_from_my_workshops(server, browser, new_page, output_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    errors = []
    page = context.new_page()
    watch(page, errors)
    try:
        page.goto(server.url + "/")
        page.get_by_label("Name of the workshop").fill("Keep me <safe>")
        page.get_by_role("button", name="Start the workshop").click()

        # the link is shown once, with ways to keep it
        ready = page.get_by_role("region", name="Your workshop is ready")
        expect(ready).to_be_visible()
        link = page.get_by_label("Your host link").input_value()
        code = re.match(rf"{re.escape(server.url)}/host/([A-Z0-9]{{6}})#key=.+$", link).group(1)
        expect(ready).to_contain_text(f"{code[:3]} {code[3:]}")
        page.get_by_role("button", name="Copy the link").click()
        expect(ready.get_by_role("status")).to_contain_text("Copied")
        assert page.evaluate("navigator.clipboard.readText()") == link
        with page.expect_download() as download:
            page.get_by_role("button", name="Download as a file").click()
        assert download.value.suggested_filename == f"inourshoes-host-link-{code}.html"
        saved = Path(download.value.path()).read_text()
        assert f'href="{link}"' in saved and f"room code {code[:3]} {code[3:]}" in saved
        assert "Keep me &lt;safe&gt;" in saved and "<safe>" not in saved  # the title stays text
        assert "data:image/svg+xml" in saved  # with the QR code of the host link
        page.evaluate("window.print = () => { window.printed = true; }")  # no dialogue in a test
        page.get_by_role("button", name="Print it").click()
        page.wait_for_function("window.printed === true")
        sheet = page.locator("#print-sheet")
        expect(sheet).to_contain_text(f"Room code {code[:3]} {code[3:]}")  # as on every page
        expect(sheet).to_contain_text(link)
        assert sheet.locator("img").get_attribute("src").startswith("data:image/svg+xml")
        page.screenshot(path=str(output_dir / "host-link-ready.png"), full_page=True)
        page.emulate_media(media="print")
        page.screenshot(path=str(output_dir / "host-link-print.png"), full_page=True)
        page.emulate_media(media="screen")
        assert_accessible(page)
        for width in (640, 320):  # 1280px at 200%, and a small phone: no sideways scrolling
            page.set_viewport_size({"width": width, "height": 700})
            assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        page.set_viewport_size({"width": 1280, "height": 800})

        page.get_by_role("link", name="Open the facilitator’s page").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Keep me <safe>")
        assert "#key=" not in page.url
        page.close()  # the facilitator closes the tab ...

        again = context.new_page()  # ... and opens the home page in a new one
        watch(again, errors)
        again.goto(server.url + "/")
        mine = again.get_by_role("region", name="My workshops")
        expect(mine).to_contain_text("Keep me <safe>")
        expect(mine).to_contain_text(f"{code[:3]} {code[3:]}")
        again.screenshot(path=str(output_dir / "host-my-workshops.png"), full_page=True)
        assert_accessible(again)
        mine.get_by_role("link", name="Open Keep me <safe>").click()
        expect(again.get_by_role("heading", level=1)).to_have_text("Keep me <safe>")
        expect(again.locator("#room-state")).to_contain_text("Stage: Lobby")
        # a mistyped link says so, and never replaces the link this browser keeps
        again.goto(f"{server.url}/host/{code}#key=mistyped")
        expect(again.get_by_role("heading", name="This host link is not right")).to_be_visible()
        again.goto(f"{server.url}/host/{code}")
        expect(again.get_by_role("heading", level=1)).to_have_text("Keep me <safe>")

        # another device: the saved link, in a browser that has never seen the workshop
        other = new_page(link)
        expect(other.get_by_role("heading", level=1)).to_have_text("Keep me <safe>")
        assert "#key=" not in other.url

        # "forget this": gone from the list, and the bare address no longer opens it here
        again.goto(server.url + "/")
        mine.get_by_role("button", name="Forget this workshop: Keep me <safe>").click()
        mine.get_by_role("button", name="Yes, forget it").click()
        expect(mine).to_contain_text("is forgotten on this browser")
        expect(mine.get_by_role("link", name="Open Keep me <safe>")).to_have_count(0)
        again.goto(f"{server.url}/host/{code}")
        expect(again.get_by_role("heading", name="This host link is not right")).to_be_visible()
    finally:
        context.close()
    assert errors == []


def test_a_co_facilitator_link_works_until_it_is_stopped(server, new_page, output_dir):
    room = server.create_room("Two of us", "everyday-lives")
    main = new_page(room["host_url"])
    expect(main.get_by_role("heading", level=1)).to_have_text("Two of us")
    expect(main.get_by_role("button", name="Copy host link for a co-facilitator")).to_have_count(0)
    main.get_by_label("Their name (optional)").fill("Sam")
    main.get_by_role("button", name="Add a co-facilitator").click()
    expect(main.get_by_role("heading", name="A new link for Sam")).to_be_focused()
    link = main.locator("#cohost-new-link").input_value()
    assert link.startswith(f"{server.url}/host/{room['code']}#key=") and room["host_key"] not in link
    main.screenshot(path=str(output_dir / "host-cohost-link.png"))
    main.get_by_role("button", name="Done: hide the link").click()
    expect(main.locator("#cohost-new")).to_be_hidden()
    expect(main.locator("#cohost-list")).to_contain_text("Sam · link working")

    helper = new_page(link)
    expect(helper.get_by_role("heading", level=1)).to_have_text("Two of us")
    expect(helper.get_by_text("Only the facilitator with the main host link")).to_be_visible()
    expect(helper.get_by_role("button", name="Add a co-facilitator")).to_be_hidden()
    expect(helper.get_by_role("button", name=re.compile("^Stop this link"))).to_be_hidden()

    main.get_by_role("button", name="Stop this link (Sam)").click()
    main.get_by_role("button", name="Yes, stop Sam's link").click()
    expect(main.locator("#cohost-list")).to_contain_text("Sam · link stopped")
    # the open page is told at once, and the link no longer opens the workshop
    expect(helper.get_by_role("heading", name="This host link no longer works")).to_be_visible()
    expect(helper.locator("#host-live")).to_be_hidden()
    assert_accessible(helper)
    later = new_page(link)
    expect(later.get_by_role("heading", name="This host link is not right")).to_be_visible()
