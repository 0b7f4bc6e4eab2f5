"""Card decks: the TOML deck format, its validator, and the loader.

A deck is one TOML file in ``decks/``.  ``parse_deck`` turns its text into a plain,
JSON-able dict or raises ``DeckError`` listing every problem, one plain-English line each,
naming the file, the card and the field.  The same checks run for the decks we ship
(the server refuses to start on a bad one) and for decks a facilitator uploads.

`format` holds the format's fields and limits; `checker` (with `cards`, `problems` and
`syntax`) validates a deck; `loading` reads files and folders; `cli` is the command line::

    python -m server.decks check [PATH...]   # no PATH: every decks/*.toml
    python -m server.decks icons             # list the icon names a card may use

The format itself is described in ``decks/README.md``.
"""

from __future__ import annotations

from .checker import check_deck_text, parse_deck
from .cli import main
from .format import (
    CARD_TYPES,
    DECK_DIR,
    DEFAULT_ICONS,
    DEFAULT_NEEDED,
    ICON_DIR,
    MAX_CARDS,
    MAX_DECK_BYTES,
    MAX_EASY_WORDS,
    MAX_OUTCOMES,
    MAX_PROBLEMS,
    MAX_TEXT_CHARS,
    MIN_OUTCOMES,
    REPO_ROOT,
    DeckError,
    easy_sentences,
    easy_word_count,
    icon_names,
)
from .loading import deck_summary, load_deck, load_decks

# As before the split, `import *` gives these; DECK_DIR, REPO_ROOT, MAX_PROBLEMS,
# DEFAULT_NEEDED, MIN_OUTCOMES, MAX_OUTCOMES, easy_sentences, easy_word_count and main are
# importable by name.
__all__ = [
    "CARD_TYPES",
    "DEFAULT_ICONS",
    "DeckError",
    "ICON_DIR",
    "MAX_CARDS",
    "MAX_DECK_BYTES",
    "MAX_EASY_WORDS",
    "MAX_TEXT_CHARS",
    "check_deck_text",
    "deck_summary",
    "icon_names",
    "load_deck",
    "load_decks",
    "parse_deck",
]
