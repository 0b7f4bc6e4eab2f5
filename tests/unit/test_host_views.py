"""The host view is sent by one task per room at a time (server/sockets.py): changes while it
waits are gathered into one view, a change while it is being built brings one more view, and
a slow view is never overtaken by a newer one (which would leave the hosts a step behind)."""
import threading
from types import SimpleNamespace

from server.sockets import Transport


class FakeIO:
    def __init__(self):
        self.tasks, self.sleeps = [], []

    def start_background_task(self, target, *args):
        self.tasks.append((target, args))

    def sleep(self, seconds):
        self.sleeps.append(seconds)


def transport_with(published):
    fake = SimpleNamespace(
        hosts={"ROOM01": {"host-sid"}},
        host_view_due=set(),
        host_view_sending=set(),
        host_views=threading.Lock(),
        host_delay={},
        io=FakeIO(),
        rooms=SimpleNamespace(get=lambda code: "the room", online_in=lambda code: set(), clock=lambda: "now"),
        views=SimpleNamespace(warm=lambda room, online, pause: None),
    )
    fake._publish = lambda room, audience, online, now, pause: published(fake)
    fake._host_view_soon = lambda code: Transport._host_view_soon(fake, code)
    fake._send_host_views = lambda code: Transport._send_host_views(fake, code)
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
