"""The notes as CSV: one row per response, note and pledge, for a spreadsheet.

UTF-8 with a byte-order mark (so Excel reads the accents right). A cell that a spreadsheet
could take for a formula (starting with = + - @, a tab or a carriage return) gets a
leading apostrophe, so it is shown as text and never run.
"""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from . import board, plan

COLUMNS = (
    "room", "table", "kind", "card", "author", "perspective", "text", "votes", "time", "entered_by",
    *plan.PLAN_COLUMNS, "outcome", "how", "words_by", "card_teller",  # added last, so earlier columns keep their place
)  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str | int:
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    value = str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def rows(summary: dict):
    for table in summary["tables"]:
        base = {"room": summary["code"], "table": table["name"]}
        for round_ in table["rounds"]:
            for response in round_["responses"]:
                yield _row(base, "response", round_["card"], response, response["votes"])
        for kind, _ in summary["note_sections"]:
            for note in table["notes"].get(kind, ()):
                yield _row(base, kind, note.get("card"), note, note.get("votes"))
        for pledge in table["pledges"]:
            yield _row(base, "pledge", None, pledge, None)
    yield from plan.csv_rows(summary)
    yield from board.csv_rows(summary)


def _row(base: dict, kind: str, card: dict | None, item: dict, votes) -> dict:
    return {
        **base,
        "kind": kind,
        "card": card["text"] if card else "",
        "author": item["author"],
        "perspective": item["perspective"],
        "text": item["text"],
        "votes": votes,
        "time": item["at"],
        "entered_by": item["entered_by"],
        "words_by": item.get("words_by") or "",
        "outcome": card["outcome_name"] if card else "",
        "card_teller": card["perspective"] if card else "",
        "due": item.get("due", ""),  # a pledge's "by when", as the action rows give it (its "who" is in its action row)
        "how": item.get("how_label", ""),
    }


def csv_bytes(columns, rows) -> bytes:
    """A header line, then each row's cells in `columns` order (made safe by `cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(column)) for column in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def spreadsheet_time(at: str | None) -> str:
    """"2026-12-02 13:56:47" (UTC) for a stored time: a spreadsheet reads that as a date and
    time, where the log's own form (with "T", milliseconds and "+00:00") stays text."""
    if not at:
        return ""
    return datetime.fromisoformat(at).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def render(summary: dict) -> bytes:
    return csv_bytes(COLUMNS, (dict(row, time=spreadsheet_time(row.get("time"))) for row in rows(summary)))
