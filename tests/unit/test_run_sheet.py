"""The run sheet: a timed plan kept with the room; its clock starts when the host says."""
import pytest

from server.game import RuleError, host_view
from server.game.run_sheet import LENGTHS, make_run_sheet

from .story import Story


@pytest.mark.parametrize("minutes", sorted(LENGTHS))
def test_each_length_adds_up_and_has_every_step_with_words(minutes):
    sheet = make_run_sheet({"minutes": minutes})
    assert sheet["minutes"] == minutes == sum(s["minutes"] for s in sheet["steps"])
    assert [s["step"] for s in sheet["steps"]] == ["welcome", "play", "reflect", "pledge", "close"]
    assert [s["stage"] for s in sheet["steps"]] == ["lobby", "play", "reflect", "pledge", "closed"]
    assert all(s["say"] and s["next"] and s["title"] for s in sheet["steps"])


def test_your_own_plan_keeps_the_order_of_the_stages_and_your_words():
    sheet = make_run_sheet({"steps": [{"step": "play", "minutes": 20, "say": "Off we go."}, {"step": "welcome", "minutes": 3}]})
    assert [(s["step"], s["minutes"]) for s in sheet["steps"]] == [("welcome", 3), ("play", 20)]
    assert sheet["steps"][1]["say"] == "Off we go." and sheet["steps"][0]["say"].startswith("Welcome")
    assert sheet["minutes"] == 23


@pytest.mark.parametrize("value", [
    None, {"minutes": 45}, {"minutes": True}, {"steps": []}, {"steps": [{"step": "dance", "minutes": 5}]},
    {"steps": [{"step": "play", "minutes": 0}]}, {"steps": [{"step": "play", "minutes": 5}] * 2},
    {"steps": [{"step": "play", "minutes": 5, "say": 7}]}, {"steps": [{"step": "play", "minutes": 5, "say": "x" * 501}]},
])  # fmt: skip
def test_a_bad_run_sheet_is_refused(value):
    with pytest.raises(RuleError):
        make_run_sheet(value)


def test_the_room_keeps_it_and_every_host_sees_it():
    story = Story(run_sheet={"minutes": 90})
    assert story.log[0].data["run_sheet"]["minutes"] == 90
    assert host_view(story.room, set(), "now")["run_sheet"]["steps"][0]["step"] == "welcome"
    assert "run_sheet" not in Story().log[0].data


def test_its_clock_starts_when_the_host_begins_or_at_the_start():
    story = Story(run_sheet={"minutes": 60})
    story.do("host", "run_sheet", begin=True)
    begun = story.room.run_sheet["begun_at"]
    assert begun and story.room.run_sheet["from"] == 0
    story.do("host", "start")
    assert story.room.run_sheet["begun_at"] == begun  # already running: unchanged

    late = Story(run_sheet={"minutes": 60})
    late.do("host", "start")
    assert late.room.run_sheet["begun_at"] and late.room.run_sheet["from"] == 1  # the welcome is over
    assert Story().do("host", "start")[-1].type == "stage_set"  # no run sheet, nothing added


def test_the_host_can_choose_another_length_later_and_only_the_host():
    story = Story()
    with pytest.raises(RuleError):
        story.do("host", "run_sheet", begin=True)
    story.do("host", "run_sheet", minutes=120)
    assert story.room.run_sheet["minutes"] == 120
    ann = story.join("Ann")
    with pytest.raises(RuleError) as err:
        story.do(ann, "run_sheet", minutes=60)
    assert err.value.code == "forbidden"
