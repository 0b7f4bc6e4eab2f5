"""Nothing a person does is lost or doubled, however the network behaves. Chromium reaches
the real server through a small proxy (tests/browser/proxy.py) that holds, delays or cuts
the connection; tablemates and the facilitator are python-socketio clients on the server.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.proxy import Proxy
from tests.browser.test_play import bot, join, room  # noqa: F401  (fixtures and a helper)


@pytest.fixture
def proxy(server):
    made = Proxy(server.port)
    yield made
    made.close()


@pytest.fixture
def phone(browser):
    """A page of its own (while offline, Chromium logs failed connections as console errors,
    on purpose); any error in the page's own scripts still fails the test."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_default_timeout(10000)
    yield page
    context.close()
    assert errors == []


def texts(view) -> list[str]:
    """The answers on the table's card in a view."""
    return [r["text"] for r in view["table"]["responses"]]


def playing(made, page, proxy, bot, name="Ana"):  # noqa: F811
    """Ana (in Chromium, through the proxy) and Bo at Table 1; Ana has drawn a card."""
    join(page, SimpleNamespace(url=proxy.url), made["code"], name)
    bo = bot(made, "Bo")
    made["host"].act("start")
    page.get_by_role("button", name="Draw a card").click()
    expect(page.locator(".card")).to_be_visible()
    bo.wait_for(lambda v: v["table"]["card"])
    return bo


def test_a_lost_acknowledgement_then_a_retry_stores_one_answer(room, bot, proxy, phone):  # noqa: F811
    made = room()
    bo = playing(made, phone, proxy, bot)
    send = phone.get_by_role("button", name="Add my answer")
    status = phone.locator("#say-answer-status")

    # The server stores the answer, but its acknowledgement never arrives.
    phone.get_by_label("Your answer").fill("Ask Sam first.")
    proxy.hold_replies()
    send.click()
    bo.wait_for(lambda v: texts(v) == ["Ask Sam first."])
    expect(send).to_have_attribute("aria-disabled", "true")
    expect(status).to_have_text("Sending…")
    send.evaluate("button => button.click()")  # pressing again while it is on its way
    # The connection drops; the page rejoins and sends the same action again, with its id.
    proxy.cut()
    proxy.release_replies()
    expect(status).to_have_text("Thank you. It is added.", timeout=15000)
    expect(phone.get_by_label("Your answer")).to_have_value("")

    # Stalled again, then the person reloads and presses "Add my answer" once more.
    phone.get_by_label("Your answer").fill("Then ask Bo.")
    proxy.hold_replies()
    send.click()
    bo.wait_for(lambda v: texts(v) == ["Ask Sam first.", "Then ask Bo."])
    phone.reload()
    expect(phone.get_by_label("Your answer")).to_have_value("Then ask Bo.")
    expect(status).to_contain_text("We are not sure this was sent.")
    send.click()
    expect(status).to_have_text("Thank you. It is added.")
    expect(phone.locator(".answer")).to_have_count(2)
    made["host"].act("broadcast", text="Checking in.")  # one more change: any double would be in this view
    bo.wait_for(lambda v: v["room"]["notice"] and v["room"]["notice"]["text"] == "Checking in.")
    assert texts(bo.view) == ["Ask Sam first.", "Then ask Bo."]


def test_an_answer_sent_while_offline_arrives_once_when_back(room, bot, proxy, phone):  # noqa: F811
    made = room()
    phone.clock.install()
    bo = playing(made, phone, proxy, bot)
    status = phone.locator("#say-answer-status")
    proxy.offline()
    expect(phone.locator("#reconnecting")).to_be_visible()
    expect(phone.locator("#reconnecting")).not_to_contain_text("safe")

    phone.get_by_label("Your answer").fill("Written on the bus.")
    phone.get_by_role("button", name="Add my answer").click()
    expect(status).to_have_text("Offline: this will be sent when you are back.")
    expect(phone.locator("#reconnecting")).to_contain_text("1 thing is waiting to be sent.")
    phone.locator("details.fold", has_text="Notes").locator("summary").click()  # folded on a phone
    phone.get_by_label("Add a note for the table").fill("Tea at eleven.")  # a second one, in order
    phone.get_by_role("button", name="Add note").click()
    expect(phone.locator("#reconnecting")).to_contain_text("2 things are waiting to be sent.")
    phone.clock.fast_forward(15000)  # long past any answer's time-out: still waiting, not failed
    expect(status).to_have_text("Offline: this will be sent when you are back.")
    assert_accessible(phone)

    proxy.online()
    phone.clock.fast_forward(5000)  # the next reconnection attempt
    expect(status).to_have_text("Thank you. It is added.", timeout=15000)
    expect(phone.locator("#reconnecting")).to_be_hidden()
    expect(phone.locator(".answer")).to_have_count(1)
    view = bo.wait_for(lambda v: [n["text"] for n in v["table"]["notes"] if n["kind"] == "note"] == ["Tea at eleven."])
    assert texts(bo.view) == ["Written on the bus."]
    answer, note = view["table"]["responses"][0], view["table"]["notes"][-1]
    assert int(answer["id"][1:]) < int(note["id"][1:])  # ids count up: sent in the order made


