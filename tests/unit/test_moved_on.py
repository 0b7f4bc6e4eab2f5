"""An action that names its card (`round`) never lands on the next one: an answer sent late,
after a dropped connection, is refused once the table has moved on, and a second "Next card"
for a card already finished does nothing (no error, no skipped card)."""
import pytest

from server.game import RuleError

from .story import Story


def table_of_two():
    story = Story()
    ann, bo = story.join("Ann", table="t1"), story.join("Bo", table="t1")
    story.do("host", "start")
    story.do(ann, "draw")
    return story, ann, bo


def test_an_answer_for_the_card_in_play_is_added():
    story, ann, bo = table_of_two()
    number = story.room.tables["t1"].current.number
    assert story.do(bo, "respond", text="Ask first.", round=number)[0].type == "response_added"


def test_an_answer_for_a_card_the_table_has_left_is_refused():
    story, ann, bo = table_of_two()
    number = story.room.tables["t1"].current.number
    story.do(ann, "next")
    with pytest.raises(RuleError) as no_card:
        story.do(bo, "respond", text="Late words.", round=number)
    story.do(bo, "draw")
    with pytest.raises(RuleError) as next_card:
        story.do(ann, "respond", text="Late words.", round=number)
    assert no_card.value.code == next_card.value.code == "wrong_stage"
    assert story.room.tables["t1"].current.responses == []


def test_a_second_next_for_the_same_card_does_nothing():
    story, ann, bo = table_of_two()
    number = story.room.tables["t1"].current.number
    assert [e.type for e in story.do(ann, "next", round=number)][0] == "round_ended"
    assert story.do(bo, "next", round=number) == []
    story.do(bo, "draw")
    assert story.do(ann, "next", round=number) == []  # the new card stays on the table
    assert story.room.tables["t1"].current is not None


def test_round_must_be_a_whole_number():
    story, ann, bo = table_of_two()
    for bad in ("1", True, 1.5, None):
        with pytest.raises(RuleError) as err:
            story.do(bo, "respond", text="Hello", round=bad)
        assert err.value.code == "bad_request"
