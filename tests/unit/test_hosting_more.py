"""The timer pauses with the room; co-facilitator links; a new main link."""
import pytest

from server.game import RuleError, host_view

from .story import Story


def test_the_timer_stops_while_the_room_is_paused_and_resumes_after():
    story = Story()
    story.do("host", "timer", seconds=300)
    story.do("host", "pause")  # one second later
    timer = story.room.timer
    assert timer["ends_at"] is None and timer["paused_left"] == 299
    story.do("host", "timer", add=60)
    assert story.room.timer["paused_left"] == 359
    story.do("host", "resume")
    assert story.room.timer["paused_left"] is None and story.room.timer["ends_at"] > story.log[-1].at
    assert story.replayed().timer == story.room.timer


def test_a_timer_started_while_paused_waits_for_the_resume():
    story = Story()
    story.do("host", "pause")
    story.do("host", "timer", seconds=120)
    assert story.room.timer["paused_left"] == 120 and story.room.timer["ends_at"] is None


def test_the_main_link_adds_and_revokes_co_facilitators():
    story = Story()
    story.do("host", "cohost_add", key="main", key_hash="k1", label="Priya")
    (cohost,) = story.room.cohosts
    assert host_view(story.room, set(), "now")["cohosts"] == [{"id": cohost, "label": "Priya", "revoked": False}]
    with pytest.raises(RuleError) as err:
        story.do("host", "cohost_add", key=cohost, key_hash="k2")
    assert err.value.code == "forbidden"
    story.do("host", "cohost_revoke", key="main", cohost=cohost)
    assert story.room.cohosts[cohost]["revoked"] and story.replayed().cohosts == story.room.cohosts


def test_only_the_organiser_issues_a_new_main_link_even_after_the_end():
    story = Story()
    story.do("host", "end")
    with pytest.raises(RuleError):
        story.do("host", "host_key_reset", key_hash="new")
    story.do("organiser", "host_key_reset", key_hash="new")
    assert story.room.host_key_hash == "new"


def test_a_co_facilitator_link_can_still_be_stopped_after_the_end():
    """It still opens the notes after the end, so stopping it must still work."""
    story = Story()
    story.do("host", "cohost_add", key="main", key_hash="k1")
    (cohost,) = story.room.cohosts
    story.do("host", "end")
    with pytest.raises(RuleError) as err:
        story.do("host", "cohost_add", key="main", key_hash="k2")
    assert err.value.code == "ended"
    story.do("host", "cohost_revoke", key="main", cohost=cohost)
    assert story.room.cohosts[cohost]["revoked"]
