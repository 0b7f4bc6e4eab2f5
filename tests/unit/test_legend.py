"""The one legend of perspectives: colour-blind-safe colours, each with its own pattern,
contrast that meets WCAG 2.2 non-text contrast, the same data in Python and in the
browser, and a stable colour for each perspective in every deck."""
from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET

import pytest

from server import legend
from server.decks import load_decks
from server.game.perspectives import choices, declared
from server.game.perspectives import legend as room_legend

from ..conftest import ROOT

SLOTS = legend.SLOTS


@pytest.mark.parametrize("slot", SLOTS, ids=lambda s: s["colour_name"])
def test_each_colour_carries_its_pattern_and_text_in_readable_contrast(slot):
    # the pattern (and any words on the colour) is drawn in `ink`: 4.5:1 covers text too
    assert legend.contrast(slot["colour"], slot["ink"]) >= 4.5
    # the footprint's outline tells its shape from the page: 3:1 (WCAG 1.4.11)
    for background in legend.DATA["backgrounds"]:
        assert legend.contrast(legend.DATA["outline"], background) >= 3
    assert slot["pattern"] in legend.DATA["patterns"] and slot["pattern"] != "none"


def test_colours_and_patterns_are_all_different():
    assert len({s["colour"].lower() for s in SLOTS}) == len(SLOTS)
    assert len({s["pattern"] for s in SLOTS}) == len(SLOTS), "two perspectives never share a pattern"
    assert len({s["colour_name"] for s in SLOTS}) == len(SLOTS)
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    assert okabe_ito <= {s["colour"] for s in SLOTS}


def test_the_well_known_perspectives_always_get_the_same_style():
    home = legend.DATA["home"]
    assert home["carer"] == home["family"] and home["support_worker"] == home["care_worker"]
    assert all(0 <= slot < len(SLOTS) for slot in home.values())
    a = legend.assign(["person", "carer", "manager"])
    b = legend.assign(["manager", "patient", "carer", "person"])
    for side in ("person", "carer", "manager", "other"):
        assert a[side] == b[side]
    assert legend.describe(a["carer"]) == "sky blue with stripes"
    assert legend.describe(legend.assign(["anyone"])["anyone"]) == "no colour"


def test_a_decks_own_perspectives_take_free_colours_and_never_share_one():
    ids = [f"side{n}" for n in range(legend.MAX_COLOURS - 1)] + ["carer"]
    styles = legend.assign(ids)
    assert len({s["colour"] for s in styles.values()}) == len(ids) + 1  # and `other`
    assert styles["carer"]["colour_name"] == "sky blue" and styles["other"]["colour_name"] == "grey"
    assert legend.assign(ids) == styles  # pure


@pytest.mark.parametrize("deck_id", ["everyday-lives", "living-well-with-dementia", "my-life-my-choices"])
def test_every_shipped_deck_has_a_full_legend(deck_id):
    deck = load_decks(ROOT / "decks")[deck_id]
    entries = room_legend(deck)
    ids = [p["id"] for p in declared(deck)] + ["other"]
    # the sides people come as, in the deck's order, then a card for everyone (`anyone`)
    assert [e["id"] for e in entries] == [i for i in ids if i != "anyone"] + ["anyone"]
    assert {e["id"] for e in entries if e["choice"]} == set(choices(deck))
    coloured = [e for e in entries if e["id"] != "anyone"]
    assert len({e["colour"] for e in coloured}) == len(coloured)
    assert all(e["name"] and e["easy"] and e["icon"] for e in entries)
    # as small footprints on a phone these look alike: a deck of ours never has both of a pair
    names = {e["colour_name"] for e in coloured}
    assert not {"sky blue", "blue"} <= names and not {"orange", "red"} <= names, names


def test_two_sides_that_share_a_home_colour_still_get_two_colours():
    styles = legend.assign(["commissioner", "neighbour"])
    assert styles["commissioner"]["colour_name"] == "pink"
    assert styles["neighbour"]["colour"] != styles["commissioner"]["colour"]
    assert legend.assign(["neighbour"])["neighbour"]["colour_name"] == "pink"


def test_a_footprint_is_clean_svg_with_its_pattern_and_a_safe_name():
    style = legend.style_of(None, "health")
    svg = legend.footprint_svg(style, 'x"y', 30, title='<a "nurse">')
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == '<a "nurse">'
    assert root.get("height") == "30"
    names = {element.tag.split("}")[1] for element in root.iter()}
    assert names == {"svg", "title", "defs", "pattern", "rect", "path"}
    pattern = root.find(".//{http://www.w3.org/2000/svg}pattern")
    assert pattern.get("id") == 'fp-x"y' and pattern.find("{http://www.w3.org/2000/svg}rect").get("fill") == "#F0E442"
    decoration = ET.fromstring(legend.footprint_svg(legend.style_of(None, "anyone"), "k"))
    assert decoration.get("aria-hidden") == "true"
    assert decoration.find("{http://www.w3.org/2000/svg}path").get("stroke-dasharray")


def test_the_browser_reads_the_same_legend():
    """legend.js imports legend-data.js as a module; the server reads its JSON part."""
    script = "import('./web/static/js/legend-data.js').then(m => console.log(JSON.stringify(m.default)))"
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == legend.DATA
    source = (ROOT / "web" / "static" / "js" / "legend.js").read_text()
    for name in ("useLegend", "footprint", "legendOf", "legendKey"):
        assert f"export function {name}(" in source
