"""A turn waits for nobody: it passes on when its holder has been away too long, and comes
back to them when they return. Presence comes in on the server's own commands."""
from datetime import datetime, timedelta

import pytest

from server.game import RuleError

from .story import Story


def table_of_three():
    story = Story()
    ids = [story.join(n, table="t1") for n in ("Ann", "Bo", "Cy")]
    story.do("host", "start")
    return story, ids


def ago(story, seconds):
    now = datetime.fromisoformat(story.at())
    return (now - timedelta(seconds=seconds)).isoformat()


def test_the_turn_passes_on_after_two_minutes_away_and_back_on_return():
    story, (ann, bo, cy) = table_of_three()
    assert story.do("system", "tick", away={ann: ago(story, 30)}) == []
    events = story.do("system", "tick", away={ann: ago(story, 130)})
    assert [(e.type, e.data["turn"], e.data["away"]) for e in events] == [("turn_passed", bo, ann)]
    story.do("system", "returned", player=ann)
    assert story.room.tables["t1"].turn == ann and story.room.tables["t1"].away_from is None


def test_someone_back_during_a_card_gets_the_next_turn():
    story, (ann, bo, cy) = table_of_three()
    story.do("system", "tick", away={ann: ago(story, 500)})
    story.do(bo, "draw")
    story.do("system", "returned", player=ann)
    story.do(cy, "next")
    assert story.room.tables["t1"].turn == ann
    assert story.replayed().tables["t1"].turn == ann


def test_the_turn_skips_others_who_are_away_too_and_never_moves_with_a_card_out():
    story, (ann, bo, cy) = table_of_three()
    events = story.do("system", "tick", away={ann: ago(story, 500), bo: ago(story, 500)})
    assert events[0].data["turn"] == cy
    story.do(cy, "draw")
    assert story.do("system", "tick", away={cy: ago(story, 500)}) == []


def test_the_host_chooses_how_long_or_never():
    story, (ann, bo, cy) = table_of_three()
    story.do("host", "settings", away_after=0)
    assert story.do("system", "tick", away={ann: ago(story, 5000)}) == []
    story.do("host", "settings", away_after=30)
    assert story.do("system", "tick", away={ann: ago(story, 40)})


def test_only_the_server_makes_presence_moves():
    story, (ann, bo, cy) = table_of_three()
    for actor in (ann, "host"):
        with pytest.raises(RuleError) as err:
            story.do(actor, "tick", away={})
        assert err.value.code == "forbidden"
