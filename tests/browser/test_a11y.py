"""Accessibility of the participant's screens: axe-core finds no WCAG 2.x A/AA violation, text
is at least 18px, buttons and fields are at least 44px tall, and nothing needs sideways
scrolling at 200% zoom or on a 320px-wide phone."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_play import AS, bot, join, room  # noqa: F401  (fixtures and a helper)

SMALL_TEXT = """() => {
  const small = [];
  for (const node of document.querySelectorAll('body *')) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || node.closest('.sr-only, [hidden]')) continue;
    const text = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    if (text && parseFloat(style.fontSize) < 18) small.push(node.tagName + ' ' + style.fontSize + ' ' + node.textContent.trim().slice(0, 30));
  }
  return small;
}"""

SMALL_TARGETS = """() => {
  const small = [];
  for (const node of document.querySelectorAll('button, select, textarea, input:not([type=radio]):not([type=checkbox])')) {
    const box = node.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.height < 44 || box.width < 44) small.push(node.outerHTML.slice(0, 60) + ' ' + box.width + 'x' + box.height);
  }
  for (const node of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
    const row = node.parentElement.getBoundingClientRect();
    if (row.height && row.height < 44) small.push(node.id + ' row ' + row.height);
  }
  return small;
}"""


def check(page, shots, name):
    """Everything this file promises, on the screen the page shows now (and a screenshot of it
    in test-output/, for a person to look at)."""
    page.screenshot(path=shots / f"a11y-{name}.png", full_page=name != "paused")
    assert_accessible(page)
    assert page.evaluate(SMALL_TEXT) == []
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.evaluate("parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize)") >= 1.5
    size = page.viewport_size
    for width, height in ((640, 400), (320, 640)):  # 1280px at 200% zoom; a small phone
        page.set_viewport_size({"width": width, "height": height})
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"sideways scrolling of {overflow}px at {width}px"
    page.set_viewport_size(size)


def test_home_page(server, output_dir, new_page):
    page = new_page(server.url + "/")
    expect(page.locator("#deck-options input")).not_to_have_count(0)
    check(page, output_dir, "home")
    page.get_by_role("button", name="Join", exact=True).click()
    expect(page.locator("#join-error")).to_contain_text("Please type the room code first.")
    page.get_by_label("Use your own deck").check()
    check(page, output_dir, "home-own-deck")


def test_join_choose_a_table_and_lobby(server, output_dir, new_page, room):  # noqa: F811
    made = room()
    page = new_page(f"{server.url}/j/{made['code']}", width=360, height=740)
    page.get_by_role("button", name="Join the workshop").click()
    expect(page.locator("#name-error")).to_have_text("Please tell us your first name.")
    check(page, output_dir, "join-form-error")
    page.get_by_label("Your first name").fill("Ana")
    page.get_by_label("A support worker").check()
    page.get_by_role("button", name="Join the workshop").click()
    expect(page.get_by_role("heading", name="Choose a table")).to_be_visible()
    check(page, output_dir, "choose-table")
    page.get_by_role("button", name="Sit at Table 2").click()
    expect(page.get_by_role("heading", name="You are at Table 2")).to_be_visible()
    page.get_by_role("button", name="Add someone without a phone or computer").click()
    check(page, output_dir, "lobby-add-person")


def test_join_says_what_is_missing_beside_it_in_view_on_a_phone(server, output_dir, new_page, room):  # noqa: F811
    made = room()
    page = new_page(f"{server.url}/j/{made['code']}", width=390, height=844)
    group = page.get_by_role("radiogroup", name="I am here as…")
    error = page.locator("#as-error")
    name = page.get_by_label("Your first name")
    join_button = page.get_by_role("button", name="Join the workshop")

    # no choice says the same thing twice ("Someone else who cares about this — someone else")
    expect(page.locator("label[for='as-other'] .choice-words")).to_have_text("Someone else who cares about this")
    expect(page.locator("label[for='as-carer'] .choice-words")).to_have_text("A family carer a family member who helps")
    for choice in page.locator(".perspectives .choice").all():
        title = choice.locator(".choice-title").text_content().lower()
        for detail in choice.locator(".choice-detail").all_text_contents():
            assert re.sub(r"^(a|an|the) ", "", detail.lower()) not in title, (title, detail)

    # a name but no choice: the error is right under "I am here as…", on screen with the focus
    name.fill("Ana")
    join_button.click()
    expect(page.get_by_label(AS["person"])).to_be_focused()
    expect(error).to_have_text("Please choose how you are here: “I am here as…”.")
    expect(error).to_be_in_viewport(ratio=1)
    expect(group.locator("legend")).to_be_in_viewport(ratio=1)
    legend_bottom = group.locator("legend").bounding_box()
    assert error.bounding_box()["y"] - (legend_bottom["y"] + legend_bottom["height"]) < 16
    expect(group).to_have_attribute("aria-invalid", "true")
    expect(group).to_have_attribute("aria-describedby", "as-error")
    expect(group).to_have_accessible_description("Please choose how you are here: “I am here as…”.")
    expect(page.locator("#join-error")).to_be_empty()
    check(page, output_dir, "join-choice-missing")
    page.get_by_role("button", name="Easy Read: off").click()  # the error follows the switch
    expect(error).to_have_text("Please choose who you are here as.")
    page.get_by_role("button", name="Easy Read: on").click()

    # choosing clears it
    page.locator("label[for='as-carer']").click()
    expect(error).to_be_empty()
    expect(group).not_to_have_attribute("aria-invalid", "true")

    # no name: said under the name box, in view, until a name is typed
    name.fill("")
    join_button.click()
    expect(name).to_be_focused()
    expect(page.locator("#name-error")).to_have_text("Please tell us your first name.")
    expect(page.locator("#name-error")).to_be_in_viewport(ratio=1)
    expect(name).to_have_attribute("aria-invalid", "true")
    name.press_sequentially("Ana")
    expect(page.locator("#name-error")).to_be_empty()
    expect(name).not_to_have_attribute("aria-invalid", "true")
    join_button.click()
    expect(page.get_by_role("heading", name="Choose a table")).to_be_visible()


def test_table_screen_in_play(server, output_dir, new_page, room, bot):  # noqa: F811
    made = room()
    page = join(new_page(), server, made["code"], "Ana")
    bo = bot(made, "Bo")
    assert made["host"].act("add_person", name="Sam", perspective="person", table="t1")["ok"]
    made["host"].act("start")
    page.get_by_role("button", name="Draw a card").click()
    bo.wait_for(lambda v: v["table"]["card"])  # the click's draw first (a race CI hit)
    assert bo.act("respond", text="Ask them first.", private=True)["ok"]
    bo.act("vote", response=bo.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]["id"])
    expect(page.locator(".answer")).to_have_count(1)
    made["host"].act("timer", seconds=600)
    made["host"].act("broadcast", text="Halfway there.")
    expect(page.locator("#notice")).to_be_visible()
    expect(page.get_by_role("timer")).to_contain_text("Time left")
    expect(page.locator("#announce")).to_contain_text("The facilitator started a timer: 10 minutes.")
    page.get_by_role("button", name="Easy Read: off").click()
    check(page, output_dir, "play")
    made["host"].act("pause")
    expect(page.get_by_role("heading", name="A short break")).to_be_visible()
    expect(page.locator(".paused-notice")).to_have_text("Message: Halfway there.")  # the message stays readable
    check(page, output_dir, "paused")
    # the same timer going on after the break is not a new one "started"
    made["host"].act("resume")
    expect(page.locator("#announce")).to_contain_text("The timer has 10 minutes left.")  # in Easy Read
    # a timer set during a break is heard of when it is set, not first as "now has ... left"
    made["host"].act("timer", seconds=None)
    made["host"].act("pause")
    made["host"].act("timer", seconds=300)
    expect(page.locator("#announce")).to_contain_text("A timer is ready: 5 minutes. It starts after the break.")
    made["host"].act("resume")
    expect(page.locator("#announce")).to_contain_text("The timer has 5 minutes left.")


def test_hidden_answers(server, output_dir, new_page, room, bot):  # noqa: F811
    made = room(hide_until_reveal=True)
    page = join(new_page(width=360, height=740), server, made["code"], "Ana")
    bo = bot(made, "Bo")
    made["host"].act("start")
    page.get_by_role("button", name="Draw a card").click()
    bo.wait_for(lambda v: v["table"]["card"])  # the draw first
    assert bo.act("respond", text="Hidden for now.")["ok"]
    expect(page.get_by_text("1 of 2 people have answered.")).to_be_visible()
    check(page, output_dir, "hidden-answers")


def test_reflect_pledge_and_closed_screens(server, output_dir, new_page, room):  # noqa: F811
    made = room()
    page = join(new_page(), server, made["code"], "Ana")
    host = made["host"]
    host.act("stage", stage="reflect")
    expect(page.get_by_role("heading", name="Looking back together")).to_be_visible()
    page.get_by_label("Add to “What matters most?”").fill("Being asked.")
    page.locator(".reflect-matters").get_by_role("button", name="Add").click()
    expect(page.locator(".reflect-matters .said")).to_have_text("Being asked.")
    check(page, output_dir, "reflect")
    host.act("stage", stage="pledge")
    page.get_by_label("I will ...").fill("I will listen.")
    page.locator(".say-pledge").get_by_label("Leave this out of the notes").check()
    page.get_by_role("button", name="Make my pledge").click()
    expect(page.locator(".pledge .said")).to_have_text("I will listen.")
    expect(page.locator(".pledge-card .pledge-private")).to_have_text("Not in the notes")  # as answers say
    # the pledge is on the wall: the form steps aside, a second one is a choice
    expect(page.locator(".pledge-done")).to_have_text("Thank you. Your pledge is on the wall below.")
    expect(page.get_by_label("I will ...")).to_be_hidden()
    check(page, output_dir, "pledge")
    page.wait_for_timeout(500)  # the same button pressed again within half a second counts as a double-click
    page.get_by_role("button", name="Make another pledge").click()
    expect(page.get_by_label("I will ...")).to_be_focused()
    page.get_by_label("I will ...").fill("I will ring my sister.")
    page.get_by_role("button", name="Make my pledge").click()
    expect(page.locator(".pledge .said")).to_have_count(2)
    expect(page.get_by_role("button", name="Make another pledge")).to_be_visible()
    host.act("end")
    expect(page.get_by_role("heading", name="Thank you for taking part")).to_be_visible()
    check(page, output_dir, "closed")


def test_goodbye_screen(server, output_dir, new_page, room):  # noqa: F811
    made = room()
    page = join(new_page(width=360, height=740), server, made["code"], "Ana")
    player = made["host"].wait_for(lambda v: v["players"])["players"][0]["id"]
    made["host"].act("remove", player=player)
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    check(page, output_dir, "goodbye")
