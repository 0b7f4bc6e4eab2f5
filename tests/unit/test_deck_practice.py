"""Practice lines in a deck: checked like every other field, kept only when given."""
from pathlib import Path

import pytest

from server.decks import check_deck_text, parse_deck

ROOT = Path(__file__).resolve().parents[2]
GOOD = (ROOT / "tests" / "fixtures" / "decks" / "good-minimal.toml").read_text(encoding="utf-8")
SHIPPED = sorted((ROOT / "decks").glob("*.toml"))


def with_top(line: str) -> str:
    return line + "\n" + GOOD  # top-level fields come before the first [[table]]


def test_a_deck_level_list_is_kept_and_tidied():
    deck = parse_deck(with_top('practice = ["I would ask first.", "  I would   feel let down. "]'), "t")
    assert deck["practice"] == ["I would ask first.", "I would feel let down."]
    assert "practice" not in parse_deck(GOOD, "t")


def test_a_card_may_have_its_own_lines():
    text = GOOD.replace("[[cards]]", '[[cards]]\npractice = ["Only for this card."]', 1)
    deck = parse_deck(text, "t")
    assert deck["cards"][0]["practice"] == ["Only for this card."]
    assert all("practice" not in card for card in deck["cards"][1:])


@pytest.mark.parametrize("line, words", [
    ('practice = "one line"', "should be a list"),
    ("practice = []", "should be a list"),
    ('practice = ["fine", 3]', "line 2 should be text"),
    (f'practice = ["{"x" * 201}"]', "too long"),
    ("practice = [" + ", ".join(['"a"'] * 41) + "]", "the most allowed is 40"),
])  # fmt: skip
def test_bad_practice_lines_are_named(line, words):
    problems = check_deck_text(with_top(line), "t")
    assert any("field 'practice'" in p and words in p for p in problems), problems


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_deck_has_practice_lines(path):
    deck = parse_deck(path.read_text(encoding="utf-8"), path.name)
    assert len(deck["practice"]) >= 8 and len(set(deck["practice"])) == len(deck["practice"])
