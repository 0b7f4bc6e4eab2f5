"""Problem lines: how a deck's problems are worded, and the collector that gathers them.

Each line names the file, then the card and the field when there is one, then the problem.
"""

from __future__ import annotations

import datetime as _dt

from .format import MAX_PROBLEMS


def _kind(value) -> str:
    """A plain-English name for the type of a TOML value."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return "a date or time"
    return type(value).__name__


def _short(text: str, limit: int = 40) -> str:
    """Text shortened for quoting in a problem line, on one line."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _join(names) -> str:
    return ", ".join(sorted(names)) if names else "(none)"


class _Problems:
    """Collects the problem lines for one deck; ``deck`` is the clean dict being built."""

    def __init__(self, source: str):
        self.source = str(source)
        self.problems: list[str] = []
        self.deck: dict = {}

    def add(self, message: str, card: str | None = None, field: str | None = None) -> None:
        parts = [self.source]
        if card is not None:
            parts.append(f"card {card}")
        if field is not None:
            parts.append(f"field '{field}'")
        parts.append(message)
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(": ".join(parts))
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(f"{self.source}: too many problems; fix these and check again")

    def text_field(self, table: dict, field: str, limit: int, required: bool,
                   card: str | None = None, where: str | None = None) -> str:
        """A text value from a table, checked; "" when missing or wrong. `where` names the
        entry it is in (e.g. "outcomes.choice"), for fields outside a card."""
        shown = f"{where}.{field}" if where else field
        if field not in table:
            if required:
                self.add("is missing", card=card, field=shown)
            return ""
        value = table[field]
        if not isinstance(value, str):
            self.add(
                f"should be text in quotes, not {_kind(value)}", card=card, field=shown
            )
            return ""
        value = value.strip()
        if not value:
            if required:
                self.add("is empty", card=card, field=shown)
            return ""
        if len(value) > limit:
            self.add(
                f"is {len(value)} characters long; the most allowed is {limit}",
                card=card,
                field=shown,
            )
        return value
