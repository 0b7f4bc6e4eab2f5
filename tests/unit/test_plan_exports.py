"""The action plan in every report, the one-page summary for managers, and a series as one
report: what is shown, what is kept in the room, anonymous owners, recurring items."""
import io

import docx
import pytest

from server.export import markdown, printable, spreadsheet, word
from server.export.managers import SUMMARY_FORMATS, managers_summary
from server.export.series import recurring, series_summary, similar
from server.export.series import render_csv as series_csv
from server.export.series import render_md as series_md
from server.export.summary import summarise

from .test_board import board_deck, play_round, table_of_two
from .test_export import read_csv, read_html
from .test_lookback import earlier_workshop, follow_up


def planned():
    """Spring with a kept pledge, a pledge by Ann, an action from a "not working" item."""
    story, call, ring = earlier_workshop()
    story.do("host", "plan_update", action=call, status="done", progress="=Booked for Monday")
    return story, call, ring


def texts(summary) -> dict[str, str]:
    document = docx.Document(io.BytesIO(word.render(summary)))
    return {
        "md": markdown.render(summary).replace("\\", ""),
        "html": read_html(printable.render(summary))[0],
        "docx": "\n".join(p.text for p in document.paragraphs),
        "csv": "\n".join(v for row in read_csv(spreadsheet.render(summary)) for v in row.values()),
    }


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "csv"])
def test_every_report_has_the_plan_but_no_pledge_kept_in_the_room(fmt):
    story, _, _ = planned()
    text = texts(summarise(story.room))[fmt]
    for words in ("I will call my GP", "Ring back within a day", "Duty manager", "Booked for Monday"):
        assert words in text, (fmt, words)
    assert "A private promise" not in text
    assert ("done" if fmt == "csv" else "Done") in text


def test_the_csv_rows_of_the_plan_carry_status_owner_and_date():
    story, call, _ = planned()
    rows = [r for r in read_csv(spreadsheet.render(summarise(story.room))) if r["kind"] == "action"]
    assert [(r["text"], r["author"], r["status"], r["due"]) for r in rows] == [
        ("I will call my GP", "Ann", "done", "2026-03-31"),
        ("Ring back within a day", "Duty manager", "open", ""),
    ]


def test_anonymous_reports_name_the_owner_by_perspective_but_keep_typed_owners():
    story, _, _ = planned()
    plan = summarise(story.room, anonymous=True)["plan"]
    assert [a["owner"] for a in plan] == ["a person who gets care or support", "Duty manager"]


def test_the_summary_for_managers_counts_actions_and_voices():
    story, _, _ = planned()
    summary = managers_summary(story.room)
    assert {c["label"]: c["count"] for c in summary["action_counts"]} == {"Not started yet": 1, "Started": 0, "Done": 1, "Dropped": 0}
    assert [row["label"] for row in summary["voice"]["rows"]] == ["a person who gets care or support", "a family carer"]
    for fmt, (render, _) in SUMMARY_FORMATS.items():
        body = render(summary)
        assert body, fmt
    page = SUMMARY_FORMATS["html"][0](summary)
    assert "default-src 'none'" in page and "<script" not in page


def test_the_summary_for_managers_has_what_matters_most():
    """What a commissioner most needs: it was in the full notes only."""
    story, ann, _ = table_of_two()
    story.do("host", "stage", stage="reflect")
    story.do(ann, "note", kind="matters", text="Being asked before anything changes")
    story.do(ann, "note", kind="matters", text="A quiet word only for the room", private=True)
    summary = managers_summary(story.room)
    assert [n["text"] for n in summary["matters"]] == ["Being asked before anything changes"]
    for fmt, (render, _) in SUMMARY_FORMATS.items():
        body = render(summary)
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs) if fmt == "docx" else body
        assert "What matters most" in text and "Being asked before anything changes" in text, fmt
        assert "A quiet word" not in text, fmt


def test_outcomes_met_per_table_on_the_summary():
    story, ann, bo = table_of_two(deck=board_deck(needed=1))
    card, _ = play_round(story)  # one agreed card meets its outcome at once
    outcomes = managers_summary(story.room)["outcomes"]
    assert sorted((o["name"], o["met"], o["tables"]) for o in outcomes) == sorted(
        [(name.title(), int(name == card["outcome"]), 1) for name in ("choice", "home")]
    )


def test_similar_items_are_those_sharing_most_words():
    assert similar("Nobody rings back when we call", "Nobody rings us back when we call them")
    assert not similar("Nobody rings back", "The bus is always late")


def test_items_that_come_back_are_grouped_by_the_outcome_most_often_named():
    workshops = [
        {"title": "Spring", "not_working_items": [{"text": "Nobody rings back", "outcome": "Being heard"},
                                                  {"text": "The bus is late", "outcome": "Home"}]},
        {"title": "Summer", "not_working_items": [{"text": "Nobody rings us back", "outcome": "Not linked to an outcome"}]},
        {"title": "Autumn", "not_working_items": [{"text": "nobody ever rings back!", "outcome": "Being heard"}]},
    ]  # fmt: skip
    (group,) = recurring(workshops)
    assert group["outcome"] == "Being heard"
    assert [(i["text"], i["times"], i["workshops"]) for i in group["items"]] == [
        ("Nobody rings back", 3, ["Spring", "Summer", "Autumn"]),
    ]


def test_a_series_report_shows_each_workshop_and_what_was_said_since():
    earlier, call, _ = planned()
    later, cy = follow_up(earlier)
    later.do("host", "start")
    later.do(cy, "review", action=call, status="done", text="She rings weekly")
    earlier.do("system", "follow_up_review", action=call, status="done", text="She rings weekly", said_at="Summer review",
               said_on=later.log[-1].at, room=later.room.code, review="v9")  # fmt: skip
    series = series_summary([earlier.room, later.room])
    assert [w["title"] for w in series["workshops"]] == ["A test workshop", "Summer review"]
    assert {t["status"]: t["count"] for t in series["totals"]}["done"] == 1
    report = series_md(series).replace("\\", "")
    assert "She rings weekly (said at Summer review)" in report and "## 2. Summer review" in report
    rows = read_csv(series_csv(series))
    assert any(r["kind"] == "action" and r["status"] == "done" for r in rows)


def test_the_managers_summary_says_how_far_each_outcome_got_in_plain_words():
    from server.export.managers import met_line

    assert met_line({"met": 0, "tables": 0}) == "no table played yet"
    assert met_line({"met": 0, "tables": 3}) == "not met yet"  # not "met at 0 of 3 tables"
    assert met_line({"met": 2, "tables": 3}) == "met at 2 of 3 tables"
    assert met_line({"met": 1, "tables": 1}) == "met at 1 of 1 table"
