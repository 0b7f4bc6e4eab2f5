"""The session summary and every export renderer, on a story of the pure rules (no server)."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import zipfile
from html.parser import HTMLParser

import docx
import pytest

from server.export import eventlog, markdown, printable, spreadsheet, word
from server.export.routes import filename
from server.export.people import byline
from server.export.summary import KEPT, private_ids, summarise
from server.replay import ReplayError, load, main

from .story import Story

NAMES = ("Ann", "Bo", "Cy", "Di", "Ed")
SHARED = "Ask her what she wants first"
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","y")'
FOR_ED = "Ring the family together"
WORKING = "Listening to people properly"
NOT_WORKING = "Rotas that never bend"
MATTERS = "Being asked, not told"
FREE = "Bring biscuits next time"
PLEDGES = ("I will ask before I act", "I will share this with my team", "I will call my GP")
SECRETS = (
    "A private answer at table one",
    "A private answer that won the vote",
    "A private reflection",
    "A private pledge",
)
PUBLIC = (SHARED, SCRIPT, FORMULA, FOR_ED, WORKING, NOT_WORKING, MATTERS, FREE, *PLEDGES)


def workshop() -> tuple[Story, dict]:
    """Two tables, a round each, reflect notes, pledges; some words kept in the room."""
    s = Story()
    ids = {}
    for name, perspective, table in zip(NAMES[:4], ("person", "carer", "support_worker", "manager"), ("t1", "t1", "t2", "t2")):
        ids[name] = s.join(name, perspective, table)
    ann, bo, cy, di = (ids[n] for n in NAMES[:4])
    ids["Ed"] = ed = s.do(bo, "add_person", name="Ed", perspective="health")[0].data["player"]
    s.do("host", "admit", player=ed)
    s.do("host", "start")
    # table 1: a shared answer wins; one answer entered for Ed, one kept in the room
    s.do(ann, "draw")
    shared = s.do(bo, "respond", text=SHARED)[0].data["response"]
    s.do(ann, "respond", text=SCRIPT)
    s.do(bo, "respond", text=FOR_ED, **{"for": ed})
    s.do(ann, "respond", text=SECRETS[0], private=True)
    s.do(ann, "vote", response=shared)
    s.do(bo, "vote", response=shared)
    s.do(ann, "next")
    # table 2: the most-voted answer is kept in the room, so its agreed note must be too
    s.do(cy, "draw")
    s.do(di, "respond", text=FORMULA)
    secret = s.do(cy, "respond", text=SECRETS[1], private=True)[0].data["response"]
    s.do(cy, "vote", response=secret)
    s.do(di, "vote", response=secret)
    s.do(di, "next")
    s.do("host", "stage", stage="reflect")
    s.do(ann, "note", kind="working", text=WORKING)
    s.do(bo, "note", kind="not_working", text=NOT_WORKING)
    s.do(cy, "note", kind="matters", text=MATTERS)
    s.do(di, "note", kind="working", text=SECRETS[2], private=True)
    s.do("host", "note", table="t2", text=FREE)
    s.do("host", "stage", stage="pledge")
    s.do(ann, "pledge", text=PLEDGES[0])
    s.do(cy, "pledge", text=PLEDGES[1])
    s.do("host", "pledge", text=PLEDGES[2], **{"for": ed})
    s.do(bo, "pledge", text=SECRETS[3], private=True)
    s.do("host", "end")
    return s, ids


def rows_of(story: Story) -> list[dict]:
    return [
        {"n": n, "at": e.at, "actor": e.actor, "type": e.type, "data": json.loads(json.dumps(e.data))}
        for n, e in enumerate(story.log, 1)
    ]


# --- readers, shared with the server tests ------------------------------------------------
class _Html(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.chunks = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]

    def handle_data(self, data):
        self.chunks.append(data)


def read_html(text: str) -> tuple[str, set, set]:
    """(all text, tag names, attribute names) of an HTML page."""
    parser = _Html()
    parser.feed(text)
    parser.close()
    return "".join(parser.chunks), set(parser.tags), set(parser.attrs)


def read_docx(data: bytes) -> tuple[list[str], list[tuple[str, str]]]:
    """(text of every paragraph, [(heading style, text)]) of a Word document."""
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    return paragraphs, headings


def read_csv(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def all_texts(story: Story, anonymous: bool = False) -> dict[str, str]:
    """Every export of the story as one string each (what a person could read in it)."""
    summary = summarise(story.room, anonymous)
    paragraphs, _ = read_docx(word.render(summary))
    return {
        "md": markdown.render(summary),
        "csv": "\n".join(v for row in read_csv(spreadsheet.render(summary)) for v in row.values()),
        "html": printable.render(summary),
        "docx": "\n".join(paragraphs),
        "json": eventlog.render(rows_of(story), anonymous).decode(),
    }


# --- the summary --------------------------------------------------------------------------
def test_summary_counts_people_by_perspective_and_lists_each_table():
    story, ids = workshop()
    s = summarise(story.room)
    assert (s["title"], s["deck"]["title"], s["date"], s["people"]) == ("A test workshop", "Test deck", "2026-11-23", 5)
    assert {p["label"]: p["count"] for p in s["perspectives"]} == {
        "a person who gets care or support": 1,
        "a family carer": 1,
        "a support worker": 1,
        "a manager": 1,
        "a health professional": 1,
    }
    t1, t2 = s["tables"]
    (round1,) = t1["rounds"]
    assert round1["card"]["text"] == story.room.cards[story.room.tables["t1"].rounds[0].card]["text"]
    assert [(r["text"], r["author"], r["votes"], r["entered_by"]) for r in round1["responses"]] == [
        (SHARED, "Bo", 2, None),
        (SCRIPT, "Ann", 0, None),
        (FOR_ED, "Ed", 0, "Bo"),
    ]
    assert round1["agreed"] == SHARED and round1["outcome_label"] == "Agreed by votes"
    assert [n["text"] for n in t1["notes"]["agreed"]] == [SHARED]
    assert t1["notes"]["working"][0]["text"] == WORKING
    assert t1["notes"]["not_working"][0]["text"] == NOT_WORKING
    assert t2["notes"]["matters"][0]["text"] == MATTERS
    assert (t2["notes"]["note"][0]["text"], t2["notes"]["note"][0]["author"]) == (FREE, "the facilitator")
    assert [(p["text"], p["author"], p["entered_by"]) for p in s["pledges"]] == [
        (PLEDGES[0], "Ann", None),
        (PLEDGES[2], "Ed", "the facilitator"),
        (PLEDGES[1], "Cy", None),
    ]


def test_an_agreed_note_goes_with_the_response_it_came_from():
    story, ids = workshop()
    t2 = story.room.tables["t2"]
    agreed_note = next(n for n in t2.notes if n.kind == "agreed")
    assert agreed_note.text == SECRETS[1]
    assert agreed_note.id in private_ids(story.room)
    table2 = summarise(story.room)["tables"][1]
    assert table2["notes"]["agreed"] == [] and table2["rounds"][0]["agreed"] is None
    assert table2["rounds"][0]["outcome_label"] == "Agreed by votes (the answer was kept in the room)"
    # and the other way: keeping the agreed note keeps the answer it repeats
    t1_note = next(n for n in story.room.tables["t1"].notes if n.kind == "agreed")
    t1_note.private = True
    assert summarise(story.room)["tables"][0]["rounds"][0]["responses"][0]["text"] != SHARED


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "docx", "json"])
def test_every_export_has_the_shared_words_and_none_kept_in_the_room(fmt):
    story, _ = workshop()
    text = all_texts(story)[fmt]
    if fmt == "md":
        text = text.replace("\\", "")
    elif fmt == "json":
        text = "\n".join(str(e["data"].get("text")) for e in json.loads(text)["events"])
    elif fmt == "html":
        text = read_html(text)[0]
    for words in PUBLIC:
        shown = "'" + words if fmt == "csv" and words == FORMULA else words
        assert shown in text, (fmt, words)
    for words in SECRETS:
        assert words not in text, (fmt, words)


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "docx", "json"])
def test_anonymous_exports_name_nobody(fmt):
    story, _ = workshop()
    text = all_texts(story, anonymous=True)[fmt]
    for name in NAMES:
        assert not re.search(rf"\b{name}\b", text), (fmt, name)
    assert "a family carer" in text
    if fmt not in ("json", "csv"):
        assert "entered by a family carer" in text  # Bo entered Ed's words


def test_bylines_name_the_author_and_whoever_entered_the_words():
    story, _ = workshop()
    s = summarise(story.room)
    t1, t2 = s["tables"]
    assert byline(t1["rounds"][0]["responses"][2]) == "Ed (a health professional), entered by Bo"
    assert byline(t2["notes"]["note"][0]) == "the facilitator"
    assert byline(s["pledges"][1]) == "Ed (a health professional), entered by the facilitator"
    anonymous = summarise(story.room, anonymous=True)
    assert byline(anonymous["tables"][0]["rounds"][0]["responses"][2]) == "a health professional, entered by a family carer"
    assert s["kept_line"] == "5 items were kept in the room, so they are not in this report."


def test_markdown_shows_user_text_as_text():
    assert markdown.md_text(SCRIPT) == r"\<script\>alert(1)\</script\>"
    assert markdown.md_text("# big\n- list\n[link](javascript:x)") == "\\# big\\\n  \\- list\\\n  \\[link\\](javascript:x)"
    story, _ = workshop()
    text = markdown.render(summarise(story.room))
    assert "<script>" not in text and "# A test workshop" in text and "## Table 1" in text


def test_html_escapes_user_text_and_allows_no_script():
    story, _ = workshop()
    page = printable.render(summarise(story.room))
    text, tags, attrs = read_html(page)
    assert SCRIPT in text and FORMULA in text
    assert "script" not in tags and not any(a.startswith("on") for a in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "break-before: page" in page and "default-src 'none'" in page


@pytest.mark.parametrize(
    "value, shown",
    [("=1+1", "'=1+1"), ("+44", "'+44"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
     ("fine", "fine"), ("a=b", "a=b"), (3, 3), (None, "")],
)  # fmt: skip
def test_csv_cells_cannot_run_as_formulas(value, shown):
    assert spreadsheet.cell(value) == shown


def test_csv_has_one_row_per_response_note_and_pledge():
    story, _ = workshop()
    rows = read_csv(spreadsheet.render(summarise(story.room)))
    assert list(rows[0]) == list(spreadsheet.COLUMNS)
    said = [r for r in rows if r["kind"] not in ("voice", "voice_note")]  # whose voice: test_export_board.py
    assert [(r["kind"], r["text"]) for r in said] == [
        ("response", SHARED),
        ("response", SCRIPT),
        ("response", FOR_ED),
        ("agreed", SHARED),
        ("working", WORKING),
        ("not_working", NOT_WORKING),
        ("pledge", PLEDGES[0]),
        ("pledge", PLEDGES[2]),
        ("response", "'" + FORMULA),
        ("matters", MATTERS),
        ("note", FREE),
        ("pledge", PLEDGES[1]),
        *[("action", pledge) for pledge in PLEDGES],  # every pledge is on the action plan
    ]
    ed = next(r for r in rows if r["text"] == FOR_ED)
    assert (ed["author"], ed["perspective"], ed["entered_by"], ed["votes"], ed["room"]) == (
        "Ed", "a health professional", "Bo", "0", "BCDFGH",
    )  # fmt: skip
    # times a spreadsheet reads as dates and times (UTC), not the log's "…T…+00:00" text
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", r["time"]) for r in rows if r["time"])
    assert any(r["time"] for r in rows)
    assert spreadsheet.spreadsheet_time("2026-07-01T09:05:03.250+01:00") == "2026-07-01 08:05:03"


def test_docx_has_real_headings_lists_and_plain_text():
    story, _ = workshop()
    data = word.render(summarise(story.room))
    paragraphs, headings = read_docx(data)
    assert ("Heading 1", "A test workshop") in headings
    assert ("Heading 2", "Table 1") in headings and ("Heading 2", "All pledges") in headings
    assert ("Heading 3", "What is not working") in headings
    assert any(p.startswith(SCRIPT + " — ") for p in paragraphs)
    bullets = [p for p in docx.Document(io.BytesIO(data)).paragraphs if p.style.name == "List Bullet"]
    assert any(p.text.startswith(PLEDGES[0]) for p in bullets)


def test_docx_pages_are_a4():
    story, _ = workshop()
    section = docx.Document(io.BytesIO(word.render(summarise(story.room)))).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_docx_is_in_uk_english_and_agreed_notes_carry_their_votes():
    story, _ = workshop()
    data = word.render(summarise(story.room))
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.language == "en-GB"
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:val="en-GB"' in styles and 'w:val="en-US"' not in styles
    ordered = document.paragraphs
    at = next(i for i, p in enumerate(ordered) if p.style.name.startswith("Heading") and p.text == "What we agreed")
    section = [p.text for p in ordered[at + 1 :]]
    section = section[: next((i for i, p in enumerate(ordered[at + 1 :]) if p.style.name.startswith("Heading")), len(section))]
    assert section and all(re.search(r" · \d+ votes? ", text) for text in section), section  # as the other formats say


def test_docx_drops_characters_xml_cannot_hold():
    story, _ = workshop()
    a = story.room.tables["t1"].rounds[0].responses[0]
    a.text = "bell\x07 and null\x00 gone"
    paragraphs, _ = read_docx(word.render(summarise(story.room)))
    assert any(p.startswith("bell and null gone") for p in paragraphs)


# --- the event log and replay -------------------------------------------------------------
def exported_state(room) -> dict:
    """What the JSON export promises to rebuild: the state without secrets or kept words."""
    kept = private_ids(room)
    state = dataclasses.asdict(room)
    state["host_key_hash"], state["tokens"] = "", {}
    for player in state["players"].values():
        player["token_hash"] = "" if player["token_hash"] else None
    for table in state["tables"].values():
        items = [r for rnd in table["rounds"] for r in rnd["responses"]] + table["notes"] + table["pledges"]
        for item in items:
            if item["id"] in kept:
                item["text"] = KEPT
    for action in state["plan"].values():  # a pledge's own line on the action plan
        if action["id"] in kept:
            action["text"] = KEPT
    return state


def test_json_export_replays_to_the_same_state_without_secrets():
    story, _ = workshop()
    document = json.loads(eventlog.render(rows_of(story)))
    assert document["format"] == "inourshoes-events" and document["version"] == 1
    assert document["deck"]["id"] == "test" and document["room"]["code"] == "BCDFGH"
    assert [e["n"] for e in document["events"]] == list(range(1, len(story.log) + 1))
    text = json.dumps(document)
    assert '"hash"' not in text and "h-Ann" not in text
    assert dataclasses.asdict(load(document)) == exported_state(story.room)


def test_anonymous_json_names_people_by_perspective():
    story, _ = workshop()
    document = json.loads(eventlog.render(rows_of(story), anonymous=True))
    joined = [e["data"]["name"] for e in document["events"] if e["type"] == "player_joined"]
    assert joined == ["a person who gets care or support", "a family carer", "a support worker", "a manager", "a health professional"]
    assert load(document).n == story.room.n


def test_replay_command_prints_a_summary(tmp_path, capsys):
    story, _ = workshop()
    path = tmp_path / "log.json"
    path.write_bytes(eventlog.render(rows_of(story)))
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "A test workshop (BCDFGH)" in out and "5 people, 2 tables" in out and "ended" in out
    path.write_text('{"format": "something else"}')
    assert main([str(path)]) == 1
    with pytest.raises(ReplayError):
        load({"format": "inourshoes-events", "version": 1, "events": []})


def test_download_names_carry_code_date_and_anonymity():
    assert filename("2026-11-23", "BCDFGH", "md", False) == "inourshoes-BCDFGH-2026-11-23.md"
    assert filename("2026-11-23", "BCDFGH", "csv", True) == "inourshoes-BCDFGH-2026-11-23-anonymous.csv"


def test_a_card_skipped_before_anyone_answered_says_so_in_every_report():
    s = Story()
    ann = s.join("Ann", "person", "t1")
    s.join("Bo", "carer", "t1")
    s.do("host", "start")
    s.do(ann, "draw")
    s.do("host", "skip", table="t1")
    summary = summarise(s.room)
    assert summary["tables"][0]["rounds"][0]["outcome"] == "skipped"
    paragraphs, _ = read_docx(word.render(summary))
    for text in (markdown.render(summary), printable.render(summary), "\n".join(paragraphs)):
        assert "Skipped before anyone answered." in text and "No answers shared." not in text


@pytest.mark.parametrize("later", [False, True])
def test_the_answers_on_a_skipped_card_are_in_no_report(later):
    """The facilitator is told skipping "keeps none of them" (a card may upset someone): no
    report lists or counts them; the event log keeps the events, its words taken out."""
    s = Story()
    ann = s.join("Ann", "person", "t1")
    bo = s.join("Bo", "carer", "t1")
    s.do("host", "start")
    s.do(ann, "draw")
    s.do(bo, "respond", text="This one is too close to home")
    picture = s.do(ann, "respond", symbol="not_good")[0].data["response"]
    s.do(ann, "add_words", response=picture, text="It brings back too close to home a day")  # words added afterwards
    s.do("host", "skip", table="t1", later=later)
    summary = summarise(s.room)
    assert summary["tables"][0]["rounds"][0]["responses"] == []
    assert summary["voice"]["rows"] == [] or all(row["responses"] == 0 for row in summary["voice"]["rows"])
    texts = all_texts(s)
    for fmt, text in texts.items():
        assert "too close to home" not in text, fmt
    paragraphs, _ = read_docx(word.render(summary))
    for text in (markdown.render(summary), printable.render(summary), "\n".join(paragraphs)):
        assert "Skipped: its answers were not kept." in text
    events = json.loads(texts["json"])["events"]
    added = [e["data"] for e in events if e["type"] in ("response_added", "words_added")]
    assert [d["text"] for d in added] == [eventlog.SKIPPED] * 3
    assert load(json.loads(texts["json"])).tables["t1"].rounds[0].outcome == "skipped"  # it still replays


def test_words_a_tablemate_wrote_down_are_credited_to_them_everywhere():
    """A picture answer whose words a tablemate added: the answer, and the note agreed from
    it, say who wrote the words down, in the table view and in every report."""
    from server.game import table_view

    s = Story()
    ann, bo = s.join("Ann", "person", "t1"), s.join("Bo", "carer", "t1")
    s.do("host", "start")
    s.do(ann, "draw")
    picture = s.do(bo, "respond", symbol="unsure")[0].data["response"]
    s.do(ann, "add_words", response=picture, text="It would worry me")
    s.do(ann, "vote", response=picture)
    s.do(ann, "next")
    note = table_view(s.room, "t1", set(), "now")["table"]["notes"][0]
    assert (note["author_name"], note["words_by_name"]) == ("Bo", "Ann")
    summary = summarise(s.room)
    answer = summary["tables"][0]["rounds"][0]["responses"][0]
    assert byline(answer) == "Bo (a family carer), words written down by Ann"
    assert byline(summary["tables"][0]["notes"]["agreed"][0]) == "Bo (a family carer), words written down by Ann"
    assert "Bo (a family carer), words written down by Ann" in markdown.render(summary)
    rows = read_csv(spreadsheet.render(summary))
    assert {(r["kind"], r["author"], r["words_by"]) for r in rows if r["text"].endswith("It would worry me")} == {
        ("response", "Bo", "Ann"), ("agreed", "Bo", "Ann"),
    }  # fmt: skip
