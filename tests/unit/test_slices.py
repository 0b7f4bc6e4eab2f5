"""Long work in slices (server/slices.py): others get a turn only once a slice is used up,
and the time counted as work leaves their turns out."""
import time

from server.slices import Slices


def test_others_get_a_turn_only_when_a_slice_is_used_up():
    turns = []
    quick = Slices(turns.append, length=60.0)
    for _ in range(1000):
        quick.pause()
    assert turns == []  # a minute-long slice: never
    every = Slices(turns.append, length=0.0)
    for _ in range(5):
        every.pause()
    assert turns == [0] * 5  # a yield (sleep(0)) each time


def test_work_time_leaves_out_others_turns():
    slices = Slices(lambda seconds: time.sleep(0.05), length=0.0)
    slices.pause()
    slices.pause()
    assert slices.away >= 0.1 and slices.worked() < 0.05
