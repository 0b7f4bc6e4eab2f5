"""Decks: the shipped decks, the validator's problem lines, the loader, the CLI, the icons."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server import decks
from server.decks import (
    CARD_TYPES,
    ICON_DIR,
    DeckError,
    check_deck_text,
    deck_summary,
    icon_names,
    load_deck,
    load_decks,
    parse_deck,
)

ROOT = Path(__file__).resolve().parents[2]
DECK_DIR = ROOT / "decks"
FIXTURES = ROOT / "tests" / "fixtures" / "decks"
SHIPPED = sorted(DECK_DIR.glob("*.toml"))


def fixture(name: str) -> tuple[str, str]:
    """(text, source) of a fixture deck; source is the repo-relative path."""
    path = FIXTURES / name
    return path.read_text(encoding="utf-8"), f"tests/fixtures/decks/{name}"


# --------------------------------------------------------------------------- shipped decks

# deck id -> (minimum cards, perspectives that must each have several scenarios, easy_first)
MINIMUMS = {
    "everyday-lives": (
        48,
        {"person", "carer", "support_worker", "manager", "commissioner", "health"},
        False,
    ),
    "living-well-with-dementia": (36, {"person", "family", "care_worker", "health"}, False),
    "my-life-my-choices": (36, {"person", "family", "support_worker", "health"}, True),
}


def test_the_three_decks_are_shipped():
    assert {p.stem for p in SHIPPED} >= set(MINIMUMS)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_deck_is_valid(path):
    source = f"decks/{path.name}"
    assert check_deck_text(path.read_text(encoding="utf-8"), source) == []
    deck = load_deck(path)
    assert deck["id"] == path.stem, "a deck's file is named after its id"
    json.dumps(deck)  # plain, JSON-able


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_deck_meets_minimums(path):
    deck = load_deck(path)
    minimum, perspectives, easy_first = MINIMUMS.get(deck["id"], (1, set(), deck["easy_first"]))
    cards = deck["cards"]
    assert len(cards) >= minimum
    assert {c["type"] for c in cards} == set(CARD_TYPES), "every card type is present"
    assert deck["easy_first"] is easy_first
    scenarios = Counter(c["perspective"] for c in cards if c["type"] == "scenario")
    for perspective in perspectives:
        assert perspective in {p["id"] for p in deck["perspectives"]}
        assert scenarios[perspective] >= 2, f"several scenarios told by {perspective}"
    # Scenarios make up most of the deck; the other types are there more than once.
    types = Counter(c["type"] for c in cards)
    assert types["scenario"] >= len(cards) // 2
    for card_type in ("reflection", "question", "wild", "working"):
        assert types[card_type] >= 3


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_deck_cards_are_complete_and_distinct(path):
    deck = load_deck(path)
    icons = icon_names()
    texts = Counter(c["text"] for c in deck["cards"])
    assert max(texts.values()) == 1, "no card text appears twice in a deck"
    for card in deck["cards"]:
        assert card["icon"] in icons
        assert card["text"] and card["easy"]
        assert len(card["text"]) <= 500
        for sentence in decks.easy_sentences(card["easy"]):
            assert decks.easy_word_count(sentence) <= 12, (card["id"], sentence)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_deck_path_can_be_walked(path):
    """5 to 8 outcomes, each with cards told from at least `needed` (4) perspectives, a
    statement and a short Easy Read name; every card on one of them."""
    deck = load_deck(path)
    assert deck["needed"] == 4 and decks.MIN_OUTCOMES <= len(deck["outcomes"]) <= decks.MAX_OUTCOMES
    outcomes = {o["id"] for o in deck["outcomes"]}
    assert {c["outcome"] for c in deck["cards"]} == outcomes, "every outcome has cards"
    for outcome in deck["outcomes"]:
        sides = {c["perspective"] for c in deck["cards"] if c["outcome"] == outcome["id"]} - {"anyone"}
        assert len(sides) >= deck["needed"], (outcome["id"], sides)
        assert outcome["statement"].endswith(".") and len(outcome["easy"].split()) <= 5
    declared = [p["id"] for p in deck["perspectives"]]
    assert "anyone" in declared and len(declared) == len(set(declared))
    for perspective in deck["perspectives"]:
        assert perspective["name"][0].islower(), "a name reads inside a sentence: 'here as a family carer'"
        assert perspective["easy"] and perspective["icon"] in icon_names()


def test_load_decks_keys_by_id_in_file_order():
    loaded = load_decks(DECK_DIR)
    assert list(loaded) == [load_deck(p)["id"] for p in SHIPPED]
    assert set(MINIMUMS) <= set(loaded)


def test_deck_summary():
    deck = load_decks(DECK_DIR)["everyday-lives"]
    summary = deck_summary(deck)
    perspectives = summary.pop("perspectives")
    assert summary == {
        "id": "everyday-lives",
        "title": "Everyday lives",
        "cards": len(deck["cards"]),
        "language": "en-GB",
        "description": deck["description"],
        "audience": deck["audience"],
        "outcomes": 6,
        "needed": 4,
    }
    assert [p["id"] for p in perspectives] == [
        "person", "carer", "support_worker", "manager", "commissioner", "health", "other", "anyone",
    ]  # fmt: skip
    carer = perspectives[1]
    assert carer["name"] == "a family carer" and carer["choice"] is True
    assert (carer["colour"], carer["pattern"], carer["colour_name"]) == ("#56B4E9", "stripes", "sky blue")
    assert perspectives[7]["choice"] is False  # `anyone` tells cards; nobody joins as it


# --------------------------------------------------------------------------- the parsed shape


def test_good_minimal_fixture_parses():
    text, source = fixture("good-minimal.toml")
    assert check_deck_text(text, source) == []
    deck = parse_deck(text, source)
    legend = deck.pop("legend")
    cards = deck.pop("cards")
    outcomes = deck.pop("outcomes")
    assert deck == {
        "id": "fixture",
        "title": "A fixture deck",
        "language": "en-GB",
        "audience": "Tests",
        "description": "A small deck used by the tests.",
        "licence": "CC BY-SA 4.0",
        "version": "1.0",
        "easy_first": False,
        "needed": 1,
        "perspectives": [
            {"id": "person", "name": "a person who gets care or support", "easy": "someone who gets support", "icon": "person"},
            {"id": "carer", "name": "a family carer", "easy": "a family member who helps", "icon": "carer"},
            {"id": "anyone", "name": "anyone", "easy": "anyone", "icon": "other"},  # always usable on cards
        ],
    }
    assert outcomes[0] == {
        "id": "choice",
        "name": "Choice and control",
        "easy": "My choices",
        "icon": "star",
        "statement": "I choose who supports me and how.",
    }
    assert [o["id"] for o in outcomes] == ["choice", "home", "friends", "health", "work"]
    assert cards[:2] == [
        {
            "id": "fx-001",
            "type": "scenario",
            "perspective": "person",
            "outcome": "choice",
            "text": "I would like to choose when I get up in the morning.",
            "easy": "I want to choose when I get up.",
            "icon": "home",
        },
        {
            "id": "fx-002",
            "type": "question",
            "perspective": "anyone",
            "outcome": "choice",
            "text": "What is one small thing that would make your day better?",
            "easy": "What would make your day better?",
            "icon": "question",
        },
    ]
    # every perspective, and `other` (always a choice when joining), has its place in the legend
    assert list(legend) == ["person", "carer", "anyone", "other"]
    assert legend["carer"]["pattern"] == "stripes" and legend["anyone"]["pattern"] == "none"


def test_a_deck_without_needed_meets_outcomes_with_four_perspectives():
    text, source = fixture("good-minimal.toml")
    (line,) = check_deck_text(text.replace("needed = 1\n", ""), source)
    assert "field 'needed'" in line and "2 perspectives with a colour" in line and "set needed = 2" in line
    deck = load_decks(DECK_DIR)["living-well-with-dementia"]
    assert deck["needed"] == decks.DEFAULT_NEEDED == 4


def test_icon_defaults_by_card_type():
    text, source = fixture("good-minimal.toml")
    text = text.replace('outcome = "choice"\nicon = "home"\n', 'outcome = "choice"\n')
    deck = parse_deck(text, source)
    assert deck["cards"][0]["icon"] == decks.DEFAULT_ICONS["scenario"]
    assert set(decks.DEFAULT_ICONS) == set(CARD_TYPES)
    assert set(decks.DEFAULT_ICONS.values()) <= icon_names()


# --------------------------------------------------------------------------- one fixture per problem

# fixture -> (card id or None, field or None, words the problem line must contain)
BAD = {
    "bad-duplicate-id.toml": ("fx-001", "id", ["used more than once"]),
    "bad-unknown-type.toml": ("fx-002", "type", ["unknown card type 'story'", "scenario, reflection"]),
    "bad-unknown-perspective.toml": ("fx-002", "perspective", ["unknown perspective 'nurse'", "declare it in [[perspectives]]"]),
    "bad-missing-easy.toml": ("fx-002", "easy", ["missing"]),
    "bad-text-too-long.toml": ("fx-002", "text", ["551 characters", "500"]),
    "bad-easy-too-long.toml": ("fx-002", "easy", ["18 words", "15", '"When I go to the shops']),
    "bad-unknown-icon.toml": ("fx-002", "icon", ["unknown icon 'unicorn'"]),
    "bad-toml-syntax.toml": ("fx-002", "type", ["line 68", "not valid TOML"]),
    "bad-missing-metadata.toml": (None, "title", ["missing"]),
    "bad-unknown-outcome.toml": ("fx-002", "outcome", ["unknown outcome 'holidays'", "choice, friends, health"]),
    "bad-missing-outcome.toml": ("fx-002", "outcome", ["is missing"]),
    "bad-outcome-never-met.toml": (None, "outcomes.home", ["can never be met", "none of its cards", "needs 1"]),
    "bad-too-few-outcomes.toml": (None, "outcomes", ["4 outcomes", "5 to 8"]),
    "bad-needed-too-big.toml": (None, "needed", ["needed = 3", "(2)"]),
    "bad-old-perspectives.toml": (None, "perspectives", ["[[perspectives]]", "no longer used"]),
    "bad-perspective-without-easy.toml": (None, "perspectives.carer.easy", ["is missing"]),
}


def test_every_bad_fixture_is_tested():
    assert {p.name for p in FIXTURES.glob("bad-*.toml")} == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_fixture_names_file_card_and_field(name):
    card, field, words = BAD[name]
    text, source = fixture(name)
    problems = check_deck_text(text, source)
    assert len(problems) == 1, problems
    line = problems[0]
    assert "\n" not in line
    assert line.startswith(f"{source}: ")
    if card:
        assert f"card {card}" in line
    if field:
        assert f"field '{field}'" in line
    for word in words:
        assert word in line, line

    with pytest.raises(DeckError) as caught:
        parse_deck(text, source)
    assert caught.value.problems == problems
    assert str(caught.value) == "\n".join(problems)


def test_problem_line_example_from_the_brief():
    text, _ = fixture("bad-unknown-type.toml")
    (line,) = check_deck_text(text, "decks/x.toml")
    assert line == (
        "decks/x.toml: card fx-002: field 'type': unknown card type 'story' "
        "(use one of: scenario, reflection, question, wild, working)"
    )


def test_all_problems_are_reported_at_once():
    text, source = fixture("good-minimal.toml")
    text = (
        text.replace('type = "question"', 'type = "story"')
        .replace('perspective = "person"\noutcome = "choice"', 'perspective = "nurse"\noutcome = "choice"')
        .replace('version = "1.0"', "version = 1")
        .replace('icon = "work"\ntext', 'icon = "unicorn"\ntext')
    )
    problems = check_deck_text(text, source)
    assert len(problems) == 4
    assert any("field 'version'" in p and "not a number" in p for p in problems)


@pytest.mark.parametrize(
    "change, expected",
    [
        (('id = "fixture"', 'id = "Not A Slug"'), "field 'id'"),
        (('language = "en-GB"', 'language = "English please"'), "field 'language'"),
        (('version = "1.0"', 'version = "1.0"\neasy_first = "yes"'), "field 'easy_first'"),
        (('version = "1.0"', 'version = "1.0"\ncolour = "blue"'), "field 'colour'"),
        (('name = "a family carer"', "name = 3"), "field 'perspectives.carer.name'"),
        (('icon = "carer"', 'icon = "unicorn"'), "field 'perspectives.carer.icon': unknown icon 'unicorn'"),
        (('statement = "I live my day my way."', 'statement = "' + "very " * 40 + '"'), "field 'outcomes.home.statement'"),
        (('easy = "My home"', 'easy = "' + "my " * 16 + 'home"'), "field 'outcomes.home.easy': an Easy Read sentence has 17 words"),
        (('statement = "I live my day my way."', 'statement = "I live my day my way."\ncolour = "red"'), "field 'outcomes.home.colour'"),
        (("needed = 1", 'needed = "two"'), "field 'needed': should be a whole number"),
        (("needed = 1", "needed = true"), "field 'needed': should be a whole number"),
        (("needed = 1", "needed = 0"), "field 'needed': needed = 0"),
        (('easy = "I want to choose when I get up."', 'easy = "   "'), "field 'easy': is empty"),
        (('text = "I would like', 'mood = "x"\ntext = "I would like'), "card fx-001: field 'mood'"),
    ],
)
def test_other_problems(change, expected):
    text, source = fixture("good-minimal.toml")
    assert change[0] in text
    problems = check_deck_text(text.replace(change[0], change[1], 1), source)
    assert len(problems) == 1, problems
    assert expected in problems[0]


@pytest.mark.parametrize(
    "change, expected",
    [
        (('id = "carer"', 'id = "Carer!"'), "field 'perspectives#2.id'"),
        (('id = "carer"', 'id = "person"'), "field 'perspectives.person.id': the id 'person' is used more than once"),
        (('id = "work"', 'id = "home"'), "field 'outcomes.home.id': the id 'home' is used more than once"),
    ],
)
def test_a_bad_id_is_named_first(change, expected):
    """The cards that use the id it replaced are then reported too, after it."""
    text, source = fixture("good-minimal.toml")
    problems = check_deck_text(text.replace(change[0], change[1], 1), source)
    assert expected in problems[0]
    assert all(re.search(r"card fx-\d+: field '(perspective|outcome)': unknown", p) for p in problems[1:])


def test_a_deck_may_declare_up_to_eight_perspectives_with_a_colour():
    text, source = fixture("good-minimal.toml")
    extra = "".join(
        f'[[perspectives]]\nid = "side{n}"\nname = "side {n}"\neasy = "side {n}"\n\n' for n in range(7)
    )
    (line,) = check_deck_text(text.replace("[[outcomes]]", extra + "[[outcomes]]", 1), source)
    assert "field 'perspectives'" in line and "9 perspectives" in line and "the most is 8" in line
    deck = parse_deck(text.replace("[[outcomes]]", extra.split("[[perspectives]]\nid = \"side6\"")[0] + "[[outcomes]]", 1), source)
    colours = [deck["legend"][p["id"]]["colour"] for p in deck["perspectives"] if p["id"] != "anyone"]
    assert len(colours) == 8 == len(set(colours)), "each perspective has its own colour"
    assert deck["perspectives"][2]["icon"] == "person"  # no icon given: a default picture


def test_no_cards():
    text, source = fixture("good-minimal.toml")
    head = text.split("[[cards]]")[0]
    (line,) = check_deck_text(head, source)
    assert "field 'cards'" in line and "no cards" in line
    (line,) = check_deck_text("cards = []\n" + head, source)
    assert "no cards" in line


def test_card_without_id_is_named_by_position():
    text, source = fixture("good-minimal.toml")
    (line,) = check_deck_text(text.replace('id = "fx-002"\n', ""), source)
    assert line == f"{source}: card #2: field 'id': is missing"


def test_too_big_and_too_many_cards():
    text, source = fixture("good-minimal.toml")
    big = text + "# " + "x" * (200 * 1024) + "\n"
    (line,) = check_deck_text(big, source)
    assert "too big" in line and "200 KB" in line

    head = text.split("[[cards]]")[0]
    card = (
        '[[cards]]\nid = "c{n}"\ntype = "question"\nperspective = "anyone"\noutcome = "choice"\n'
        'text = "Q?"\neasy = "Q?"\n'
    )
    many = head + "".join(card.format(n=n) for n in range(501))
    assert len(many.encode()) < 200 * 1024
    (line,) = check_deck_text(many, source)
    assert "501 cards" in line and "500" in line


def test_easy_read_sentences():
    assert decks.easy_sentences("I am here. Are you? Yes!\nGood") == [
        "I am here.",
        "Are you?",
        "Yes!",
        "Good",
    ]
    assert decks.easy_word_count("I go - you stay.") == 4


# --------------------------------------------------------------------------- loading files


def test_load_deck_names_the_path_as_given(tmp_path):
    text, _ = fixture("bad-unknown-icon.toml")
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    assert caught.value.problems[0].startswith(f"{path}: card fx-002: field 'icon'")

    with pytest.raises(DeckError) as caught:
        load_deck(tmp_path / "missing.toml")
    assert "could not be read" in str(caught.value)

    (tmp_path / "latin1.toml").write_bytes('title = "caf\xe9"'.encode("latin-1"))
    with pytest.raises(DeckError, match="UTF-8"):
        load_deck(tmp_path / "latin1.toml")


def test_load_decks_refuses_a_bad_deck(tmp_path):
    good, _ = fixture("good-minimal.toml")
    bad, _ = fixture("bad-unknown-type.toml")
    (tmp_path / "a.toml").write_text(good, encoding="utf-8")
    (tmp_path / "b.toml").write_text(bad.replace('id = "fixture"', 'id = "other"'), encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        load_decks(tmp_path)
    assert "b.toml: card fx-002: field 'type'" in str(caught.value)


def test_load_decks_refuses_duplicate_deck_ids(tmp_path):
    good, _ = fixture("good-minimal.toml")
    (tmp_path / "a.toml").write_text(good, encoding="utf-8")
    (tmp_path / "b.toml").write_text(good, encoding="utf-8")
    with pytest.raises(DeckError, match="already used"):
        load_decks(tmp_path)


def test_load_decks_order_and_missing_folder(tmp_path):
    good, _ = fixture("good-minimal.toml")
    for name, deck_id in [("b.toml", "bee"), ("a.toml", "ay"), ("c.toml", "sea")]:
        (tmp_path / name).write_text(good.replace('"fixture"', f'"{deck_id}"'), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a deck")
    assert list(load_decks(tmp_path)) == ["ay", "bee", "sea"]
    with pytest.raises(DeckError):
        load_decks(tmp_path / "nowhere")


# --------------------------------------------------------------------------- the command line


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "server.decks", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_check_good():
    result = run_cli("check", "tests/fixtures/decks/good-minimal.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "tests/fixtures/decks/good-minimal.toml: ok (6 cards)"


def test_cli_check_bad():
    result = run_cli(
        "check", "tests/fixtures/decks/good-minimal.toml", "tests/fixtures/decks/bad-unknown-icon.toml"
    )
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "tests/fixtures/decks/good-minimal.toml: ok (6 cards)"
    assert lines[1].startswith(
        "tests/fixtures/decks/bad-unknown-icon.toml: card fx-002: field 'icon': unknown icon 'unicorn'"
    )


def test_cli_check_shipped_decks():
    result = run_cli("check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(SHIPPED)
    for path, line in zip(SHIPPED, lines):
        assert re.fullmatch(rf"decks/{re.escape(path.name)}: ok \(\d+ cards\)", line), line


def test_cli_missing_file_and_icons():
    result = run_cli("check", "tests/fixtures/decks/no-such-deck.toml")
    assert result.returncode == 1
    assert "no-such-deck.toml: the file could not be read" in result.stdout
    result = run_cli("icons")
    assert result.returncode == 0
    assert set(result.stdout.split()) == icon_names()


# --------------------------------------------------------------------------- untrusted input


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_parse_deck_only_raises_deck_error_on_random_text(text):
    try:
        parse_deck(text, "upload.toml")
    except DeckError as err:
        assert err.problems and all(p.startswith("upload.toml: ") for p in err.problems)


TOMLISH = st.text(alphabet='[]{}="\'\n .,#-_abcdeilnprstxy0123456789', max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_parse_deck_only_raises_deck_error_on_mutated_decks(data):
    text, _ = fixture("good-minimal.toml")
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 40)))
        text = text[:start] + data.draw(TOMLISH) + text[end:]
    try:
        deck = parse_deck(text, "upload.toml")
    except DeckError as err:
        assert err.problems
        assert all("\n" not in p for p in err.problems)
    else:
        json.dumps(deck)


@pytest.mark.parametrize(
    "junk",
    [
        None, 42, b"\xff\xfe\x00", ["a"], "a = " + "[" * 50_000, "a = " + "{b=" * 20_000,
        "\x00", 'title = "\ud800"', b"x" * (300 * 1024),
    ],
    ids=[
        "none", "int", "bad-bytes", "list", "deep-array", "deep-table", "nul", "surrogate",
        "big-bytes",
    ],
)
def test_parse_deck_junk(junk):
    with pytest.raises(DeckError):
        parse_deck(junk, "upload.toml")


# --------------------------------------------------------------------------- icons

REQUIRED_ICONS = {
    "home", "hospital", "doctor", "pill", "calendar", "clock", "money", "phone", "heart",
    "family", "friends", "chat", "question", "star", "lightbulb", "shuffle", "thumbs-up",
    "thumbs-down", "bed", "bus", "work", "food", "door", "hand", "book", "music", "walk",
    "person", "carer", "support-worker", "manager", "commissioner", "health", "other",
}  # fmt: skip

SVG = "{http://www.w3.org/2000/svg}"
ALLOWED_ELEMENTS = {"svg", "path", "circle", "rect", "g", "line", "polyline", "polygon", "ellipse"}


def test_icon_set_is_complete():
    assert ICON_DIR == ROOT / "web" / "static" / "icons"
    assert REQUIRED_ICONS <= icon_names()
    assert len(icon_names()) >= 20


@pytest.mark.parametrize("path", sorted(ICON_DIR.glob("*.svg")), ids=lambda p: p.stem)
def test_icon_is_a_clean_svg(path):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem)
    raw = path.read_text(encoding="utf-8")
    assert "<!DOCTYPE" not in raw and "<!ENTITY" not in raw
    root = ET.fromstring(raw)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 48 48"
    assert "currentColor" in raw
    for element in root.iter():
        assert element.tag.startswith(SVG), element.tag
        assert element.tag[len(SVG):] in ALLOWED_ELEMENTS, element.tag
        for name, value in element.attrib.items():
            assert "href" not in name and not name.lower().startswith("on"), name
            assert "url(" not in value and "javascript" not in value.lower(), value


def test_readme_example_deck_is_valid():
    readme = (DECK_DIR / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, re.S).group(1)
    deck = parse_deck(example, "decks/README.md example")
    assert {c["type"] for c in deck["cards"]} == set(CARD_TYPES)
    for name in sorted(icon_names()):
        assert name in readme, f"icon {name!r} is listed in decks/README.md"
