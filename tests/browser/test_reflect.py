"""Reflect on a phone: each box is its ideas and "Add an idea", one box's form open at a time
(issue 16: three open forms made the screen three similar blocks); on a laptop every form is
open beside the others."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_play import bot, join, room  # noqa: F401  (fixtures)

KINDS = ("working", "not_working", "matters")


def page_height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def test_on_a_phone_one_box_opens_at_a_time_and_a_draft_brings_its_box_back(server, new_page, room, bot, output_dir):  # noqa: F811
    made = room()
    phone = join(new_page(width=390, height=844), server, made["code"], "Ana")
    bo = bot(made, "Bo")
    made["host"].act("stage", stage="reflect")
    assert bo.act("note", kind="working", text="The day centre knows my mum by name.")["ok"]

    # the still path's spaces are pictures on a phone: a tap names one, as on the play board
    path = phone.get_by_role("region", name="Our path")
    path.locator(".space").nth(1).click()
    expect(path.locator(".path-key-text > *")).to_have_text(["Everyday life at home", "0 of 4 colours"])
    expect(path.locator(".space.is-picked")).to_have_count(1)
    working, matters = phone.locator(".reflect-working"), phone.locator(".reflect-matters")
    expect(working.locator(".said")).to_have_text("The day centre knows my mum by name.")
    for kind in KINDS:  # the ideas, and one button each: no form yet
        box = phone.locator(f".reflect-{kind}")
        expect(box.get_by_role("button", name="Add an idea")).to_have_attribute("aria-expanded", "false")
        expect(box.locator("form")).to_be_hidden()
    assert page_height(phone) < 1600, "three folded boxes should fit in about two screens"
    assert_accessible(phone)

    working.get_by_role("button", name="Add an idea").click()
    expect(working.get_by_label("Add to “What is working?”")).to_be_focused()
    expect(working.get_by_role("button", name="Add an idea")).to_be_hidden()
    matters.get_by_role("button", name="Add an idea").click()  # another box: the first folds
    expect(working.locator("form")).to_be_hidden()
    expect(matters.get_by_label("Add to “What matters most?”")).to_be_focused()
    phone.screenshot(path=output_dir / "reflect-one-open-390.png", full_page=True)

    matters.get_by_label("Add to “What matters most?”").fill("Being asked first.")
    matters.get_by_role("button", name="Add", exact=True).click()
    # the idea is on the wall: its box folds, and the person stands by it
    expect(matters.locator(".said")).to_have_text("Being asked first.")
    expect(matters.locator("form")).to_be_hidden()
    expect(matters.get_by_role("button", name="Add an idea to “What matters most?”")).to_be_focused()
    expect(phone.locator("#announce")).to_contain_text("Thank you. It is added.")
    matters.get_by_role("button", name="Add an idea").click()
    matters.get_by_role("button", name="Not now").click()
    expect(matters.locator("form")).to_be_hidden()
    expect(matters.get_by_role("button", name="Add an idea")).to_be_focused()

    # words left in a box when another opens: the folded box says so
    working.get_by_role("button", name="Add an idea").click()
    working.get_by_label("Add to “What is working?”").fill("Same carer every week")
    phone.locator(".reflect-not_working").get_by_role("button", name="Add an idea").click()
    expect(working.locator("form")).to_be_hidden()
    expect(working.locator(".idea-unsent")).to_have_text("Your idea here is not sent yet.")
    expect(working.get_by_role("button", name="Finish my idea")).to_be_visible()
    # the opened box's question is in view, below the top bar, not scrolled away
    heading_top = phone.get_by_role("heading", name="What is not working?").evaluate("h => h.getBoundingClientRect().top")
    bar = phone.evaluate("parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0")
    assert bar - 1 <= heading_top < 300, (heading_top, bar)
    working.get_by_role("button", name="Finish my idea").click()
    expect(working.get_by_label("Add to “What is working?”")).to_have_value("Same carer every week")
    working.get_by_label("Add to “What is working?”").fill("")

    # words typed and not sent: after a reload their box is the one open, the words in it
    phone.locator(".reflect-not_working").get_by_role("button", name="Add an idea").click()
    phone.get_by_label("Add to “What is not working?”").fill("Letters come late")
    phone.reload()
    expect(phone.get_by_label("Add to “What is not working?”")).to_have_value("Letters come late")
    expect(working.locator("form")).to_be_hidden()
    expect(matters.locator("form")).to_be_hidden()


def test_on_a_laptop_every_box_has_its_form_open(server, new_page, room):  # noqa: F811
    made = room()
    laptop = join(new_page(), server, made["code"], "Ana")
    made["host"].act("stage", stage="reflect")
    # the table's path stays in sight, still (no turn on it now)
    path = laptop.get_by_role("region", name="Our path")
    expect(path.locator(".space")).to_have_count(6)
    expect(path.locator(".board-progress")).to_have_text("0 of 6 outcomes met")
    expect(path.locator(".turn-token")).to_have_count(0)
    for kind in KINDS:
        box = laptop.locator(f".reflect-{kind}")
        expect(box.locator("textarea")).to_be_visible()
        expect(box.get_by_role("button", name="Add an idea")).to_be_hidden()
        expect(box.get_by_role("button", name="Not now")).to_be_hidden()


def test_in_easy_read_an_opened_box_starts_on_its_pictures(server, new_page, room):  # noqa: F811
    """A phone's keyboard came up over the pictures and the record button, which is how most
    people using Easy Read answer."""
    made = room()
    phone = join(new_page(width=390, height=844), server, made["code"], "Ana")
    phone.get_by_role("button", name="Easy Read: off").click()
    made["host"].act("stage", stage="reflect")
    working = phone.locator(".reflect-working")
    working.get_by_role("button", name="Add my idea").click()
    expect(working.get_by_role("button", name="Good", exact=True)).to_be_focused()
