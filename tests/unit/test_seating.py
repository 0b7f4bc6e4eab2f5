"""'Seat everyone' mixes perspectives and keeps table sizes even, over many random rooms."""
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from server.game.seating import seat_everyone

PERSPECTIVES = ["person", "carer", "support_worker", "manager", "commissioner", "health", "other"]

rooms = st.tuples(
    st.integers(min_value=1, max_value=8),
    st.lists(st.sampled_from(PERSPECTIVES), max_size=60),
)


def seat(tables: int, perspectives: list[str]):
    layout = [(f"t{i}", []) for i in range(tables)]
    waiting = [(f"p{i}", p) for i, p in enumerate(perspectives)]
    placed = seat_everyone(layout, waiting)
    by_table = {t: Counter() for t, _ in layout}
    for player, table in placed.items():
        by_table[table][dict(waiting)[player]] += 1
    return placed, by_table


@settings(max_examples=300, deadline=None)
@given(rooms)
def test_everyone_is_seated_and_sizes_differ_by_at_most_one(room):
    tables, perspectives = room
    placed, by_table = seat(tables, perspectives)
    assert len(placed) == len(perspectives)
    sizes = [sum(c.values()) for c in by_table.values()]
    assert max(sizes) - min(sizes) <= 1


@settings(max_examples=300, deadline=None)
@given(rooms)
def test_each_perspective_is_spread_as_evenly_as_possible(room):
    tables, perspectives = room
    _, by_table = seat(tables, perspectives)
    for perspective in set(perspectives):
        counts = [c[perspective] for c in by_table.values()]
        assert max(counts) - min(counts) <= 1, (perspective, counts)


@settings(max_examples=200, deadline=None)
@given(rooms)
def test_no_table_is_all_one_voice_while_another_is_all_another(room):
    tables, perspectives = room
    _, by_table = seat(tables, perspectives)
    single = [next(iter(c)) for c in by_table.values() if len(c) == 1 and sum(c.values()) > 1]
    assert len(set(single)) <= 1


def test_people_already_seated_are_counted():
    placed = seat_everyone([("t1", ["manager", "manager"]), ("t2", [])], [("a", "manager"), ("b", "person")])
    assert placed == {"a": "t2", "b": "t2"}
