"""Read aloud (issue 15), with a stubbed speech engine: an answer is read and stopped, the card
is read in Easy Read words when Easy Read is on, a stage's prompts and the facilitator's
message can be read; where the browser has no voice the page says so. The facilitator's
message is announced once, without its buttons."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_play import bot, join, room  # noqa: F401  (fixtures and a helper)

# A speech engine that records what it is asked to say and "speaks" until it is cancelled.
STUB = """
window.__said = [];
window.__cancels = 0;
let speaking = null;
const engine = {
  speak(u) { speaking = u; window.__said.push(u.text); },
  cancel() {
    window.__cancels += 1;
    const u = speaking; speaking = null;
    if (u && u.onerror) u.onerror({ error: 'interrupted' });
  },
  getVoices() { return [{ name: 'Test voice', lang: 'en-GB' }]; },
  get speaking() { return Boolean(speaking); },
  finish() { const u = speaking; speaking = null; if (u && u.onend) u.onend({}); },
};
Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
"""
NO_VOICE = "Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });"


def said(page):
    return page.evaluate("window.__said")


def test_an_answer_is_read_aloud_and_stopped(server, new_page, room, bot, output_dir):  # noqa: F811
    made = room()
    page = new_page()
    page.add_init_script(STUB)
    join(page, server, made["code"], "Ana")
    bo = bot(made, "Bo")
    made["host"].act("start")
    page.get_by_role("button", name="Draw a card").click()
    expect(page.locator(".card")).to_be_visible()  # drawn before Bo answers
    assert bo.act("respond", symbol="not_good", text="Nobody asked me.")["ok"]
    answer = page.locator(".answer", has_text="Nobody asked me.")
    read = answer.get_by_role("button", name="Read aloud")
    expect(read).to_have_accessible_description("Nobody asked me.")
    read.click()
    expect(answer.get_by_role("button", name="Stop reading")).to_be_focused()
    assert said(page)[-1] == "Not good. Nobody asked me. From Bo, a support worker."
    assert_accessible(page)
    page.screenshot(path=output_dir / "read-aloud-1280.png")
    answer.get_by_role("button", name="Stop reading").click()
    expect(answer.get_by_role("button", name="Read aloud")).to_be_visible()
    assert page.evaluate("window.__cancels") >= 1
    assert page.evaluate("window.speechSynthesis.speaking") is False

    # the card, in Easy Read words once Easy Read is on; the turn's prompt too
    page.get_by_role("button", name="Easy Read: off").click()
    card = made["host"].wait_for(lambda v: v["tables"][0]["card"])["tables"][0]["card"]
    page.locator(".card").get_by_role("button", name="Read the card out").click()
    assert card["easy"].split(" / ")[0] in said(page)[-1]
    page.evaluate("window.speechSynthesis.finish()")
    expect(page.locator(".card").get_by_role("button", name="Read the card out")).to_be_visible()
    page.locator(".turn-box").get_by_role("button", name="Read it out").click()
    assert said(page)[-1] == "You took this card. Everyone can answer. Then vote for the answers you like."

    # the facilitator's message: read on request, announced once without its buttons
    made["host"].act("broadcast", text="Tea is ready.")
    expect(page.locator("#notice")).to_contain_text("Tea is ready.")
    expect(page.locator("#alert")).to_have_text("Message: Tea is ready.")
    page.locator("#notice").get_by_role("button", name="Read it out").click()
    assert said(page)[-1] == "Message: Tea is ready."
    page.reload()
    expect(page.locator("#notice")).to_contain_text("Tea is ready.")
    page.wait_for_timeout(200)
    expect(page.locator("#alert")).to_have_text("")  # not said again after a reload


def test_the_prompts_of_a_stage_can_be_read(server, new_page, room):  # noqa: F811
    made = room()
    page = new_page()
    page.add_init_script(STUB)
    join(page, server, made["code"], "Ana")
    made["host"].act("stage", stage="reflect")
    page.locator(".stage").get_by_role("button", name="Read aloud").first.click()
    assert said(page)[-1] == ("Looking back together. Think about the cards you talked about. "
                              "Add as many ideas as you like to each box.")


def test_without_a_voice_the_page_says_so(server, new_page, room, bot):  # noqa: F811
    made = room()
    page = new_page()
    page.add_init_script(NO_VOICE)
    join(page, server, made["code"], "Ana")
    bo = bot(made, "Bo")
    made["host"].act("start")
    page.get_by_role("button", name="Draw a card").click()
    expect(page.locator(".card")).to_be_visible()  # drawn before Bo answers
    assert bo.act("respond", text="Ask first.")["ok"]
    expect(page.locator(".answer", has_text="Ask first.")).to_be_visible()
    expect(page.locator(".card .no-voice")).to_have_text(
        "This browser has no voice to read aloud. Please ask someone at your table to read it to you.")
    expect(page.locator(".read-aloud")).to_have_count(0)
    assert_accessible(page)
