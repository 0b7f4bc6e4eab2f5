"""A follow-up workshop looks back at the earlier one's plan: a look back stage before play
(only for follow-ups), what each table says (`review`), and how that reaches the earlier
plan once (`passed_on` / `follow_up_review`), told as a story over two pure rooms."""
import dataclasses

import pytest

from server.game import RuleError, decide, table_view
from server.game.lookback import passed_on, snapshot
from server.export import eventlog
from server.export.summary import summarise
from server.game.plan import plan_view

from .story import Story


def earlier_workshop():
    """Spring: Ann pledges (shared), Bo pledges (kept in the room), the host adds one."""
    story = Story()
    ann, bo = story.join("Ann", table="t1"), story.join("Bo", "carer", table="t2")
    story.do("host", "start")
    story.do("host", "stage", stage="pledge")
    call = story.do(ann, "pledge", text="I will call my GP", by="2026-03-31")[0].data["pledge"]
    story.do(bo, "pledge", text="A private promise", private=True)
    ring = story.do("host", "plan_add", text="Ring back within a day", owner="Duty manager")[0].data["action"]
    story.do("host", "end")
    return story, call, ring


def follow_up(earlier: Story):
    story = Story(follows=snapshot(earlier.room))
    story.log[0].data["title"] = story.room.title = "Summer review"  # Story names every room alike
    cy = story.join("Cy", "manager", table="t1")
    return story, cy


def test_the_snapshot_carries_the_plan_without_what_was_kept_in_the_room():
    earlier, call, ring = earlier_workshop()
    seen = snapshot(earlier.room)
    assert (seen["code"], seen["title"], seen["date"]) == ("BCDFGH", "A test workshop", "2026-11-23")
    assert seen["actions"] == [
        {"id": call, "text": "I will call my GP", "owner": "Ann", "due": "2026-03-31", "status": "open", "table": "Table 1",
         "owner_as": "a person who gets care or support"},
        {"id": ring, "text": "Ring back within a day", "owner": "Duty manager", "due": None, "status": "open", "table": None},
    ]


def test_a_follow_up_starts_with_the_look_back_and_only_a_follow_up_has_one():
    earlier, *_ = earlier_workshop()
    story, _ = follow_up(earlier)
    story.do("host", "start")
    assert {t.stage for t in story.room.tables.values()} == {"look_back"}
    story.do("host", "stage", stage="play")
    assert story.room.tables["t1"].turn is not None
    plain = Story()
    with pytest.raises(RuleError) as err:
        plain.do("host", "stage", stage="look_back")
    assert err.value.code == "wrong_stage"


def test_each_table_sees_the_earlier_actions_and_says_what_happened():
    earlier, call, ring = earlier_workshop()
    story, cy = follow_up(earlier)
    story.do("host", "start")
    view = table_view(story.room, "t1", set(), "now")
    assert view["room"]["follows"] == {"title": "A test workshop", "date": "2026-11-23"}
    assert [(a["id"], a["status"]) for a in view["table"]["look_back"]] == [(call, "open"), (ring, "open")]
    story.do(cy, "review", action=call, status="done", text="Ann calls every week now")
    mine = table_view(story.room, "t1", set(), "now")["table"]["look_back"][0]
    assert (mine["status"], mine["said"][0]["text"], mine["said"][0]["author_name"]) == ("done", "Ann calls every week now", "Cy")
    assert table_view(story.room, "t2", set(), "now")["table"]["look_back"][0]["status"] == "open"  # another table


@pytest.mark.parametrize("fields, code", [
    ({"action": "g404", "status": "done"}, "not_found"), ({"status": "finished"}, "bad_request"),
    ({"status": "done", "text": "x" * 501}, "too_long"),
])  # fmt: skip
def test_bad_reviews_are_refused(fields, code):
    earlier, call, _ = earlier_workshop()
    story, cy = follow_up(earlier)
    story.do("host", "start")
    with pytest.raises(RuleError) as err:
        story.do(cy, "review", **{"action": call, **fields})
    assert err.value.code == code


def test_a_review_is_for_the_look_back_stage_and_people_seated():
    earlier, call, _ = earlier_workshop()
    story, cy = follow_up(earlier)
    story.do("host", "start")
    story.do("host", "stage", stage="play")
    with pytest.raises(RuleError) as err:
        story.do(cy, "review", action=call, status="done")
    assert err.value.code == "wrong_stage"
    story.do("host", "stage", stage="look_back")
    loose = story.join("Di")
    with pytest.raises(RuleError) as err:
        story.do(loose, "review", action=call, status="done")
    assert err.value.code == "wrong_stage"  # not at a table yet


def test_what_a_table_says_reaches_the_earlier_plan_once_even_after_it_ended():
    earlier, call, _ = earlier_workshop()
    story, cy = follow_up(earlier)
    story.do("host", "start")
    events = story.do(cy, "review", action=call, status="done", text="Ann calls every week now")
    ((code, command),) = passed_on(story.room, events)
    assert code == "BCDFGH" and command["actor"] == "system"
    earlier.do(command.pop("actor"), command.pop("type"), **command)
    again = passed_on(story.room, story.do(cy, "review", action=call, status="started"))
    assert len(again) == 2  # every review is passed on again; the first is kept once
    for _, command in again:
        earlier.do(command.pop("actor"), command.pop("type"), **command)
    action = plan_view(earlier.room)["actions"][0]
    assert action["status"] == "started"
    assert [(p["text"], p["said_at"], p["status"]) for p in action["progress"]] == [
        ("Ann calls every week now", "Summer review", "done"),
        ("Said to be started.", "Summer review", "started"),
    ]
    assert action["progress"][0]["at"] == events[0].at  # when it was said
    assert dataclasses.asdict(earlier.replayed()) == dataclasses.asdict(earlier.room)


def test_only_the_server_passes_reviews_on():
    earlier, call, _ = earlier_workshop()
    with pytest.raises(RuleError) as err:
        earlier.do("host", "follow_up_review", action=call, status="done", said_at="X", room="X", review="v1")
    assert err.value.code == "forbidden"


def test_a_follow_up_replays_to_the_same_state():
    earlier, call, ring = earlier_workshop()
    story, cy = follow_up(earlier)
    story.do("host", "start")
    story.do(cy, "review", action=ring, status="dropped", text="No staff")
    story.do("host", "review", action=call, status="done", **{"for": cy})
    assert dataclasses.asdict(story.replayed()) == dataclasses.asdict(story.room)
    assert decide(story.room, {"type": "stage", "actor": "host", "at": "t", "stage": "look_back"})


def test_anonymous_reports_of_a_follow_up_name_no_earlier_owner():
    earlier, call, _ = earlier_workshop()
    story, cy = follow_up(earlier)
    story.do("host", "start")
    story.do(cy, "review", action=call, status="done", text="Done by March")
    shown = summarise(story.room, anonymous=True)["look_back"]["actions"][0]
    assert (shown["owner"], shown["said"][0]["status_label"]) == ("a person who gets care or support", "Done")
    rows = [{"n": i + 1, "at": e.at, "actor": e.actor, "type": e.type, "data": e.data} for i, e in enumerate(story.log)]
    assert "Ann" not in eventlog.render(rows, anonymous=True).decode() and "Ann" in eventlog.render(rows).decode()
