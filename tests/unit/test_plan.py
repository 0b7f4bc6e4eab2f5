"""The action plan: pledges on it at once, actions the host adds (from agreed notes and
"not working" items too) and updates, who may change it, after the end, and replay."""
import dataclasses

import pytest

from server.export import eventlog, markdown
from server.export.summary import summarise
from server.game import Event, RuleError, apply, host_view
from server.game.plan import plan_view

from .story import Story
from .test_export import rows_of
from .test_board import board_deck


def pledged(**fields):
    story = Story(deck=board_deck())
    ann = story.join("Ann", table="t1")
    bo = story.join("Bo", "carer", table="t1")
    story.do("host", "start")
    story.do("host", "stage", stage="pledge")
    pledge = story.do(ann, "pledge", text="I will call my GP", **fields)[0].data["pledge"]
    return story, ann, bo, pledge


def test_a_pledge_is_on_the_plan_at_once_owned_by_whoever_pledged():
    story, ann, _, pledge = pledged(by="2026-03-31")
    (action,) = plan_view(story.room)["actions"]
    assert (action["id"], action["text"], action["owner"], action["due"], action["status"]) == (
        pledge, "I will call my GP", "Ann", "2026-03-31", "open",
    )  # fmt: skip
    assert action["from"] == {"kind": "pledge", "id": pledge, "table": "t1", "table_name": "Table 1",
                              "outcome": None, "outcome_name": None}  # fmt: skip
    assert action["progress"] == [] and host_view(story.room, set(), "now")["plan"] == plan_view(story.room)


def test_a_pledge_can_name_who_will_do_it():
    story, *_ = pledged(who="The day centre team")
    assert plan_view(story.room)["actions"][0]["owner"] == "The day centre team"


@pytest.mark.parametrize("fields, code", [
    ({"by": "31/03/2026"}, "bad_request"), ({"by": "2026-02-30"}, "bad_request"), ({"by": 20260331}, "bad_request"),
    ({"who": "x" * 81}, "too_long"), ({"who": ["Ann"]}, "bad_request"),
])  # fmt: skip
def test_a_pledge_with_a_bad_date_or_owner_is_refused(fields, code):
    with pytest.raises(RuleError) as err:
        pledged(**fields)
    assert err.value.code == code


def agreed_and_not_working(story, player):
    """Play one card to an agreed answer, then write a "not working" item in reflect."""
    story.do("host", "stage", stage="play")
    story.do(story.room.tables["t1"].turn, "draw")
    answer = story.do(player, "respond", text="Ask first")[0].data["response"]
    story.do(player, "vote", response=answer)
    story.do(player, "next")
    agreed = next(n for n in story.room.tables["t1"].notes if n.kind == "agreed")
    story.do("host", "stage", stage="reflect")
    gap = story.do(player, "note", kind="not_working", text="Nobody rings back")[0].data["note"]
    return agreed, gap


def test_the_host_adds_actions_from_an_agreed_note_or_a_not_working_item_with_their_outcome():
    story, ann, _, _ = pledged()
    agreed, gap = agreed_and_not_working(story, ann)
    outcome = story.room.cards[agreed.card]["outcome"]
    story.do("host", "plan_add", text="Ring back within a day", owner="Duty manager", due="2026-04-01", **{"from": gap})
    story.do("host", "plan_add", text="Ask before acting", owner="All staff", **{"from": agreed.id})
    _, from_gap, from_agreed = plan_view(story.room)["actions"]
    assert (from_gap["owner"], from_gap["due"], from_gap["from"]["kind"]) == ("Duty manager", "2026-04-01", "not_working")
    assert from_gap["from"]["outcome"] == outcome  # the card the table last talked about
    assert from_agreed["from"] == {"kind": "agreed", "id": agreed.id, "table": "t1", "table_name": "Table 1",
                                   "outcome": outcome, "outcome_name": outcome.title()}  # fmt: skip


def test_an_action_comes_only_from_a_pledge_an_agreed_note_or_a_not_working_item():
    story, ann, *_ = pledged()
    matters = story.do(ann, "note", text="Being asked", kind="note")[0].data["note"]
    for source in (matters, "nothing", 7):
        with pytest.raises(RuleError) as err:
            story.do("host", "plan_add", text="Do it", owner="Ann", **{"from": source})
        assert err.value.code == "not_found"


