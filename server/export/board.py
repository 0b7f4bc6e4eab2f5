"""The game in the reports: each table's path (which outcomes were met, and which cards and
perspectives placed footprints), whose voice was heard (the same sentences the host view
shows, from server/game/voice.py), each table's poem, and the legend in words.

`room_parts` adds `legend`, `voice` and `progress_line` to the session summary and
`table_parts` adds `board` and `poem` to each table; the other functions add them to the
Markdown, CSV and Word reports; the printable page includes `board-room.html` and
`board-table.html`. Words kept in the room are not counted, and people are named as the
summary names them (their perspective, in an anonymous export).
"""
from __future__ import annotations

from markupsafe import Markup

from ..game.board import board_view
from ..game.perspectives import legend as room_legend
from ..game.perspectives import NO_COLOUR, name_of
from ..game.voice import FIELDS, voice
from ..legend import describe, footprint_svg, style_of
from .people import byline

VOICE_WORDS = {"people": "people", "responses": "answers written", "votes": "votes received", "agreed": "agreed notes"}
ONE = {"people": "person", "responses": "answer written", "votes": "vote received", "agreed": "agreed note"}


def _style(room, perspective: str) -> dict:
    return style_of(room.deck.get("legend"), perspective)


def _footprint(room, perspective: str, key: str, size: int = 20) -> Markup:
    return Markup(footprint_svg(_style(room, perspective), key, size))


def _legend(room) -> list[dict]:
    return [
        {
            "id": entry["id"],
            "name": "a card told from no one side" if entry["id"] == NO_COLOUR else entry["name"],
            "words": describe(_style(room, entry["id"])),
            "footprint": _footprint(room, entry["id"], f"key-{entry['id']}", 28),
        }
        for entry in room_legend(room.deck)
    ]


def _board(room, table) -> dict | None:
    view = board_view(room, table)
    if view is None:
        return None
    outcomes = []
    # the report lists each card above as "Card 3: ..."; the path names it so, not in full again
    numbers = {r.card: r.number for r in table.rounds if r.outcome == "agreed"}
    for outcome in view["outcomes"]:
        tiles = []
        for n, tile in enumerate(outcome["tiles"]):
            card = room.cards.get(tile["card"], {})
            tiles.append({
                "perspective_id": tile["perspective"],
                "perspective": name_of(room.deck, tile["perspective"]),
                "words": describe(_style(room, tile["perspective"])),
                "card_id": tile["card"],
                "card": card.get("text", ""),
                "card_ref": f"Card {numbers[tile['card']]}" if tile["card"] in numbers else card.get("text", ""),
                "footprint": _footprint(room, tile["perspective"], f"{table.id}-{outcome['id']}-{n}"),
            })  # fmt: skip
        colours = len({t["perspective_id"] for t in tiles} - {"anyone"})
        outcomes.append({
            "id": outcome["id"],
            "name": outcome["name"],
            "easy": outcome["easy"],
            "statement": outcome["statement"],
            "met": outcome["met"],
            "colours": colours,
            "line": f"{colours} of {view['needed']} perspective{'' if view['needed'] == 1 else 's'}"
            + (": met" if outcome["met"] else ""),
            "tiles": tiles,
        })  # fmt: skip
    total = len(outcomes)
    line = f"{view['met']} of {total} outcomes met" + (": the whole path!" if view["complete"] else "")
    return {"needed": view["needed"], "met": view["met"], "total": total, "complete": view["complete"],
            "line": line, "outcomes": outcomes}  # fmt: skip


def _voice_rows(room, counts: dict) -> list[dict]:
    order = [entry["id"] for entry in room_legend(room.deck)]
    sides = sorted(counts, key=lambda side: (order.index(side) if side in order else len(order), str(side)))
    return [
        {"id": side, "name": name_of(room.deck, side), "words": describe(_style(room, side)), **counts[side]}
        for side in sides
        if side and any(counts[side][field] for field in FIELDS)
    ]


def room_parts(room, tables, kept: set) -> dict:
    """`legend`, `voice` ({"rows", "sentences", "tables": {id: {"rows", "sentences"}}}) and
    the room's progress on its path ("5 of 12 outcomes met across 2 tables")."""
    heard = voice(room, leave_out=kept)
    boards = [t["board"] for t in tables if t.get("board")]
    progress = ""
    if boards:
        met, total = sum(b["met"] for b in boards), sum(b["total"] for b in boards)
        progress = f"{met} of {total} outcomes met across {len(boards)} table{'' if len(boards) == 1 else 's'}."
    return {
        "legend": _legend(room),
        "play": room.play,
        "progress_line": progress,
        "voice": {
            "rows": _voice_rows(room, heard["room"]),
            "sentences": heard["sentences"]["room"],
            "tables": {
                table_id: {"rows": _voice_rows(room, counts), "sentences": heard["sentences"]["tables"].get(table_id, [])}
                for table_id, counts in heard["tables"].items()
            },
        },
    }


def table_parts(room, table, people) -> dict:
    """A table's `board` (None in open play) and its `poem` (lines, with their authors)."""
    poem = [people.said(line) for line in table.poem]
    return {"board": _board(room, table), "poem": [dict(line, byline=byline(line)) for line in poem]}


def table_voice(summary: dict, table: dict) -> dict:
    return summary["voice"]["tables"].get(table["id"], {"rows": [], "sentences": []})


def voice_cells(row: dict) -> list[str]:
    return [str(row[field]) for field in FIELDS]


