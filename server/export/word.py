"""The report as a Word document, built with python-docx.

Real heading styles (Heading 1/2/3) so the navigation pane and screen readers find the
structure, and List Bullet paragraphs. User text only ever goes in as run text (python-docx
escapes it); characters XML cannot hold are dropped first.
"""
from __future__ import annotations

import io
import re
from datetime import datetime

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import board, plan
from ..rooms import shown_code
from .people import byline, card_line

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text) -> str:
    return _NOT_XML.sub("", str(text))


def document(title: str, size: int = 11):
    """A new Word document by In Our Shoes, with `title` as its title and first heading."""
    doc = Document()
    for section in doc.sections:  # A4, as printed in the UK (python-docx's template is US Letter)
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)
    doc.styles["Normal"].font.size = Pt(size)
    _british(doc)
    doc.core_properties.title = clean(title)
    doc.core_properties.author = "In Our Shoes"
    doc.add_heading(clean(title), level=1)
    return doc


def _british(doc) -> None:
    """UK English for every run (python-docx's template says US English, so Word marked UK
    spellings as wrong and a screen reader might read with a US voice)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), "en-GB")
    doc.core_properties.language = "en-GB"


def saved(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _bullet(doc, text: str, by: str, bold: bool = False) -> None:
    paragraph = doc.add_paragraph(style="List Bullet")
    paragraph.add_run(clean(text)).bold = bold
    detail = paragraph.add_run(clean(f" — {by}"))
    detail.italic = True


def _votes(n: int) -> str:
    return f"{n} vote{'' if n == 1 else 's'}"


def _facts(doc, summary: dict) -> None:
    for label, value in (
        ("Date", summary["date_label"]),
        ("Deck", summary["deck"]["title"]),
        ("Room code", shown_code(summary["code"])),
        ("People", f"{summary['people']} {'person' if summary['people'] == 1 else 'people'}"),
    ):
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(clean(value))
    for p in summary["perspectives"]:
        doc.add_paragraph(clean(f"{p['label']}: {p['count']}"), style="List Bullet")
    if summary["anonymous"]:
        doc.add_paragraph("People are named by the perspective they brought.")
    if summary["kept"]:
        doc.add_paragraph(summary["kept_line"])
    board.word_room(doc, summary, clean)


def _table(doc, table: dict, sections, summary: dict) -> None:
    doc.add_heading(clean(table["name"]), level=2)
    if table["rounds"]:
        doc.add_heading("Cards", level=3)
    for round_ in table["rounds"]:
        card = round_["card"]
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"Card {round_['number']}: ").bold = True
        paragraph.add_run(clean(card["text"]))
        kind = " · ".join(
            part for part in (card["type_label"], card["perspective"], card.get("outcome_name"), round_["outcome_label"]) if part
        )
        paragraph.add_run(clean(f" ({kind})")).italic = True
        for r in round_["responses"]:
            by = f"{byline(r)} · {_votes(r['votes'])}" + (" · agreed" if r["agreed"] else "")
            _bullet(doc, r["text"], by, bold=r["agreed"])
        if not round_["responses"]:
            doc.add_paragraph(round_["none_line"])
    for kind, heading in sections:
        notes = table["notes"].get(kind)
        if notes:
            doc.add_heading(heading, level=3)
            for note in notes:
                votes = f" · {_votes(note['votes'])}" if kind == "agreed" and note.get("votes") is not None else ""
                card = f" · {card_line(note['card'])}" if note.get("card") else ""
                how = f" · {note['how_label']}" if note.get("how_label") else ""
                _bullet(doc, note["text"], byline(note) + votes + how + card)
    if table["pledges"]:
        doc.add_heading("Pledges", level=3)
        for pledge in table["pledges"]:
            _bullet(doc, pledge["text"], byline(pledge))
    board.word_table(doc, summary, table, clean)


def render(summary: dict) -> bytes:
    doc = document(summary["title"])
    props = doc.core_properties
    props.last_modified_by = "In Our Shoes"
    props.subject = clean(f"Workshop {summary['code']}, {summary['deck']['title']}")
    props.comments = props.keywords = props.category = ""
    props.created = props.modified = datetime.fromisoformat(summary["created_at"])
    _facts(doc, summary)
    for index, table in enumerate(summary["tables"]):
        if index:
            doc.add_page_break()
        _table(doc, table, summary["note_sections"], summary)
    doc.add_page_break()
    plan.word_section(doc, summary, clean)
    doc.add_page_break()
    doc.add_heading("All pledges", level=2)
    for pledge in summary["pledges"]:
        _bullet(doc, pledge["text"], f"{byline(pledge)} · {pledge['table']}")
    if not summary["pledges"]:
        doc.add_paragraph("No pledges shared.")
    return saved(doc)
