"""The deck format: card types, fields, limits, default icons, and the Easy Read word count.

Also ``DeckError``, the one exception a deck problem raises, and where the shipped decks
and the card icons live.  The format is described for deck authors in ``decks/README.md``.
"""

from __future__ import annotations

import re
from pathlib import Path

CARD_TYPES = ("scenario", "reflection", "question", "wild", "working")

REPO_ROOT = Path(__file__).resolve().parents[2]
ICON_DIR = REPO_ROOT / "web" / "static" / "icons"
DECK_DIR = REPO_ROOT / "decks"

MAX_DECK_BYTES = 200 * 1024  # a deck's TOML text, in UTF-8 bytes
MAX_CARDS = 500
MAX_TEXT_CHARS = 500  # a card's text and its Easy Read text
MAX_EASY_WORDS = 15  # per Easy Read sentence
MAX_PROBLEMS = 200  # stop listing after this many: enough to fix a file
MIN_OUTCOMES, MAX_OUTCOMES = 5, 8  # spaces on a deck's path
DEFAULT_NEEDED = 4  # different perspectives that meet an outcome, unless the deck says
MAX_STATEMENT = 160  # an outcome's statement, "I choose who supports me and how"
NO_COLOUR = "anyone"  # a card told from no particular side (always allowed on cards)
OTHER = "other"  # "someone else who cares about this": always a choice when joining

# The icon a card gets when it names none.
DEFAULT_ICONS = {
    "scenario": "chat",
    "reflection": "quote",
    "question": "question",
    "wild": "shuffle",
    "working": "thumbs-up",
}

# Top-level fields: name -> (required, max length).  All are text.
_META_TEXT = {
    "id": 60,
    "title": 100,
    "language": 35,
    "audience": 300,
    "description": 1000,
    "licence": 300,
    "version": 40,
}
_META_FIELDS = set(_META_TEXT) | {"easy_first", "needed", "perspectives", "outcomes", "cards", "practice"}
_CARD_FIELDS = ("id", "type", "perspective", "outcome", "text", "easy", "icon", "practice")

_DECK_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_PERSPECTIVE_ID_RE = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
_CARD_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_MAX_LABEL = 80

# An Easy Read sentence ends at . ! ? (or …) followed by a space or the end, or at a line break.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
_WORD_RE = re.compile(r"\w", re.UNICODE)


class DeckError(Exception):
    """A deck that cannot be used.  ``problems`` holds one plain-English line per problem."""

    def __init__(self, problems):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = [str(p) for p in problems] or ["unknown problem with the deck"]
        super().__init__("\n".join(self.problems))

    def __str__(self) -> str:
        return "\n".join(self.problems)


def icon_names() -> set[str]:
    """The names (without ``.svg``) of the icons a card may use."""
    try:
        return {p.stem for p in ICON_DIR.glob("*.svg") if p.is_file()}
    except OSError:
        return set()


def easy_sentences(easy: str) -> list[str]:
    """Split Easy Read text into sentences (at . ! ? followed by a space, and at line breaks)."""
    return [s.strip() for s in _SENTENCE_END_RE.split(easy) if s and s.strip()]


def easy_word_count(sentence: str) -> int:
    """Words in a sentence; a lone dash or symbol is not a word."""
    return sum(1 for token in sentence.split() if _WORD_RE.search(token))
