"""The report as Markdown: readable as plain text, and inert when a viewer renders it."""
from __future__ import annotations

import re

from . import board, plan
from ..rooms import shown_code
from .people import byline, card_line

_INLINE = re.compile(r"([\\`*_{}\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])")


def md_text(text: str) -> str:
    """User text as Markdown that shows exactly those characters: no markup, no HTML,
    no links. Line breaks become hard breaks."""
    lines = []
    for line in str(text).splitlines():
        line = _INLINE.sub(r"\\\1", line.strip())
        line = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        if line:
            lines.append(line)
    return "\\\n  ".join(lines)


def _item(item: dict, votes: bool = False) -> str:
    line = f"- {md_text(item['text'])} — {md_text(byline(item))}"
    if votes and item.get("votes") is not None:
        line += f" · {item['votes']} vote{'' if item['votes'] == 1 else 's'}"
    if item.get("agreed"):
        line += " · **agreed**"
    if item.get("how_label"):
        line += f" · {item['how_label']}"
    if item.get("card"):
        line += f" · {md_text(card_line(item['card']))}"
    return line


def _card(card: dict) -> str:
    kind = " · ".join(md_text(part) for part in (card["type_label"], card["perspective"], card.get("outcome_name")) if part)
    return f"{md_text(card['text'])} ({kind})" if kind else md_text(card["text"])


def render(summary: dict) -> str:
    out = [f"# {md_text(summary['title'])}", ""]
    out.append(f"- **Date:** {summary['date_label']}")
    out.append(f"- **Deck:** {md_text(summary['deck']['title'])}")
    out.append(f"- **Room code:** {shown_code(summary['code'])}")
    people = summary["people"]
    out.append(f"- **People:** {people} {'person' if people == 1 else 'people'}")
    out += [f"  - {md_text(p['label'])}: {p['count']}" for p in summary["perspectives"]]
    if summary["anonymous"]:
        out.append("- People are named by the perspective they brought.")
    if summary["kept"]:
        out.append(f"- {summary['kept_line']}")
    out += board.markdown_room_lines(summary, md_text)
    for table in summary["tables"]:
        out += ["", f"## {md_text(table['name'])}"]
        if table["rounds"]:
            out += ["", "### Cards"]
        for round_ in table["rounds"]:
            out += ["", f"**Card {round_['number']}:** {_card(round_['card'])} — {round_['outcome_label']}", ""]
            out += [_item(r, votes=True) for r in round_["responses"]] or [f"- {round_['none_line']}"]
        for kind, heading in summary["note_sections"]:
            notes = table["notes"].get(kind)
            if notes:
                out += ["", f"### {heading}", ""]
                out += [_item(note, votes=kind == "agreed") for note in notes]
        if table["pledges"]:
            out += ["", "### Pledges", ""] + [_item(p) for p in table["pledges"]]
        out += board.markdown_table_lines(summary, table, md_text)
    out += plan.markdown_lines(summary, md_text)
    out += ["", "## All pledges", ""]
    pledges = [f"{_item(p)} · {md_text(p['table'])}" for p in summary["pledges"]]
    out += pledges or ["- No pledges shared."]
    return "\n".join(out) + "\n"
