"""The big screen: what the whole room may see, and the facilitator's spotlight."""
import json

import pytest

from server.game import RuleError, audiences
from server.game.views_screen import screen_view

from .story import Story

SECRET = "My neighbour drinks too much"


def played():
    """Two tables; Table 1 agreed one shared answer and one kept in the room."""
    story = Story()
    ann, bo = (story.join(n, p, table="t1") for n, p in (("Ann", "person"), ("Bo", "carer")))
    cy = story.join("Cy", "manager", table="t2")
    story.do("host", "start")
    for text, private in (("Ask her what she wants", False), (SECRET, True)):
        if story.room.tables["t1"].turn == ann:
            story.do(ann, "draw")
        else:
            story.do(bo, "draw")
        response = story.do(ann, "respond", text=text, private=private)[0].data["response"]
        story.do(bo, "respond", text="Wait and see")
        story.do(bo, "vote", response=response)
        story.do(ann, "next")
    return story, ann, bo, cy


def test_the_screen_shows_progress_without_names_or_private_words():
    story, ann, bo, cy = played()
    view = screen_view(story.room, "now")
    text = json.dumps(view)
    assert SECRET not in text
    for name in ("Ann", "Bo", "Cy"):
        assert f'"{name}"' not in text
    assert view["people"] == 3
    assert {j["perspective"]: j["count"] for j in view["joined"]} == {"person": 1, "carer": 1, "manager": 1}
    assert view["cards_played"] == 2
    story.do(story.room.tables["t1"].turn, "draw")  # the card on the table is being played; a skipped one never was
    assert screen_view(story.room, "now")["cards_played"] == 3
    story.do("host", "skip", table="t1")
    assert screen_view(story.room, "now")["cards_played"] == 2
    assert [n["text"] for n in view["agreed"]] == ["Ask her what she wants"]
    assert view["agreed"][0]["perspective"] == "person"
    assert view["pledges"] == []  # the pledge wall comes at the close


def test_the_pledge_wall_leaves_out_private_pledges():
    story, ann, bo, cy = played()
    story.do("host", "stage", stage="pledge")
    story.do(ann, "pledge", text="I will ring back")
    story.do(bo, "pledge", text="I will tell nobody this", private=True)
    view = screen_view(story.room, "now")
    assert [p["text"] for p in view["pledges"]] == ["I will ring back"]


def test_at_reflect_the_screen_shows_each_boxs_newest_ideas_without_private_ones():
    story, ann, bo, cy = played()
    assert screen_view(story.room, "now")["ideas"] is None  # only at reflect
    story.do("host", "stage", stage="reflect")
    for n in range(5):
        story.do(ann if n % 2 else cy, "note", kind="working", text=f"Working {n}")
    story.do(bo, "note", kind="not_working", text=SECRET, private=True)
    story.do(bo, "note", kind="matters", text="Being asked first")
    ideas = screen_view(story.room, "now")["ideas"]
    assert [i["text"] for i in ideas["working"]] == ["Working 2", "Working 3", "Working 4"]  # the newest three
    assert ideas["not_working"] == []
    assert [(i["text"], i["perspective"], i["table"]) for i in ideas["matters"]] == [("Being asked first", "carer", "Table 1")]
    assert SECRET not in json.dumps(ideas) and '"Bo"' not in json.dumps(ideas)
    story.do("host", "stage", stage="pledge")
    assert screen_view(story.room, "now")["ideas"] is None


def test_spotlight_a_table_card_a_note_or_a_pledge_and_take_it_down():
    story, ann, bo, cy = played()
    shared = next(n for n in story.room.tables["t1"].notes if not n.private)
    story.do("host", "spotlight", table="t1", note=shared.id)
    spot = screen_view(story.room, "now")["spotlight"]
    assert spot["kind"] == "note" and spot["note"]["text"] == "Ask her what she wants" and spot["card"]["text"]
    story.do("host", "spotlight", table="t1")
    spot = screen_view(story.room, "now")["spotlight"]
    assert spot["kind"] == "card" and spot["note"] is None  # the last card's answer was kept in the room
    story.do("host", "stage", stage="pledge")
    pledge = story.do(ann, "pledge", text="I will ring back")[0].data["pledge"]
    story.do("host", "spotlight", pledge=pledge)
    assert screen_view(story.room, "now")["spotlight"]["text"] == "I will ring back"
    story.do("host", "spotlight")
    assert story.room.spotlight is None and screen_view(story.room, "now")["spotlight"] is None


def test_spotlight_refuses_private_things_and_strangers():
    story, ann, bo, cy = played()
    kept = next(n for n in story.room.tables["t1"].notes if n.private)
    for fields, code in (
        ({"table": "t1", "note": kept.id}, "forbidden"),
        ({"table": "t2"}, "bad_request"),  # no card drawn there yet
        ({"table": "t9"}, "not_found"),
        ({"pledge": "g99"}, "not_found"),
    ):
        with pytest.raises(RuleError) as err:
            story.do("host", "spotlight", **fields)
        assert err.value.code == code
    with pytest.raises(RuleError) as err:
        story.do(ann, "spotlight", table="t1")
    assert err.value.code == "forbidden"


def test_something_made_private_after_the_spotlight_leaves_the_screen():
    story, ann, bo, cy = played()
    shared = next(n for n in story.room.tables["t1"].notes if not n.private)
    story.do("host", "spotlight", table="t1", note=shared.id)
    story.do(ann, "keep", item=shared.source, private=True)
    view = screen_view(story.room, "now")
    assert view["spotlight"] is None and "Ask her" not in json.dumps(view)


def test_the_screen_hears_about_what_it_shows_only():
    story, ann, bo, cy = played()
    story.do(ann, "draw") if story.room.tables["t1"].turn == ann else story.do(bo, "draw")
    assert audiences(story.room, story.do(ann, "respond", text="Hm")).screens is False
    assert audiences(story.room, story.do("host", "broadcast", text="Tea")).screens is True
    assert audiences(story.room, story.do("host", "spotlight", table="t1")).screens is True
