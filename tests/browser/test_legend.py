"""The shared legend in the browser: the join page offers the room deck's perspectives, each
with its footprint, and legend.js draws the same colours and patterns as the server."""
from __future__ import annotations

from playwright.sync_api import expect

from server import legend
from tests.browser.conftest import assert_accessible
from tests.browser.test_play import room  # noqa: F401  (fixture)


def test_the_join_page_offers_the_decks_perspectives_with_their_footprints(server, output_dir, new_page, room):  # noqa: F811
    made = room(deck="living-well-with-dementia")
    for width in (390, 1280):
        page = new_page(f"{server.url}/j/{made['code']}", width=width)
        choices = page.locator("fieldset.perspectives input[type=radio]")
        expect(choices).to_have_count(7)  # the deck's six and "someone else"
        assert [choices.nth(i).get_attribute("value") for i in range(7)] == [
            "person", "family", "care_worker", "health", "manager", "neighbour", "other",
        ]  # fmt: skip
        family = page.locator("label[for=as-family]")
        expect(family).to_contain_text("A partner or family member")
        expect(family.locator("svg.footprint")).to_have_attribute("aria-hidden", "true")
        fill = family.locator("svg.footprint pattern rect").get_attribute("fill")
        assert fill == legend.style_of(None, "family")["colour"]
        no_scroll = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert no_scroll, "nothing needs horizontal scrolling"
        page.screenshot(path=str(output_dir / f"legend-join-{width}.png"), full_page=True)
        assert_accessible(page)
    page.fill("#name", "Dilys")
    page.locator("label[for=as-family]").click()
    page.get_by_role("button", name="Join the workshop").click()
    made["host"].wait_for(lambda v: any(p["name"] == "Dilys" and p["perspective"] == "family" for p in v["players"]))


def test_legend_js_draws_what_the_server_draws(server, new_page, room):  # noqa: F811
    made = room()
    page = new_page(f"{server.url}/j/{made['code']}")
    drawn = page.evaluate(
        """async () => {
          const { footprint, legendOf, legendKey, useLegend } = await import('/static/js/legend.js');
          const carer = footprint('carer', { size: 30, label: 'a family carer' });
          useLegend([{ id: 'nurse', name: 'a nurse', colour: '#0072B2', ink: '#ffffff', pattern: 'grid',
                       colour_name: 'blue', pattern_name: 'criss-cross lines', choice: true }]);
          const key = legendKey();
          return {
            role: carer.getAttribute('role'), label: carer.getAttribute('aria-label'),
            height: carer.getAttribute('height'), fill: carer.querySelector('pattern rect').getAttribute('fill'),
            strokes: carer.querySelectorAll('pattern path').length,
            nurse: legendOf('nurse').words, anyone: legendOf('anyone').words, unknown: legendOf('ghost').words,
            dashed: footprint('anyone').querySelector('path:not(pattern path)').getAttribute('stroke-dasharray'),
            key: key.textContent,
          };
        }"""
    )
    carer = legend.style_of(None, "carer")
    assert drawn == {
        "role": "img", "label": "a family carer", "height": "30", "fill": carer["colour"], "strokes": 1,
        "nurse": "blue with criss-cross lines", "anyone": "no colour", "unknown": "no colour",
        "dashed": "3 2", "key": "a nurseblue with criss-cross lines",
    }  # fmt: skip