# --- Markdown -----------------------------------------------------------------------------
def markdown_room_lines(summary: dict, md) -> list[str]:
    out = ["", "## Who was here: the legend", ""]
    out += [f"- {md(entry['name'])}: {md(entry['words'])}" for entry in summary["legend"]]
    if summary["progress_line"]:
        out += ["", f"**The path:** {md(summary['progress_line'])}"]
    return out + _markdown_voice("Whose voice was heard (all tables)", summary["voice"], md)


def _markdown_voice(heading: str, part: dict, md) -> list[str]:
    if not part["rows"]:
        return []
    out = ["", f"### {heading}", "", "| Perspective | " + " | ".join(w.capitalize() for w in VOICE_WORDS.values()) + " |"]
    out.append("|---" * (len(FIELDS) + 1) + "|")
    out += [f"| {md(row['name'])} | " + " | ".join(voice_cells(row)) + " |" for row in part["rows"]]
    return out + ([""] + [f"- {md(line)}" for line in part["sentences"]] if part["sentences"] else [])


def markdown_table_lines(summary: dict, table: dict, md) -> list[str]:
    out = []
    board = table.get("board")
    if board:
        out += ["", f"### The path: {md(board['line'])}", ""]
        for outcome in board["outcomes"]:
            mark = "**met**" if outcome["met"] else md(outcome["line"])
            out.append(f"- {md(outcome['name'])} — “{md(outcome['statement'])}” · {mark}")
            out += [f"  - {md(t['perspective'])} ({md(t['words'])}): {md(t['card_ref'])}" for t in outcome["tiles"]]
    out += _markdown_voice("Whose voice was heard", table_voice(summary, table), md)
    if table["poem"]:
        out += ["", "### Our poem", ""]
        out += [f"> {md(line['text'])} — {md(line['byline'])}  " for line in table["poem"]]
    return out


# --- CSV ----------------------------------------------------------------------------------
def csv_rows(summary: dict):
    """Rows for the spreadsheet: each table's path (`path`, then each `footprint` placed and
    `outcome_met`), each `poem` line, and whose voice was heard (`voice` counts and
    `voice_note` sentences), per table and then for all tables."""
    for table in summary["tables"]:
        base = {"room": summary["code"], "table": table["name"]}
        board = table.get("board") or {"outcomes": []}
        if board.get("line"):
            yield {**base, "kind": "path", "text": board["line"]}
        for outcome in board["outcomes"]:
            for tile in outcome["tiles"]:
                yield {**base, "kind": "footprint", "card": tile["card"], "perspective": tile["perspective"],
                       "outcome": outcome["name"], "text": tile["words"]}  # fmt: skip
            if outcome["met"]:
                yield {**base, "kind": "outcome_met", "outcome": outcome["name"], "text": outcome["statement"]}
        for line in table["poem"]:
            yield {**base, "kind": "poem", "author": line["author"], "perspective": line["perspective"],
                   "text": line["text"], "time": line["at"], "entered_by": line["entered_by"]}  # fmt: skip
        yield from _voice_csv(base, table_voice(summary, table))
    everyone = {"room": summary["code"], "table": "All tables"}
    if summary["progress_line"]:
        yield {**everyone, "kind": "path", "text": summary["progress_line"]}
    yield from _voice_csv(everyone, summary["voice"])


def _voice_csv(base: dict, part: dict):
    for row in part["rows"]:
        counts = ", ".join(f"{row[field]} {(ONE if row[field] == 1 else VOICE_WORDS)[field]}" for field in FIELDS)
        yield {**base, "kind": "voice", "perspective": row["name"], "text": counts, "votes": row["votes"]}
    for line in part["sentences"]:
        yield {**base, "kind": "voice_note", "text": line}


# --- Word ---------------------------------------------------------------------------------
def word_room(doc, summary: dict, clean) -> None:
    doc.add_heading("Who was here: the legend", level=2)
    for entry in summary["legend"]:
        doc.add_paragraph(clean(f"{entry['name']}: {entry['words']}"), style="List Bullet")
    if summary["progress_line"]:
        paragraph = doc.add_paragraph()
        paragraph.add_run("The path: ").bold = True
        paragraph.add_run(clean(summary["progress_line"]))
    _word_voice(doc, "Whose voice was heard (all tables)", summary["voice"], clean)


def _word_voice(doc, heading: str, part: dict, clean) -> None:
    if not part["rows"]:
        return
    doc.add_heading(heading, level=3)
    grid = doc.add_table(rows=1, cols=len(FIELDS) + 1)
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, ["Perspective", *(w.capitalize() for w in VOICE_WORDS.values())]):
        cell.text = text
    for row in part["rows"]:
        for cell, text in zip(grid.add_row().cells, [row["name"], *voice_cells(row)]):
            cell.text = clean(text)
    for line in part["sentences"]:
        doc.add_paragraph(clean(line), style="List Bullet")


def word_table(doc, summary: dict, table: dict, clean) -> None:
    board = table.get("board")
    if board:
        doc.add_heading(clean(f"The path: {board['line']}"), level=3)
        for outcome in board["outcomes"]:
            paragraph = doc.add_paragraph(style="List Bullet")
            paragraph.add_run(clean(outcome["name"])).bold = True
            paragraph.add_run(clean(f" — “{outcome['statement']}” · " + ("met" if outcome["met"] else outcome["line"])))
            for tile in outcome["tiles"]:
                doc.add_paragraph(clean(f"{tile['perspective']} ({tile['words']}): {tile['card_ref']}"), style="List Bullet 2")
    _word_voice(doc, "Whose voice was heard", table_voice(summary, table), clean)
    if table["poem"]:
        doc.add_heading("Our poem", level=3)
        for line in table["poem"]:
            paragraph = doc.add_paragraph()
            paragraph.add_run(clean(line["text"])).italic = True
            paragraph.add_run(clean(f" — {line['byline']}"))
