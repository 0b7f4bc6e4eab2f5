"""The game in every export: each table's path, whose voice was heard (the same sentences as
the host view), the poem, how each answer was agreed, and the legend in words; with
anonymity and "keep this in the room" respected throughout."""
from __future__ import annotations

import json
import re
from pathlib import Path

from server.decks import parse_deck
from server.export import eventlog, markdown, printable, spreadsheet, word
from server.export.summary import summarise
from server.game import host_view
from server.game.voice import sentences, voice

from .story import Story
from .test_export import read_csv, read_docx, read_html, rows_of

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "decks" / "good-minimal.toml"
REFLECTION = """
[[cards]]
id = "fx-007"
type = "reflection"
perspective = "anyone"
outcome = "friends"
text = "A friend is someone who waits for you."
easy = "A friend waits for you."
"""
POEM = ("Slow mornings are mine", "<b>Tea</b> when I choose")
SECRET = "A private answer from the other side"
NAMES = ("Ann", "Bo", "Cy", "Di")


def board_deck() -> dict:
    """The fixture deck (needed = 1: one colour meets an outcome), with a reflection card."""
    return parse_deck(FIXTURE.read_text(encoding="utf-8") + REFLECTION, "fixture")


def workshop() -> tuple[Story, dict]:
    """Table 1 plays every card (Ann and Bo agree; Cy only answers privately), adding a
    poem after the reflection; Di sits alone at table 2 and plays one card."""
    s = Story(deck=board_deck())
    ids = {n: s.join(n, side, table) for n, side, table in
           zip(NAMES, ("person", "carer", "other", "person"), ("t1", "t1", "t1", "t2"))}  # fmt: skip
    ann, bo, cy, di = ids.values()
    s.do("host", "start")
    table = s.room.tables["t1"]
    for _ in range(len(s.room.cards)):
        s.do(table.turn, "draw")
        card = s.room.cards[table.current.card]
        answer = s.do(bo, "respond", text=f"Bo on {card['id']}")[0].data["response"]
        s.do(cy, "respond", text=SECRET, private=True)
        s.do(ann, "vote", response=answer)
        s.do(ann, "next")
        if card["type"] == "reflection":
            s.do(ann, "poem", text=POEM[0])
            s.do(bo, "poem", text=POEM[1])
    s.do(di, "draw")
    s.do(di, "respond", text="Alone at my table")
    s.do(di, "next")  # nobody voted: no agreement, no footprint
    return s, ids


def test_the_summary_carries_each_tables_path_and_the_rooms_progress():
    story, _ = workshop()
    s = summarise(story.room)
    t1, t2 = s["tables"]
    board = t1["board"]
    assert (board["met"], board["total"], board["complete"]) == (5, 5, True)
    assert board["line"] == "5 of 5 outcomes met: the whole path!"
    choice = next(o for o in board["outcomes"] if o["id"] == "choice")
    assert choice["met"] and choice["statement"] == "I choose who supports me and how."
    # fx-001 (a person) and fx-002 (anyone: a tile of no colour) both landed on "choice"
    assert sorted((t["perspective"], t["words"]) for t in choice["tiles"]) == [
        ("a person who gets care or support", "orange with dots"),
        ("anyone", "no colour"),
    ]
    assert any(t["card"] == "I would like to choose when I get up in the morning." for t in choice["tiles"])
    # the full report lists the cards above ("Card 1: ..."): its path names them by number
    agreed = {r["card"]["text"]: f"Card {r['number']}" for r in t1["rounds"]}
    assert all(t["card_ref"] == agreed[t["card"]] for o in board["outcomes"] for t in o["tiles"])
    assert t2["board"]["met"] == 0 and all(o["tiles"] == [] for o in t2["board"]["outcomes"])
    assert s["progress_line"] == "5 of 10 outcomes met across 2 tables."
    assert [(e["id"], e["words"]) for e in s["legend"]] == [
        ("person", "orange with dots"), ("carer", "sky blue with stripes"), ("other", "grey with bars"), ("anyone", "no colour"),
    ]  # fmt: skip


def test_the_reports_path_names_each_card_by_its_number_not_its_words_again():
    story, _ = workshop()
    s = summarise(story.room)
    md = markdown.render(s).replace("\\", "")
    path = md[md.index("### The path"):]
    path = path[: path.index("###", 4)]
    assert "(orange with dots): Card " in path
    assert "I would like to choose when I get up in the morning." not in path


def test_each_round_and_agreed_note_says_how_it_was_agreed_and_from_which_card():
    story, _ = workshop()
    t1, t2 = summarise(story.room)["tables"]
    assert {r["outcome_label"] for r in t1["rounds"]} == {"Agreed by votes"}
    assert t2["rounds"][0]["outcome_label"] == "No agreement: nobody voted"
    agreed = t1["notes"]["agreed"]
    assert len(agreed) == len(story.room.cards)
    assert all(n["how_label"] == "agreed by votes" and n["text"] == f"Bo on {n['card']['id']}" for n in agreed)
    assert {n["card"]["outcome_name"] for n in agreed} == {"Choice and control", "Life at home", "Friends and family",
                                                           "Staying well", "Things I do"}  # fmt: skip


