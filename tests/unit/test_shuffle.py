"""Each table draws from its own shuffle, never repeating a card before the deck is used up."""
from hypothesis import given, settings
from hypothesis import strategies as st

from .story import Story


@settings(max_examples=60, deadline=None)
@given(cards=st.integers(min_value=1, max_value=12), draws=st.integers(min_value=1, max_value=30), seed=st.integers(0, 2**32 - 1))
def test_no_card_repeats_within_a_pass_and_replay_draws_the_same(cards, draws, seed):
    story = Story(cards=cards)
    ann = story.join("Ann", table="t1")
    bo = story.join("Bo", table="t2")
    story.do("host", "start")
    drawn = {"t1": [], "t2": []}
    for i in range(draws):
        for player, table in ((ann, "t1"), (bo, "t2")):
            story.do(player, "draw", seed=seed + i)
            drawn[table].append(story.room.tables[table].current.card)
            story.do(player, "next")
    for sequence in drawn.values():
        for start in range(0, len(sequence), cards):
            chunk = sequence[start : start + cards]
            assert len(set(chunk)) == len(chunk)
    replayed = story.replayed()
    assert [r.card for r in replayed.tables["t1"].rounds] == drawn["t1"]