def test_words_kept_in_the_room_cannot_start_an_action():
    """A private "not working" item filled the action's words, which then went into exports."""
    story, ann, *_ = pledged()
    story.do("host", "stage", stage="reflect")
    gap = story.do(ann, "note", kind="not_working", text="My manager never listens", private=True)[0].data["note"]
    story.do("host", "stage", stage="play")
    story.do(story.room.tables["t1"].turn, "draw")
    answer = story.do(ann, "respond", text="Ask first", private=True)[0].data["response"]
    story.do(ann, "vote", response=answer)
    story.do(ann, "next")
    agreed = next(n for n in story.room.tables["t1"].notes if n.kind == "agreed")
    for source in (gap, agreed.id):
        with pytest.raises(RuleError) as err:
            story.do("host", "plan_add", text="Do it", owner="Ann", **{"from": source})
        assert err.value.code == "forbidden"


def test_an_action_from_an_item_kept_in_the_room_afterwards_leaves_the_exports_too():
    """The host made an action from a "not working" item (its words filled the action); its
    author then left the item out of the notes: the action's words must go with it."""
    story, ann, *_ = pledged()
    story.do("host", "stage", stage="reflect")
    gap = story.do(ann, "note", kind="not_working", text="My manager never listens")[0].data["note"]
    action = story.do("host", "plan_add", text="My manager never listens: talk to them", owner="Ann", **{"from": gap})[0].data["action"]
    story.do("host", "plan_update", action=action, progress="Spoke to the manager")
    story.do(ann, "keep", item=gap, private=True)
    assert plan_view(story.room)["actions"][-1]["private"] is True
    assert "never listens" not in markdown.render(summarise(story.room))
    exported = eventlog.render(rows_of(story)).decode()
    assert "never listens" not in exported and "Spoke to the manager" not in exported


def test_only_the_host_or_the_organiser_changes_the_plan():
    story, ann, _, pledge = pledged()
    for move, fields in (("plan_add", {"text": "Mine", "owner": "Ann"}), ("plan_update", {"action": pledge, "status": "done"})):
        with pytest.raises(RuleError) as err:
            story.do(ann, move, **fields)
        assert err.value.code == "forbidden"
    story.do("organiser", "plan_update", action=pledge, status="started")
    assert story.room.plan[pledge].status == "started"


def test_updates_change_only_what_they_name_and_progress_keeps_its_time():
    story, _, _, pledge = pledged(by="2026-03-31")
    (event,) = story.do("host", "plan_update", action=pledge, status="started", progress="Booked for Monday")
    assert event.type == "action_updated" and "due" not in event.data and "owner" not in event.data
    story.do("host", "plan_update", action=pledge, owner="Bo", due=None)
    action = plan_view(story.room)["actions"][0]
    assert (action["status"], action["owner"], action["due"]) == ("started", "Bo", None)
    assert action["progress"] == [{"at": event.at, "text": "Booked for Monday"}]
    assert story.do("host", "plan_update", action=pledge, status="started") == []  # nothing changed


@pytest.mark.parametrize("fields, code", [
    ({"action": "nope", "status": "done"}, "not_found"), ({"status": "finished"}, "bad_request"), ({}, "bad_request"),
    ({"due": "soon"}, "bad_request"), ({"owner": ""}, "bad_request"), ({"progress": "x" * 501}, "too_long"),
])  # fmt: skip
def test_bad_updates_are_refused_with_a_reason(fields, code):
    story, _, _, pledge = pledged()
    with pytest.raises(RuleError) as err:
        story.do("host", "plan_update", **{"action": pledge, **fields})
    assert err.value.code == code and err.value.message


def test_after_the_end_play_is_read_only_but_the_plan_is_not():
    story, ann, _, pledge = pledged()
    story.do("host", "end")
    with pytest.raises(RuleError) as err:
        story.do(ann, "pledge", text="One more")
    assert err.value.code == "ended"
    story.do("host", "plan_update", action=pledge, status="done", progress="Done in April")
    story.do("organiser", "plan_add", text="Share the report", owner="Organiser")
    assert [a["status"] for a in plan_view(story.room)["actions"]] == ["done", "open"]


def test_replaying_the_log_gives_the_same_plan():
    story, ann, _, pledge = pledged(who="Ann and Bo", by="2026-05-01")
    agreed_and_not_working(story, ann)
    story.do("host", "plan_add", text="Ring back", owner="Duty manager", due="2026-04-01")
    story.do("host", "plan_update", action=pledge, status="done", progress="Done")
    story.do("host", "end")
    story.do("host", "plan_update", action=pledge, due=None)
    assert dataclasses.asdict(story.replayed()) == dataclasses.asdict(story.room)


def test_a_spoken_pledge_still_has_words_on_the_plan():
    story, ann, _, _ = pledged()
    spoken = {"table": "t1", "pledge": "g99", "author": ann, "text": "", "next_id": 99}  # a recording, no words
    apply(story.room, Event("pledge_added", spoken, "2026-11-23T10:30:00+00:00"))
    assert story.room.plan["g99"].text.startswith("(a spoken pledge")