def test_whose_voice_leaves_out_words_kept_in_the_room_and_says_who_was_not_heard():
    story, ids = workshop()
    live = host_view(story.room, set(), "now")["voice"]
    assert live["tables"]["t1"]["other"]["responses"] == len(story.room.cards)  # the host sees every answer
    s = summarise(story.room)
    rows = {r["id"]: r for r in s["voice"]["tables"]["t1"]["rows"]}
    assert rows["other"]["responses"] == 0 and rows["other"]["people"] == 1
    assert (rows["carer"]["responses"], rows["carer"]["votes"], rows["carer"]["agreed"]) == (7, 7, 7)
    assert s["voice"]["tables"]["t1"]["sentences"] == [  # Ann only voted; Cy's answers were kept in the room
        "Table 1 has not yet heard from a person who gets care or support.",
        "Table 1 has not yet heard from someone else who cares about this.",
    ]
    assert s["voice"]["sentences"] == []  # every choice of the deck is in the room
    assert s["voice"]["tables"]["t2"]["sentences"] == []  # Di has been heard


def test_voice_sentences_are_plain_and_come_from_the_counts():
    story, ids = workshop()
    counts = voice(story.room)
    said = sentences(story.room, counts)
    assert said == counts["sentences"]
    assert "Table 1 has not yet agreed an answer from someone else who cares about this." in said["tables"]["t1"]
    story.do("host", "move", player=ids["Cy"], table="t2")  # that side now sits at another table
    assert not any("someone else who cares" in line for line in voice(story.room)["sentences"]["tables"]["t1"])
    story.do("host", "remove", player=ids["Bo"])  # the only family carer leaves
    assert voice(story.room)["sentences"]["room"] == ["Nobody here is taking part as a family carer."]


def everything(story: Story, anonymous: bool = False) -> dict[str, str]:
    summary = summarise(story.room, anonymous)
    paragraphs, _ = read_docx(word.render(summary))
    return {
        "md": markdown.render(summary).replace("\\", ""),
        "csv": "\n".join(" | ".join(row.values()) for row in read_csv(spreadsheet.render(summary))),
        "html": read_html(printable.render(summary))[0],
        "docx": "\n".join(paragraphs) + "\n" + "\n".join(_docx_cells(word.render(summary))),
    }


def _docx_cells(data: bytes) -> list[str]:
    import io

    import docx

    return [cell.text for table in docx.Document(io.BytesIO(data)).tables for row in table.rows for cell in row.cells]


def test_every_report_shows_the_path_the_voice_and_the_poem():
    story, _ = workshop()
    for fmt, text in everything(story).items():
        for words in (
            "I choose who supports me and how.",  # a met outcome's statement
            "sky blue with stripes",  # the legend in words
            "Table 1 has not yet heard from someone else who cares about this.",
            POEM[0],
            POEM[1],
            "agreed by votes",
            "5 of 10 outcomes met across 2 tables",
        ):
            assert words.lower() in text.lower(), (fmt, words)
        assert SECRET not in text, fmt


def test_the_printable_page_draws_footprints_with_patterns_and_escapes_the_poem():
    story, _ = workshop()
    page = printable.render(summarise(story.room))
    _, tags, attrs = read_html(page)
    assert {"svg", "pattern", "path", "table"} <= tags and "script" not in tags
    assert "&lt;b&gt;Tea&lt;/b&gt;" in page and "<b>Tea</b>" not in page
    ids = re.findall(r'<pattern id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "every footprint's pattern has its own id"
    assert 'aria-hidden="true"' in page  # footprints sit beside their names: decoration


def test_anonymous_reports_name_poets_by_their_perspective():
    story, _ = workshop()
    for fmt, text in everything(story, anonymous=True).items():
        for name in NAMES:
            assert not re.search(rf"\b{name}\b", text.replace("Bo on fx", "")), (fmt, name)
        assert "a family carer" in text, fmt
    summary = summarise(story.room, anonymous=True)
    assert summary["tables"][0]["poem"][1]["byline"] == "a family carer"


def test_the_json_log_carries_boards_and_voice_without_kept_words():
    story, _ = workshop()
    document = json.loads(eventlog.render(rows_of(story)))
    assert document["boards"]["t1"]["met"] == 5 and document["boards"]["t1"]["complete"] is True
    assert document["voice"]["tables"]["t1"]["other"]["responses"] == 0
    assert "Table 1 has not yet heard from someone else who cares about this." in document["voice"]["sentences"]["tables"]["t1"]
    types = [e["type"] for e in document["events"]]
    assert types.count("outcome_met") == 5 and types.count("path_complete") == 1
    assert [e["data"]["text"] for e in document["events"] if e["type"] == "poem_line_added"] == list(POEM)
    anonymous = json.loads(eventlog.render(rows_of(story), anonymous=True))
    names = [e["data"]["name"] for e in anonymous["events"] if e["type"] == "player_joined"]
    assert names == ["a person who gets care or support", "a family carer", "someone else who cares about this",
                     "a person who gets care or support"]  # fmt: skip


def test_open_play_reports_have_no_path():
    story = Story(deck=board_deck(), play="open")
    ann = story.join("Ann", "person", "t1")
    story.do("host", "start")
    story.do(ann, "draw")
    answer = story.do(ann, "respond", text="Mine")[0].data["response"]
    story.do(ann, "vote", response=answer)
    story.do(ann, "next")
    summary = summarise(story.room)
    assert summary["tables"][0]["board"] is None and summary["progress_line"] == ""
    assert "The path" not in markdown.render(summary)
