"""The deck validator: ``check_deck_text`` lists a deck's problems, ``parse_deck`` cleans it.

The input is untrusted (decks are uploaded), so the text is capped in size and nothing
but ``DeckError`` ever escapes ``parse_deck``.
"""

from __future__ import annotations

import tomllib

from .. import legend
from .board import ANYONE, _BoardChecks
from .cards import _CardChecks
from .practice import _PracticeChecks
from .format import (
    _DECK_ID_RE,
    _LANGUAGE_RE,
    _META_FIELDS,
    _META_TEXT,
    MAX_DECK_BYTES,
    NO_COLOUR,
    OTHER,
    DeckError,
    icon_names,
)
from .problems import _join, _kind, _short
from .syntax import _card_near_line, _field_on_line, _syntax_error_line, _syntax_hint


class _Checker(_CardChecks, _BoardChecks, _PracticeChecks):
    """Collects problems for one deck and builds the clean dict at the same time."""

    # -- the whole text

    def check_text(self, text) -> None:
        if isinstance(text, (bytes, bytearray)):
            if len(text) > MAX_DECK_BYTES:
                self.add(
                    f"the file is too big ({len(text) // 1024} KB or more); a deck may be at "
                    f"most {MAX_DECK_BYTES // 1024} KB"
                )
                return
            try:
                text = bytes(text).decode("utf-8")
            except UnicodeDecodeError:
                self.add("the file is not UTF-8 text; save it as UTF-8 and try again")
                return
        if not isinstance(text, str):
            self.add(f"expected the text of a TOML file, got {_kind(text)}")
            return
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError:
            self.add("the text has characters that are not valid Unicode; save it as UTF-8")
            return
        if size > MAX_DECK_BYTES:
            self.add(
                f"the file is too big ({size // 1024} KB); a deck may be at most "
                f"{MAX_DECK_BYTES // 1024} KB"
            )
            return
        if text.startswith("\ufeff"):
            text = text[1:]  # a byte-order mark some editors add
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            lineno, message = _syntax_error_line(text, err)
            parts = []
            if lineno:
                parts.append(f"line {lineno}")
                card = _card_near_line(text, lineno)
                if card:
                    parts.append(f"card {card}")
                field = _field_on_line(text, lineno)
                if field:
                    parts.append(f"field '{field}'")
            hint = _syntax_hint(message)
            parts.append(f"this is not valid TOML: {message}" + (f" ({hint})" if hint else ""))
            self.add(": ".join(parts))
            return
        except RecursionError:
            self.add("this is not valid TOML: it is nested too deeply")
            return
        except Exception as err:  # noqa: BLE001 - untrusted input; report, never raise
            self.add(f"this could not be read as TOML ({type(err).__name__})")
            return
        self.check_data(data)

    # -- the parsed data

    def check_data(self, data: dict) -> None:
        for key in data:
            if key not in _META_FIELDS:
                self.add(
                    f"unknown field (a deck's fields are: {_join(_META_FIELDS)})",
                    field=_short(key),
                )

        for field, limit in _META_TEXT.items():
            value = self.text_field(data, field, limit, required=True)
            self.deck[field] = value
        if self.deck["id"] and not _DECK_ID_RE.match(self.deck["id"]):
            self.add(
                f"deck id {_short(self.deck['id'])!r} should be a short name in lowercase "
                "letters, digits and dashes, e.g. \"everyday-lives\"",
                field="id",
            )
        if self.deck["language"] and not _LANGUAGE_RE.match(self.deck["language"]):
            self.add(
                f"{_short(self.deck['language'])!r} is not a language tag; use one like \"en-GB\"",
                field="language",
            )

        easy_first = data.get("easy_first", False)
        if not isinstance(easy_first, bool):
            self.add(f"should be true or false, not {_kind(easy_first)}", field="easy_first")
            easy_first = False
        self.deck["easy_first"] = easy_first

        icons = icon_names()
        perspectives = self.check_perspectives(data.get("perspectives"), icons)
        outcomes = self.check_outcomes(data.get("outcomes"), icons)
        colours = [key for key in perspectives or {} if key not in (NO_COLOUR, OTHER)]
        needed = self.check_needed(data.get("needed"), len(colours))
        if perspectives is not None:
            perspectives.setdefault(NO_COLOUR, dict(ANYONE))  # cards may always use `anyone`
        cards = self.check_cards(data.get("cards"), perspectives, outcomes)
        if outcomes and perspectives is not None and not self.problems:
            self.check_path(outcomes, cards, needed)
        self.deck["needed"] = needed
        self.deck["perspectives"] = list((perspectives or {}).values())
        self.deck["outcomes"] = list((outcomes or {}).values())
        self.deck["legend"] = legend.assign([p["id"] for p in self.deck["perspectives"]])
        self.deck["cards"] = cards
        practice = self.check_practice(data.get("practice"))
        if practice:  # lines for simulated players (server/decks/practice.py)
            self.deck["practice"] = practice


def _check(text, source: str) -> _Checker:
    checker = _Checker(source)
    try:
        checker.check_text(text)
    except RecursionError:
        checker.add("the deck is nested too deeply to read")
    except Exception as err:  # noqa: BLE001 - a bug here must not crash the caller
        checker.add(f"the deck could not be checked ({type(err).__name__}: {_short(err, 80)})")
    return checker


def check_deck_text(text: str, source: str) -> list[str]:
    """Every problem with a deck's TOML text, one plain-English line each; [] if it is good."""
    return list(_check(text, source).problems)


def parse_deck(text: str, source: str) -> dict:
    """The validated deck as a plain JSON-able dict.  Raises DeckError (only) if anything is wrong."""
    checker = _check(text, source)
    if checker.problems:
        raise DeckError(checker.problems)
    return checker.deck

