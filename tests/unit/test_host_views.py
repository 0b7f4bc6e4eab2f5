"""The host view is sent by one task per room at a time (server/sockets.py): changes while it
waits are gathered into one view, a change while it is being built brings one more view, and
a slow view is never overtaken by a newer one (which would leave the hosts a step behind).
In a conference others' changes come once a second, a facilitator's own at once."""
import threading
from types import SimpleNamespace

import pytest

from server.sockets import BIG_ROOM, HOST_VIEW_CALM, HOST_VIEW_DELAY, Transport


class FakeIO:
    def __init__(self):
        self.tasks, self.sleeps = [], []
        self.while_asleep = None  # called at each sleep: something happening meanwhile

    def start_background_task(self, target, *args):
        self.tasks.append((target, args))

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        if self.while_asleep:
            self.while_asleep()


def transport_with(published, tables: int = 3):
    fake = SimpleNamespace(
        hosts={"ROOM01": {"host-sid"}},
        host_view_due=set(),
        host_view_sending=set(),
        host_view_prompt=set(),
        host_views=threading.Lock(),
        host_delay={},
        io=FakeIO(),
        rooms=SimpleNamespace(
            get=lambda code: SimpleNamespace(tables=dict.fromkeys(range(tables))),
            online_in=lambda code: set(),
            clock=lambda: "now",
        ),
        views=SimpleNamespace(warm=lambda room, online, pause: None),
    )
    fake._publish = lambda room, audience, online, now, pause: published(fake)
    fake._host_view_soon = lambda code, prompt=False: Transport._host_view_soon(fake, code, prompt)
    fake._send_host_views = lambda code: Transport._send_host_views(fake, code)
    fake._wait_for_host_view = lambda code: Transport._wait_for_host_view(fake, code)
    return fake



def test_changes_while_waiting_make_one_view_and_a_change_while_building_one_more():
    views = []

    def published(fake):
        views.append(len(views) + 1)
        if len(views) == 1:  # a change arrives while the first view is being built
            fake._host_view_soon("ROOM01")
            fake._host_view_soon("ROOM01")

    fake = transport_with(published)
    fake._host_view_soon("ROOM01")
    fake._host_view_soon("ROOM01")  # gathered into the same view
    assert len(fake.io.tasks) == 1
    send, args = fake.io.tasks.pop(0)
    send(*args)
    assert views == [1, 2]  # the change during the build got a view of its own, from the same task
    assert fake.io.tasks == []  # no second task ran beside the first
    assert not fake.host_view_due and not fake.host_view_sending
    fake._host_view_soon("ROOM01")  # later changes start a task again
    assert len(fake.io.tasks) == 1


def test_a_failed_host_view_does_not_stop_the_next_ones():
    def published(fake):
        raise RuntimeError("a bug")

    fake = transport_with(published)
    fake._host_view_soon("ROOM01")
    send, args = fake.io.tasks.pop(0)
    send(*args)
    assert not fake.host_view_sending
    fake._host_view_soon("ROOM01")
    assert len(fake.io.tasks) == 1


def waits_before_views(fake, changes: int = 2) -> list[float]:
    """The seconds the room's task slept before each host view it sent, while `changes` more
    changes arrive from the tables as views go out."""
    waits = []

    def published(_):
        waits.append(sum(fake.io.sleeps))
        fake.io.sleeps.clear()
        if len(waits) <= changes:
            fake._host_view_soon("ROOM01")  # someone at a table acts meanwhile

    fake._publish = lambda room, audience, online, now, pause: published(fake)
    fake._host_view_soon("ROOM01")
    send, args = fake.io.tasks.pop(0)
    send(*args)
    return waits


def test_a_conference_hears_others_once_a_second_and_a_facilitator_at_once():
    fake = transport_with(None, tables=BIG_ROOM + 1)
    waits = waits_before_views(fake)
    assert waits[0] == pytest.approx(HOST_VIEW_DELAY)  # the first view of a room: soon
    assert waits[1] == pytest.approx(HOST_VIEW_CALM)  # then others' changes once a second
    assert len(waits) == 3

    fake.io.while_asleep = lambda: fake._host_view_soon("ROOM01", prompt=True)  # the facilitator acts
    assert waits_before_views(fake, changes=0) == [pytest.approx(HOST_VIEW_DELAY)]  # the wait is cut short


def test_a_small_room_hears_everything_soon():
    assert waits_before_views(transport_with(None, tables=BIG_ROOM)) == pytest.approx([HOST_VIEW_DELAY] * 3)


def test_a_facilitators_action_cuts_the_calm_second_but_not_the_share_of_a_slow_build():
    fake = transport_with(None, tables=BIG_ROOM + 1)
    fake.host_delay["ROOM01"] = (0.6, 1.0)  # the last view took long to build: 0.6 s at least
    fake.io.while_asleep = lambda: fake._host_view_soon("ROOM01", prompt=True)
    assert waits_before_views(fake, changes=0) == [pytest.approx(0.6)]
