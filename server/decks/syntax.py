"""Explaining a TOML syntax error: its line, the card and field there, and a hint to fix it."""

from __future__ import annotations

import re
import tomllib


def _syntax_error_line(text: str, err: tomllib.TOMLDecodeError) -> tuple[int | None, str]:
    """The line number of a TOML error, and its message without the "(at line ...)" tail."""
    message = str(err)
    lineno = getattr(err, "lineno", None)
    match = re.search(r"\s*\(at line (\d+), column \d+\)\s*$", message)
    if match:
        lineno = lineno or int(match.group(1))
        message = message[: match.start()]
    elif lineno is None:
        match = re.search(r"\s*\(at end of document\)\s*$", message)
        if match:
            lineno = text.count("\n") + 1
            message = message[: match.start()]
    return lineno, message.strip() or "invalid TOML"


def _card_near_line(text: str, lineno: int) -> str | None:
    """The id of the [[cards]] entry that a line falls in, if it can be seen."""
    lines = text.splitlines()[: max(0, lineno)]
    card_id = None
    in_card = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("["):
            in_card = stripped.replace(" ", "").startswith("[[cards]]")
            card_id = None
            continue
        if in_card:
            m = re.match(r"""id\s*=\s*["']([^"']{1,64})["']""", stripped)
            if m:
                card_id = m.group(1)
    return card_id


def _field_on_line(text: str, lineno: int) -> str | None:
    """The key being set on a line ("type" for 'type = scenario'), if there is one."""
    lines = text.splitlines()
    if not 0 < lineno <= len(lines):
        return None
    m = re.match(r"\s*([A-Za-z0-9_-]{1,40})\s*=", lines[lineno - 1])
    return m.group(1) if m else None


_SYNTAX_HINTS = (
    ("invalid value", 'text must be in double quotes, e.g. type = "scenario"'),
    ("unterminated string", 'a text is missing its closing quote; use """ for text over several lines'),
    ("illegal character", 'a line break inside a text is allowed only between triple quotes (""")'),
    ("cannot overwrite a value", "the same field is set twice"),
    ("cannot declare", "the same table or field is declared twice"),
    ("expected '=' after a key", 'each line should look like: name = "value"'),
)


def _syntax_hint(message: str) -> str | None:
    lower = message.lower()
    for needle, hint in _SYNTAX_HINTS:
        if needle in lower:
            return hint
    return None
