"""Checking the board a deck sets: its perspectives, its outcomes, and that every outcome
can be met.

`[[perspectives]]` are the sides a card is told from and a person joins as; each gets its
colour and pattern from the shared legend (server/legend.py). `[[outcomes]]` are the spaces
on the path ("I choose who supports me and how"); an outcome is met when agreed cards
told from `needed` different perspectives land on it, so the checker makes sure each one
has cards from at least that many.
"""
from __future__ import annotations

from .. import legend
from ..game.perspectives import ICONS
from .format import (
    _MAX_LABEL,
    _PERSPECTIVE_ID_RE,
    DEFAULT_NEEDED,
    MAX_EASY_WORDS,
    MAX_OUTCOMES,
    MAX_STATEMENT,
    MIN_OUTCOMES,
    NO_COLOUR,
    OTHER,
    easy_sentences,
    easy_word_count,
)
from .problems import _join, _kind, _Problems, _short

_PERSPECTIVE_FIELDS = ("id", "name", "easy", "icon")
_OUTCOME_FIELDS = ("id", "name", "easy", "icon", "statement")
#: `anyone` may be used on cards without being declared; this is how it is then named.
ANYONE = {"id": NO_COLOUR, "name": "anyone", "easy": "anyone", "icon": "other"}


class _BoardChecks(_Problems):
    """The `[[perspectives]]` and `[[outcomes]]` lists, `needed`, and the path as a whole."""

    def _entries(self, value, table: str, example: str) -> list | None:
        """The list of `[[table]]` entries, or None with a problem when it is not one."""
        if value is None:
            self.add(f"is missing: add [[{table}]] entries, e.g. {example}", field=table)
            return None
        if isinstance(value, dict) and table == "perspectives":
            self.add(
                "should be a list of [[perspectives]] entries, each with id, name, easy and icon "
                "(the old form `person = \"...\"` is no longer used; see decks/README.md)",
                field=table,
            )
            return None
        if not isinstance(value, list):
            self.add(f"should be a list of [[{table}]] entries, not {_kind(value)}", field=table)
            return None
        return value

    def _entry(self, table: str, position: int, raw, fields: tuple, icons: set[str], seen: set) -> dict | None:
        """One checked entry of a list of perspectives or outcomes (None if unusable)."""
        label = f"{table}#{position}"
        if not isinstance(raw, dict):
            self.add(f"should be a [[{table}]] table, not {_kind(raw)}", field=label)
            return None
        raw_id = raw.get("id")
        if isinstance(raw_id, str) and _PERSPECTIVE_ID_RE.match(raw_id.strip()):
            label = f"{table}.{raw_id.strip()}"
        for key in raw:
            if key not in fields:
                self.add(f"unknown field (the fields are: {', '.join(fields)})", field=f"{label}.{_short(key)}")
        entry = {}
        for field in fields:
            limit = {"id": 40, "statement": MAX_STATEMENT}.get(field, _MAX_LABEL)
            required = field != "icon" or table == "outcomes"
            entry[field] = self.text_field(raw, field, limit, required=required, where=label)
        if entry["id"] and not _PERSPECTIVE_ID_RE.match(entry["id"]):
            self.add(
                f"id {_short(entry['id'])!r} should be lowercase letters, digits, '_' or '-', starting with a letter",
                field=f"{label}.id",
            )
        elif entry["id"] in seen:
            self.add(f"the id {entry['id']!r} is used more than once; each needs its own id", field=f"{label}.id")
        seen.add(entry["id"])
        for sentence in easy_sentences(entry["easy"]):
            words = easy_word_count(sentence)
            if words > MAX_EASY_WORDS:
                self.add(
                    f"an Easy Read sentence has {words} words; keep each to {MAX_EASY_WORDS} or fewer",
                    field=f"{label}.easy",
                )
        if entry["icon"] and entry["icon"] not in icons:
            self.add(
                f"unknown icon {_short(entry['icon'])!r} (list the icons with: python -m server.decks icons)",
                field=f"{label}.icon",
            )
        return entry

    def check_perspectives(self, value, icons: set[str]) -> dict[str, dict] | None:
        """`{id: {"id", "name", "easy", "icon"}}`, or None when the list is unusable."""
        value = self._entries(
            value, "perspectives", 'id = "carer", name = "a family carer", easy = "a family member who helps", icon = "carer"'
        )
        if value is None:
            return None
        seen: set = set()
        result = {}
        for position, raw in enumerate(value, start=1):
            entry = self._entry("perspectives", position, raw, _PERSPECTIVE_FIELDS, icons, seen)
            if entry and entry["id"]:
                entry["icon"] = entry["icon"] or ICONS.get(entry["id"], "person")
                result[entry["id"]] = entry
        colours = [key for key in result if key not in (NO_COLOUR, OTHER)]
        if not colours:
            self.add("declare at least one perspective (besides anyone)", field="perspectives")
        elif len(colours) > legend.MAX_COLOURS:
            self.add(
                f"the deck declares {len(colours)} perspectives; the most is {legend.MAX_COLOURS} "
                "(besides anyone and other), so that each has its own colour and pattern",
                field="perspectives",
            )
        return result

    def check_outcomes(self, value, icons: set[str]) -> dict[str, dict] | None:
        """`{id: {"id", "name", "easy", "icon", "statement"}}`, or None when unusable."""
        value = self._entries(
            value, "outcomes", 'id = "choice", name = "Choice and control", easy = "My choices", icon = "star", '
            'statement = "I choose who supports me and how"'
        )
        if value is None:
            return None
        if not MIN_OUTCOMES <= len(value) <= MAX_OUTCOMES:
            self.add(
                f"the deck has {len(value)} outcomes; a path has {MIN_OUTCOMES} to {MAX_OUTCOMES}",
                field="outcomes",
            )
        seen: set = set()
        result = {}
        for position, raw in enumerate(value[: MAX_OUTCOMES * 4], start=1):
            entry = self._entry("outcomes", position, raw, _OUTCOME_FIELDS, icons, seen)
            if entry and entry["id"]:
                result[entry["id"]] = entry
        return result

    def check_needed(self, value, colours: int) -> int:
        """How many different perspectives meet an outcome (default 4)."""
        if value is None:
            if 0 < colours < DEFAULT_NEEDED:
                self.add(
                    f"the deck has {colours} perspective{'' if colours == 1 else 's'} with a colour, fewer "
                    f"than the {DEFAULT_NEEDED} that meet an outcome; declare more, or set needed = {colours}",
                    field="needed",
                )
            return DEFAULT_NEEDED
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(f"should be a whole number, e.g. needed = 4, not {_kind(value)}", field="needed")
            return DEFAULT_NEEDED
        if not 1 <= value <= max(colours, 1):
            self.add(
                f"needed = {value}, but it must be between 1 and the number of perspectives with a "
                f"colour ({colours})",
                field="needed",
            )
        return value

    def check_path(self, outcomes: dict[str, dict], cards: list[dict], needed: int) -> None:
        """Every outcome can be met: its cards are told from at least `needed` sides."""
        sides: dict[str, set] = {key: set() for key in outcomes}
        for card in cards:
            if card["outcome"] in sides and card["perspective"] not in (NO_COLOUR, ""):
                sides[card["outcome"]].add(card["perspective"])
        for key, told in sides.items():
            if len(told) < needed:
                sides = (
                    f"its cards are told from {len(told)} different perspective{'' if len(told) == 1 else 's'} "
                    f"({_join(told)})"
                    if told
                    else "none of its cards is told from a perspective with a colour"
                )
                self.add(
                    f"this outcome can never be met: {sides} and it needs {needed}; "
                    "add cards told from other perspectives, or lower `needed`",
                    field=f"outcomes.{key}",
                )

