"""'Seat everyone' mixes perspectives and keeps table sizes even over the tables it uses, and
opens an empty table only when the others would go over six (before the start: uses every
table while each gets three or more), over many random rooms."""
from collections import Counter
from math import ceil

from hypothesis import given, settings
from hypothesis import strategies as st

from server.game.seating import FULL, SMALLEST, seat_everyone

PERSPECTIVES = ["person", "carer", "support_worker", "manager", "commissioner", "health", "other"]

rooms = st.tuples(
    st.integers(min_value=1, max_value=8),
    st.lists(st.sampled_from(PERSPECTIVES), max_size=60),
    st.booleans(),  # before the start (spread over the tables made) or during the workshop
)


def seat(tables: int, perspectives: list[str], spread: bool = False):
    layout = [(f"t{i}", []) for i in range(tables)]
    waiting = [(f"p{i}", p) for i, p in enumerate(perspectives)]
    placed = seat_everyone(layout, waiting, spread)
    by_table = {t: Counter() for t, _ in layout}
    for player, table in placed.items():
        by_table[table][dict(waiting)[player]] += 1
    return placed, {t: c for t, c in by_table.items() if c}  # the tables in use


@settings(max_examples=300, deadline=None)
@given(rooms)
def test_as_few_tables_as_keep_them_at_six_or_fewer_and_nobody_alone(room):
    tables, perspectives, spread = room
    _, by_table = seat(tables, perspectives, spread)
    people = len(perspectives)
    if perspectives and spread:  # every table made, while each gets three or more
        assert len(by_table) == min(tables, max(ceil(people / FULL), people // SMALLEST))
    elif perspectives:
        assert len(by_table) == min(tables, ceil(people / FULL))
    sizes = [sum(c.values()) for c in by_table.values()]
    if people >= 2:
        assert min(sizes) >= 2, sizes  # nobody plays alone while others have company
    if spread and people >= SMALLEST:
        assert min(sizes) >= SMALLEST or len(by_table) == 1, sizes


@settings(max_examples=300, deadline=None)
@given(rooms)
def test_everyone_is_seated_and_sizes_differ_by_at_most_one(room):
    tables, perspectives, spread = room
    placed, by_table = seat(tables, perspectives, spread)
    assert len(placed) == len(perspectives)
    sizes = [sum(c.values()) for c in by_table.values()]
    assert max(sizes, default=0) - min(sizes, default=0) <= 1


@settings(max_examples=300, deadline=None)
@given(rooms)
def test_each_perspective_is_spread_as_evenly_as_possible(room):
    tables, perspectives, spread = room
    _, by_table = seat(tables, perspectives, spread)
    for perspective in set(perspectives):
        counts = [c[perspective] for c in by_table.values()]
        assert max(counts) - min(counts) <= 1, (perspective, counts)


@settings(max_examples=200, deadline=None)
@given(rooms)
def test_no_table_is_all_one_voice_while_another_is_all_another(room):
    tables, perspectives, spread = room
    _, by_table = seat(tables, perspectives, spread)
    single = [next(iter(c)) for c in by_table.values() if len(c) == 1 and sum(c.values()) > 1]
    assert len(set(single)) <= 1


def test_people_already_seated_are_counted():
    placed = seat_everyone([("t1", ["manager", "manager", "person"]), ("t2", ["carer"])], [("a", "manager"), ("b", "person")])
    assert placed == {"a": "t2", "b": "t2"}


def test_spare_tables_stay_empty_until_the_others_are_full():
    """A latecomer joins a table in play, not a spare empty one; a seventh opens a table."""
    spare = [("t1", ["manager"] * 4), ("t2", ["carer"] * 3), ("t3", ["person"]), ("t4", [])]
    assert seat_everyone(spare, [("ida", "person"), ("jo", "carer")]) == {"ida": "t3", "jo": "t3"}
    full = [("t1", ["manager"] * 6), ("t2", [])]
    assert seat_everyone(full, [("a", "person")]) == {"a": "t1"}  # a table of seven, not one alone
    assert seat_everyone(full, [("a", "person"), ("b", "carer")]) == {"a": "t2", "b": "t2"}


def test_before_the_start_every_table_the_facilitator_made_is_used():
    """Ten people, three tables (the third just added): 4, 3 and 3, not 5, 5 and none."""
    layout = [("t1", []), ("t2", []), ("t3", [])]
    waiting = [(f"p{i}", PERSPECTIVES[i % 4]) for i in range(10)]
    assert sorted(Counter(seat_everyone(layout, waiting, spread=True).values()).values()) == [3, 3, 4]
    assert sorted(Counter(seat_everyone(layout, waiting).values()).values()) == [5, 5]  # during play: tables of six


def test_before_the_start_a_new_table_opens_only_for_three_or_more():
    """Five sat down themselves and four wait, three tables: 5 and 4, not 5, 2 and 2."""
    layout = [("t1", ["person"] * 5), ("t2", []), ("t3", [])]
    waiting = [(f"p{i}", "carer") for i in range(4)]
    assert sorted(Counter(seat_everyone(layout, waiting, spread=True).values()).values()) == [4]
    six = [(f"p{i}", "carer") for i in range(6)]  # six more: two new tables of three
    assert sorted(Counter(seat_everyone(layout, six, spread=True).values()).values()) == [3, 3]
