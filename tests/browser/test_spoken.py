"""Answering by speaking (issue 15): a spoken answer recorded from Chromium's fake microphone,
listened back, sent, played by a tablemate and by the facilitator, and listed in the
Markdown export; where a browser cannot record, the page says so and shows no button."""
from __future__ import annotations

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, assert_accessible
from tests.browser.test_play import answer, bot, join, room  # noqa: F401  (fixtures and helpers)

QUIET_MS = 600  # dom.js: presses of one button closer than 500 ms are one press
FAKE_MEDIA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"]


@pytest.fixture(scope="module")
def media_browser(browser):
    """A Chromium of its own, with a fake microphone (a tone) and no permission prompt
    (launched by the session's Playwright: one Playwright per thread)."""
    media = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + FAKE_MEDIA, headless=True)
    yield media
    media.close()


@pytest.fixture
def media_page(media_browser, server):
    contexts, errors = [], []

    def open_page(width=390, height=844):
        context = media_browser.new_context(viewport={"width": width, "height": height}, permissions=["microphone"],
                                            base_url=server.url)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.set_default_timeout(10000)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == [], f"console errors: {errors}"


def played(page, selector):
    """The audio element's source, whether it has a duration and whether it has played."""
    return page.locator(selector).evaluate(
        "a => ({src: a.src, duration: a.duration, played: a.played.length > 0 && a.played.end(0) > 0})")


def test_a_spoken_answer_is_recorded_sent_played_and_exported(server, media_page, room, output_dir):  # noqa: F811
    made = room()
    ana = join(media_page(), server, made["code"], "Ana")
    bo = join(media_page(width=1280, height=800), server, made["code"], "Bo", "manager")
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()

    form = ana.locator("form.say-answer")
    form.get_by_role("button", name="Record my answer").click()
    expect(form.locator(".record-left")).to_contain_text("seconds left")
    expect(form.get_by_role("button", name="Stop recording")).to_be_focused()
    assert_accessible(ana)
    ana.screenshot(path=output_dir / "spoken-recording-390.png")
    ana.wait_for_timeout(2200)
    form.get_by_role("button", name="Stop recording").click()

    # listen back before sending: the recording plays in the page
    review = form.locator(".record-audio")
    expect(review).to_be_visible()
    expect(form).to_contain_text("is ready. Press “Add my answer” to send it")
    assert played(ana, "form.say-answer .record-audio")["src"].startswith("blob:")
    assert_accessible(ana)
    form.get_by_label("Your answer").fill("And I said it out loud.")
    form.get_by_role("button", name="Add my answer").click()
    mine = ana.locator(".answer", has_text="And I said it out loud.")
    expect(mine.get_by_role("button", name="Play the spoken answer")).to_be_visible()
    expect(form.locator(".record-audio")).to_have_count(0)  # the form is ready for the next one
    expect(form.get_by_role("button", name="Record my answer")).to_be_visible()

    # a tablemate plays it: fetched with their token, played from a blob: URL
    theirs = bo.locator(".answer", has_text="And I said it out loud.")
    theirs.get_by_role("button", name="Play the spoken answer").click()
    player = theirs.locator("audio.spoken-audio")
    expect(player).to_have_accessible_name("Spoken answer from Ana")
    bo.wait_for_function(
        "() => { const a = document.querySelector('.answer audio.spoken-audio');"
        " return a && a.duration > 1 && a.played.length > 0 && a.played.end(0) > 0; }", timeout=10000)
    state = played(bo, ".answer audio.spoken-audio")
    assert state["src"].startswith("blob:") and state["duration"] > 1 and state["played"]
    # a vote arriving redraws the answers: the player is the same element, still playing
    bo.evaluate("document.querySelector('.answer audio.spoken-audio').dataset.mark = 'same'")
    theirs.get_by_role("button", name="Vote").click()
    expect(theirs).to_contain_text("1 vote")
    assert bo.locator(".answer audio.spoken-audio").get_attribute("data-mark") == "same"
    assert_accessible(bo)
    bo.screenshot(path=output_dir / "spoken-answer-1280.png", full_page=True)

    # the facilitator's page has a play button too (fetched with the host key)
    host = media_page(width=1280, height=800)
    host.goto(f"/host/{made['code']}#key={made['host_key']}")
    host_button = host.locator("#tables .answer").get_by_role("button", name="Play the spoken answer")
    host_button.click()
    host.wait_for_function("() => { const a = document.querySelector('#tables audio.spoken-audio'); return a && a.duration > 1; }")

    # the spoken answer is in the notes: agreed, and listed in the Markdown export
    bo.get_by_role("button", name="Next card").click()
    expect(bo.locator("section", has=bo.get_by_role("heading", name="What we agreed")).get_by_role(
        "button", name="Play the spoken answer")).to_be_visible()
    export = requests.get(f"{server.url}/api/rooms/{made['code']}/export.md",
                          headers={"Authorization": f"Bearer {made['host_key']}"}, timeout=10)
    assert export.status_code == 200
    assert "spoken answer" in export.text
    assert "And I said it out loud." in export.text


