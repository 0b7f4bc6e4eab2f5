"""One table says which moves each stage allows; `decide` checks it once for every move."""
import pytest

from server.game import RuleError
from server.game.rules import STAGE_MOVES

from .story import Story


def table_at(stage):
    earlier = {"code": "BBBBBB", "title": "Spring", "date": "2026-03-01", "actions": []}
    story = Story(follows=earlier) if stage == "look_back" else Story()  # only a follow-up looks back
    ann = story.join("Ann", table="t1")
    story.do("host", "start")
    if stage == "look_back":
        return story, ann  # a follow-up starts there
    if stage == "play":
        story.do(ann, "draw")
    else:
        story.do(ann, "draw")
        story.do("host", "stage", stage=stage)
    return story, ann


ATTEMPTS = {
    "draw": {},
    "respond": {"text": "An answer"},
    "next": {},
    "note:working": {"text": "Going well", "kind": "working"},
    "pledge": {"text": "I will listen"},
}


@pytest.mark.parametrize("stage", ["lobby", "look_back", "play", "reflect", "pledge", "closed"])
@pytest.mark.parametrize("key", sorted(ATTEMPTS))
def test_each_stage_allows_exactly_its_moves(stage, key):
    story, ann = table_at(stage)
    type_ = key.split(":")[0]
    allowed = key in STAGE_MOVES[stage] or (key == "draw" and stage == "play")
    try:
        story.do(ann, type_, **ATTEMPTS[key])
    except RuleError as err:
        refused = err.code
    else:
        refused = None
    if key == "draw" and stage == "play":
        assert refused == "bad_request"  # a card is already on the table
    elif allowed:
        assert refused is None
    else:
        assert refused == "wrong_stage"


def test_a_free_note_is_allowed_at_every_stage():
    for stage in STAGE_MOVES:
        story, ann = table_at(stage)
        story.do(ann, "note", text=f"A note in {stage}")


def test_the_host_acting_for_a_table_is_held_to_that_tables_stage():
    story, ann = table_at("reflect")
    with pytest.raises(RuleError) as err:
        story.do("host", "next", table="t1")
    assert err.value.code == "wrong_stage" and "play stage" in err.value.message


def test_several_tables_are_added_at_once_up_to_the_cap():
    story = Story()
    story.do("host", "add_table", count=48)
    assert len(story.room.tables) == 50 and story.room.tables["t50"].name == "Table 50"
    story.do("host", "add_table", count=200)
    assert len(story.room.tables) == 250
    with pytest.raises(RuleError):
        story.do("host", "add_table")
    assert len(story.replayed().tables) == 250
