"""A phone never gets in the way: at 320px wide with text at 200%, the home, join and table
pages (with a facilitator's message showing) never scroll sideways; nothing stuck to the top
ever hides the focused element, going forwards or backwards through the page; focus lands
somewhere sensible after "Join the workshop", "Next card" and "Close message"; and axe-core
finds nothing in any of these states."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_play import bot, room  # noqa: F401  (fixtures)

LONG_MESSAGE = ("Halfway there, everyone. Please finish the card you are on, then take a ten minute "
                "break: tea and coffee are in the room next door. We start again at eleven.")

# The focused element, if something else is drawn over it (a sticky banner, the small bar).
COVERED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const points = [[r.left + r.width / 2, r.top + 3], [r.left + 3, r.top + 3], [r.right - 3, r.top + 3],
                  [r.left + r.width / 2, r.top + r.height / 2]];
  for (const [x, y] of points) {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    const top = document.elementFromPoint(x, y);
    if (top && !el.contains(top) && !top.contains(el)) {
      return `${el.tagName}#${el.id} "${el.textContent.trim().slice(0, 30)}" under ${top.tagName}.${top.className}`;
    }
  }
  return null;
}"""


def big_text(page) -> None:
    """Text at 200% (what a phone's text-size setting does): every size in rem doubles."""
    page.evaluate("document.documentElement.style.fontSize = '200%'")


def assert_reflows(page) -> None:
    sideways = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert sideways <= 0, f"the page scrolls sideways by {sideways}px"


def assert_focus_never_covered(page, steps: int = 60) -> None:
    """Tab forwards through the page, then back: the focused element is always in full view."""
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    for key in ("Tab", "Shift+Tab"):
        seen = set()
        for _ in range(steps):
            page.keyboard.press(key)
            where = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
            if where in seen:
                break
            seen.add(where)
            covered = page.evaluate(COVERED)
            assert covered is None, covered


