"""Loading decks from files and folders, and the short summary the deck picker shows."""

from __future__ import annotations

from pathlib import Path

from .checker import parse_deck
from ..game.perspectives import legend
from .format import DEFAULT_NEEDED, MAX_DECK_BYTES, DeckError


def load_deck(path) -> dict:
    """Read a deck file and parse it; problems name the path as given."""
    source = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_DECK_BYTES + 1)
    except OSError as err:
        raise DeckError([f"{source}: the file could not be read ({err.strerror or err})"]) from None
    if len(data) > MAX_DECK_BYTES:
        raise DeckError(
            [f"{source}: the file is too big; a deck may be at most {MAX_DECK_BYTES // 1024} KB"]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DeckError(
            [f"{source}: the file is not UTF-8 text; save it as UTF-8 and try again"]
        ) from None
    return parse_deck(text, source)


def _deck_files(directory) -> list[Path]:
    return sorted((p for p in Path(directory).glob("*.toml") if p.is_file()), key=lambda p: p.name)


def load_decks(directory) -> dict[str, dict]:
    """Every ``*.toml`` deck in a directory, keyed by deck id, in file-name order.

    Raises DeckError for the first bad deck (with all its problems), for two files with the
    same deck id, and for a directory that is not there.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DeckError([f"{directory}: the deck folder is not there"])
    decks: dict[str, dict] = {}
    files: dict[str, Path] = {}
    for path in _deck_files(directory):
        deck = load_deck(path)
        if deck["id"] in decks:
            raise DeckError(
                [
                    f"{path}: field 'id': the deck id {deck['id']!r} is already used by "
                    f"{files[deck['id']]}; each deck needs its own id"
                ]
            )
        decks[deck["id"]] = deck
        files[deck["id"]] = path
    return decks


def deck_summary(deck: dict) -> dict:
    """The short description of a deck the deck picker shows: with how many outcomes its
    path has and its perspectives (as in a room's `legend`: name, colour, pattern...)."""
    return {
        "id": deck["id"],
        "title": deck["title"],
        "cards": len(deck["cards"]),
        "language": deck["language"],
        "description": deck["description"],
        "audience": deck["audience"],
        "outcomes": len(deck.get("outcomes", ())),
        "needed": deck.get("needed", DEFAULT_NEEDED),
        "perspectives": [dict(entry) for entry in legend(deck)],
    }