def test_a_draft_survives_a_reload_a_stage_change_and_a_move_and_stays_with_its_card(room, bot, proxy, phone):  # noqa: F811
    made = room()
    host = made["host"]
    bo = playing(made, phone, proxy, bot)
    box = phone.get_by_label("Your answer")
    box.fill("Half a thought about Sam")
    phone.reload()
    expect(box).to_have_value("Half a thought about Sam")

    host.act("stage", stage="reflect")
    expect(phone.get_by_role("heading", name="Looking back together")).to_be_visible()
    host.act("stage", stage="play")
    expect(box).to_have_value("Half a thought about Sam")

    ana = next(p["id"] for p in bo.view["table"]["players"] if p["name"] == "Ana")
    host.act("move", player=ana, table=made["tables"][1])
    expect(phone.locator(".whoami")).to_contain_text("at Table 2")
    host.act("move", player=ana, table=made["tables"][0])
    expect(phone.locator(".whoami")).to_contain_text("at Table 1")
    expect(box).to_have_value("Half a thought about Sam")

    # A tablemate moves the table on while Ana is writing: the words stay with the old card.
    box.focus()
    bo.act("next")
    expect(phone.locator("#announce")).to_contain_text("The table has moved on")
    bo.wait_for(lambda v: not v["table"]["card"])
    assert bo.act("draw")["ok"]
    expect(phone.locator(".card")).to_be_visible()
    expect(box).to_have_value("")
    offer = phone.get_by_role("group", name="You were writing this earlier. It was not sent:")
    expect(offer).to_contain_text("Half a thought about Sam")
    assert_accessible(phone)
    assert texts(bo.wait_for(lambda v: v["table"]["card"])) == []
    offer.get_by_role("button", name="Use it here").click()
    expect(box).to_have_value("Half a thought about Sam")
    expect(box).to_be_focused()
    expect(offer).to_be_hidden()


def test_a_double_click_on_vote_leaves_one_vote_even_on_a_slow_network(room, bot, proxy, phone):  # noqa: F811
    made = room()
    bo = playing(made, phone, proxy, bot)
    for text in ("Ask first.", "Give time.", "Write it down."):
        assert bo.act("respond", text=text)["ok"]
    expect(phone.locator(".answer")).to_have_count(3)

    def presses(text, times, gap_ms):
        button = phone.locator(".answer", has_text=text).get_by_role("button", name="Vote")
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        for i in range(times):
            if i:
                phone.wait_for_timeout(gap_ms)
            phone.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def votes(text):
        return next(r["voters"] for r in bo.view["table"]["responses"] if r["text"] == text)

    presses("Ask first.", 2, 120)  # a human double-click
    proxy.delay = 0.2  # a 400 ms round trip
    presses("Give time.", 2, 120)
    presses("Write it down.", 10, 40)  # ten quick taps
    for text in ("Ask first.", "Give time.", "Write it down."):
        answer = phone.locator(".answer", has_text=text)
        expect(answer.get_by_role("button", name="Take vote back")).to_be_visible()
        expect(answer).to_contain_text("1 vote")
    phone.wait_for_timeout(600)  # anything still on its way has arrived by now
    expect(phone.get_by_text("You have 0 of 3 votes left for this card.")).to_be_visible()
    ana = next(p["id"] for p in bo.view["table"]["players"] if p["name"] == "Ana")
    assert [votes(t) for t in ("Ask first.", "Give time.", "Write it down.")] == [[ana]] * 3


def test_the_page_says_offline_as_soon_as_the_browser_knows_in_the_words_chosen(room, bot, proxy, phone):  # noqa: F811
    """The socket alone notices a lost network only when a ping goes unanswered (up to 25 s);
    the browser knows at once. And the banner, like the rest, follows Easy Read."""
    made = room()
    playing(made, phone, proxy, bot)
    phone.get_by_role("button", name="Easy Read: off").click()
    phone.context.set_offline(True)
    banner = phone.locator("#reconnecting")
    expect(banner).to_be_visible(timeout=3000)
    expect(banner).to_contain_text("No internet just now.")
    expect(phone.locator(".skip-link")).to_have_text("Go to the main part")
    phone.context.set_offline(False)
    expect(banner).to_be_hidden(timeout=15000)  # back by itself, as after any drop