def focused(page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


@pytest.fixture
def small(new_page):
    def open_small(url):
        page = new_page(url, width=320, height=640)
        big_text(page)
        return page
    return open_small


def test_home_and_join_reflow_and_joining_moves_focus_to_the_room(server, small, room):  # noqa: F811
    home = small(server.url + "/")
    expect(home.locator("#deck-options input")).not_to_have_count(0)
    assert_reflows(home)
    assert_focus_never_covered(home)
    assert_accessible(home)

    made = room()
    page = small(f"{server.url}/j/{made['code']}")
    assert page.get_by_label("Your first name").get_attribute("type") == "text"
    assert_reflows(page)
    assert_accessible(page)
    page.get_by_label("Your first name").fill("Ana")
    page.get_by_label("A family carer").check()
    page.get_by_role("button", name="Join the workshop").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Choose a table")).to_be_focused()
    expect(page.locator("#announce")).to_contain_text("You have joined the workshop.")
    assert_reflows(page)
    assert_accessible(page)


# Words of six letters or more that the page draws across two lines (broken in the middle).
SPLIT_WORDS = """(selector) => {
  const out = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (const m of node.textContent.matchAll(/[A-Za-z]{6,}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        // on more than one line (a ::first-letter makes a second box on the same line)
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
}"""


# Where each choice's radio button sits: beside the marks (wide) or in the top right corner
# (narrow), and whether it touches the icon, footprint or words.
RADIO_PLACES = """() => [...document.querySelectorAll('.perspectives .choice')].map((choice) => {
  const radio = choice.querySelector('input').getBoundingClientRect();
  const box = choice.getBoundingClientRect();
  const parts = [...choice.querySelectorAll('.icon, .footprint, .choice-title, .choice-detail')].map((n) => n.getBoundingClientRect());
  const touches = parts.some((r) => r.width && radio.left < r.right && r.left < radio.right && radio.top < r.bottom && r.top < radio.bottom);
  const corner = radio.right > box.left + box.width / 2;
  return { corner, touches, inside: radio.left >= box.left && radio.right <= box.right && radio.top >= box.top };
})"""


def test_on_a_phone_with_large_text_no_perspective_name_breaks_mid_word(server, new_page, room):  # noqa: F811
    """The radio button moves to the corner so the words get the card's whole width."""
    made = room()
    for width, height in ((390, 844), (1280, 800)):
        page = new_page(f"{server.url}/j/{made['code']}", width=width, height=height)
        for size in ("100%", "200%"):
            page.evaluate(f"document.documentElement.style.fontSize = '{size}'")
            for easy in (False, True):
                if page.evaluate("document.documentElement.classList.contains('easy-read')") != easy:
                    page.locator(".easy-switch").first.click()
                expect(page.get_by_label("A commissioner")).to_be_visible()
                assert page.evaluate(SPLIT_WORDS, ".perspectives") == [], (width, size, easy)
                assert_reflows(page)
                places = page.evaluate(RADIO_PLACES)
                assert all(p["inside"] and not p["touches"] for p in places), (width, size, easy, places)
                # in the corner only where the card is narrow for its text (200 %: the
                # laptop's form is as many ems wide as a phone's at 100 %)
                assert {p["corner"] for p in places} == {size == "200%"}, (width, size, easy, places)


def test_the_table_with_a_message_reflows_keeps_focus_in_view_and_moves_it_sensibly(server, small, room, bot, output_dir):  # noqa: F811
    made = room()
    host = made["host"]
    page = small(f"{server.url}/j/{made['code']}")
    page.get_by_label("Your first name").fill("Ana")
    page.get_by_label("A family carer").check()
    page.get_by_role("button", name="Join the workshop").click()
    page.get_by_role("button", name="Sit at Table 1").click()
    bo = bot(made, "Bo")
    host.act("start")
    host.act("timer", seconds=600)
    page.get_by_role("button", name="Draw a card").click()
    expect(page.get_by_role("heading", name="You drew this card")).to_be_visible()
    assert bo.act("respond", text="Ask what matters to them.")["ok"]
    host.act("broadcast", text=LONG_MESSAGE)
    notice = page.locator("#notice")
    expect(notice).to_contain_text("Halfway there")
    assert notice.bounding_box()["height"] < 640 / 2  # a compact message, "Show all" for the rest
    notice.get_by_role("button", name="Show all").click()
    expect(notice.get_by_role("button", name="Show less")).to_have_attribute("aria-expanded", "true")
    page.screenshot(path=output_dir / "reflow-table-320-200.png")
    assert_reflows(page)
    assert_focus_never_covered(page, steps=80)
    assert_accessible(page)

    # "Close message": focus goes back to where you were, and you hear that it closed.
    page.get_by_label("Your answer").focus()
    notice.get_by_role("button", name="Close message").focus()
    page.keyboard.press("Enter")
    expect(notice).to_be_hidden()
    expect(page.get_by_label("Your answer")).to_be_focused()
    expect(page.locator("#announce")).to_contain_text("Message closed.")

    # "Next card": the button goes away; focus goes to whose turn it is now, and you hear it.
    page.get_by_role("button", name="Next card").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#turn-heading")).to_be_focused()
    expect(page.locator("#turn-heading")).to_have_text("It is Bo's turn")
    expect(page.locator("#announce")).to_contain_text("It is Bo's turn.")
    assert_reflows(page)
    assert_accessible(page)

    # When the workshop ends, a message showing goes away with it.
    host.act("broadcast", text="Thank you all.")
    expect(notice).to_contain_text("Thank you all.")
    host.act("end")
    expect(page.get_by_role("heading", name="Thank you for taking part")).to_be_visible()
    expect(notice).to_be_hidden()
    assert_accessible(page)


def test_on_a_laptop_the_message_and_the_small_bar_stay_on_top_without_covering_focus(server, new_page, room, bot):  # noqa: F811
    made = room()
    host = made["host"]
    page = new_page(f"{server.url}/j/{made['code']}", width=1280, height=720)
    page.get_by_label("Your first name").fill("Ana")
    page.get_by_label("A family carer").check()
    page.get_by_role("button", name="Join the workshop").click()
    page.get_by_role("button", name="Sit at Table 1").click()
    bot(made, "Bo")
    host.act("start")
    host.act("timer", seconds=600)
    host.act("broadcast", text=LONG_MESSAGE * 2)
    page.get_by_role("button", name="Draw a card").click()
    expect(page.locator("#notice")).to_be_visible()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    expect(page.locator(".minibar")).to_be_visible()
    expect(page.locator(".minibar")).to_contain_text("Your turn")
    expect(page.locator(".minibar")).to_contain_text("left")
    assert page.evaluate("getComputedStyle(document.getElementById('top-bars')).position") == "sticky"
    assert page.locator("#top-bars").bounding_box()["height"] < 720 / 4
    assert_focus_never_covered(page, steps=80)
