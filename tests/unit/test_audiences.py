"""Who hears about a change: the pure routing the transport follows."""
from server.game import audiences, presence_audiences

from .story import Story


def seated(story, *names):
    return [story.join(name, table="t1") for name in names]


def news(story, actor, type_, **fields):
    return audiences(story.room, story.do(actor, type_, **fields))


def test_a_response_reaches_its_table_and_the_hosts_only():
    story = Story()
    ann, bo = seated(story, "Ann", "Bo")
    story.do("host", "start")
    story.do(ann, "draw")
    out = news(story, bo, "respond", text="Ask her")
    assert (out.tables, out.lobby, out.hosts, out.moves, out.notices) == ({"t1"}, False, True, [], [])


def test_a_room_wide_change_reaches_every_table_and_the_unseated():
    story = Story()
    seated(story, "Ann")
    for type_, fields in (("pause", {}), ("lock", {}), ("timer", {"seconds": 60}), ("add_table", {}), ("stage", {"stage": "play"})):
        out = news(story, "host", type_, **fields)
        assert out.tables == set(story.room.tables) and out.lobby, type_


def test_one_table_changing_stage_reaches_that_table_only():
    story = Story()
    seated(story, "Ann")
    out = news(story, "host", "stage", stage="reflect", table="t2")
    assert (out.tables, out.lobby) == ({"t2"}, False)


def test_changing_table_moves_the_person_and_updates_both_tables_and_the_lobby():
    story = Story()
    (ann,) = seated(story, "Ann")
    out = news(story, "host", "move", player=ann, table="t2")
    assert out.moves == [(ann, "t1", "t2")]
    assert out.tables == {"t1", "t2"} and out.lobby


def test_removing_someone_is_named_with_their_table():
    story = Story()
    (ann,) = seated(story, "Ann")
    out = news(story, "host", "remove", player=ann)
    assert out.removed == [(ann, "t1", "removed")] and out.tables == {"t1"} and out.lobby


def test_a_broadcast_is_a_notice_for_everyone():
    story = Story()
    out = news(story, "host", "broadcast", text="Tea is ready")
    assert out.notices == [{"text": "Tea is ready", "at": story.log[-1].at}]
    assert news(story, "host", "broadcast", text="").notices == []


def test_a_new_person_not_yet_seated_changes_only_the_host_view():
    story = Story()
    out = news(story, None, "join", name="Ann", perspective="carer", token_hash="h")
    assert (out.tables, out.lobby, out.hosts) == (set(), False, True)


def test_no_events_means_nobody_hears():
    story = Story()
    story.do("host", "pause")
    out = news(story, "host", "pause")
    assert (out.tables, out.lobby, out.hosts) == (set(), False, False)


def test_coming_online_reaches_ones_table_and_the_hosts():
    story = Story()
    (ann,) = seated(story, "Ann")
    out = presence_audiences(story.room, ann)
    assert (out.tables, out.hosts) == ({"t1"}, True)
