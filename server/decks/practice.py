"""Checking practice lines: what simulated players say in a practice workshop.

`practice = ["...", ...]` at the top of a deck gives lines that fit any card; the same field
on one card gives lines for that card only (server/game/practice.py picks among them).
"""

from __future__ import annotations

from .problems import _kind, _Problems, _short

MAX_PRACTICE_LINES = 40
MAX_PRACTICE_CHARS = 200
EXAMPLE = 'practice = ["I would ask her what she wants first.", "I would feel let down."]'


class _PracticeChecks(_Problems):
    """The optional `practice` list of a deck or a card."""

    def check_practice(self, value, card: str | None = None) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not value:
            self.add(f"should be a list of lines in quotes, not {_kind(value)}, e.g. {EXAMPLE}", card=card, field="practice")
            return []
        if len(value) > MAX_PRACTICE_LINES:
            self.add(f"has {len(value)} lines; the most allowed is {MAX_PRACTICE_LINES}", card=card, field="practice")
        lines = []
        for number, line in enumerate(value[:MAX_PRACTICE_LINES], start=1):
            if not isinstance(line, str) or not line.strip():
                self.add(f"line {number} should be text in quotes, not {_kind(line)}", card=card, field="practice")
            elif len(" ".join(line.split())) > MAX_PRACTICE_CHARS:
                self.add(
                    f"line {number} is too long (up to {MAX_PRACTICE_CHARS} characters): \"{_short(line, 40)}\"",
                    card=card,
                    field="practice",
                )
            else:
                lines.append(" ".join(line.split()))
        return lines