def test_a_browser_that_cannot_record_says_so_and_shows_no_button(server, new_page, room):  # noqa: F811
    made = room()
    page = new_page()
    page.add_init_script("delete window.MediaRecorder;")
    join(page, server, made["code"], "Ana")
    made["host"].act("start")
    page.get_by_role("button", name="Draw a card").click()
    expect(page.locator(".card")).to_be_visible()
    form = page.locator("form.say-answer")
    expect(form.locator(".record-none")).to_have_text(
        "This browser cannot record sound, so there is no record button here. You can choose a picture or write instead.")
    expect(form.get_by_role("button", name="Record my answer")).to_have_count(0)
    assert_accessible(page)


def test_a_browser_without_a_microphone_says_so(server, new_page, room):  # noqa: F811
    made = room()
    page = new_page()
    page.add_init_script(
        "navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('none', 'NotFoundError'));")
    join(page, server, made["code"], "Ana")
    made["host"].act("start")
    page.get_by_role("button", name="Draw a card").click()
    form = page.locator("form.say-answer")
    form.get_by_role("button", name="Record my answer").click()
    expect(form.get_by_role("status").filter(has_text="could not use a microphone")).to_be_visible()
    expect(form.get_by_role("button", name="Record my answer")).to_be_hidden()
    # the form after an answer is sent, and the next card's, do not offer it again
    form.get_by_label("Your answer").fill("Ask me first.")
    form.get_by_role("button", name="Add my answer").click()
    expect(page.locator(".answer")).to_have_count(1)
    expect(page.get_by_role("button", name="Record my answer")).to_have_count(0)
    expect(page.get_by_text("could not use a microphone").first).to_be_visible()


def test_send_while_still_recording_sends_it_and_a_spoken_pledge_prints_with_lines(server, media_page, room, bot, output_dir):  # noqa: F811
    """Found playing as someone who answers by speaking: pressing Send before Stop said "no
    answer"; the error stayed after a picture was chosen; a second press counted twice; and
    a pledge said out loud printed as a card with no promise on it."""
    made = room()
    ana = join(media_page(), server, made["code"], "Ana")
    bot(made, "Bo", "manager")
    made["host"].act("start")
    ana.get_by_role("button", name="Draw a card").click()
    form = ana.locator("form.say-answer")
    status = form.locator("#say-answer-status")

    # nothing given: asked for an answer; a picture chosen: the request goes
    form.get_by_role("button", name="Add my answer").click()
    expect(status).to_contain_text("Please choose a picture")
    form.get_by_role("button", name="Good", exact=True).click()
    expect(status).to_have_text("")
    ana.wait_for_timeout(QUIET_MS)  # a second press straight after the first is taken as a double tap
    form.get_by_role("button", name="Add my answer").click()
    expect(ana.locator(".answer .symbol-badge")).to_have_text("Picture: Good")
    # the same picture again is refused, not counted twice
    form.get_by_role("button", name="Good", exact=True).click()
    ana.wait_for_timeout(QUIET_MS)
    form.get_by_role("button", name="Add my answer").click()
    expect(status).to_have_text("You have given that answer to this card already.")
    expect(ana.locator(".answer .symbol-badge")).to_have_count(1)

    # Send pressed while still recording: what was said is sent
    form.get_by_role("button", name="Good", exact=True).click()  # un-choose it
    form.get_by_role("button", name="Record my answer").click()
    expect(form.get_by_role("button", name="Stop recording")).to_be_visible()
    ana.wait_for_timeout(1500)
    form.get_by_role("button", name="Add my answer").click()
    expect(ana.locator(".answer").get_by_role("button", name="Play the spoken answer")).to_have_count(1)
    expect(status).to_have_text("Thank you. It is added.")
    expect(form.get_by_role("button", name="Record my answer")).to_be_visible()

    # a pledge said out loud, sent while recording: on paper, lines to write it on
    made["host"].act("stage", stage="pledge")
    pledge = ana.locator("form.say-pledge")
    pledge.get_by_role("button", name="Record my pledge").click()
    expect(pledge.get_by_role("button", name="Stop recording")).to_be_visible()
    ana.wait_for_timeout(1500)
    pledge.get_by_role("button", name="Make my pledge").click()
    card = ana.locator(".pledge-card").first
    expect(card.get_by_role("button", name="Play the spoken answer")).to_be_visible()
    expect(card.locator(".pledge-write")).to_be_hidden()
    ana.evaluate("() => { window.print = () => { window.printed = true; }; }")
    card.get_by_role("button", name="Print as a card").click()
    ana.wait_for_function("() => window.printed === true")
    ana.emulate_media(media="print")
    expect(card.locator(".pledge-write")).to_be_visible()
    expect(card.locator(".pledge-write")).to_have_text("I will ...")
    expect(card.locator(".spoken")).to_be_hidden()
    ana.set_viewport_size({"width": 397, "height": 559})
    ana.screenshot(path=output_dir / "pledge-card-spoken-print.png")
