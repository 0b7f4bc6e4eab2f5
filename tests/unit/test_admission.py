"""Who is let in: admitting each joiner, requests to add someone without a device, and a
removal that sticks until the host lets the person back."""
import pytest

from server.game import RuleError, host_view, table_view
from server.game.checks import clean_text

from .story import Story


def refused(story, actor, type_, **fields):
    with pytest.raises(RuleError) as err:
        story.do(actor, type_, **fields)
    return err.value.code


def test_with_admit_on_newcomers_wait_until_the_host_lets_them_in():
    story = Story()
    story.do("host", "settings", admit=True)
    ann = story.join("Ann")
    assert story.room.players[ann].waiting
    assert table_view(story.room, None, set(), "now")["waiting"] == [ann]
    assert refused(story, ann, "sit", table="t1") == "waiting"
    assert [p["id"] for p in host_view(story.room, set(), "now")["waiting"]] == [ann]
    story.do("host", "admit", player=ann)
    story.do(ann, "sit", table="t1")
    assert story.room.tables["t1"].seats == [ann]
    assert story.replayed().players[ann].waiting is False


def test_the_host_can_turn_someone_away_and_seat_everyone_skips_those_waiting():
    story = Story()
    story.do("host", "settings", admit=True)
    ann, bo = story.join("Ann"), story.join("Bo")
    story.do("host", "turn_away", player=ann)
    story.do("host", "seat_all")
    assert story.room.players[ann].removed and story.room.players[bo].table is None
    story.do("host", "move", player=bo, table="t2")  # moving someone waiting lets them in
    assert not story.room.players[bo].waiting and story.room.players[bo].table == "t2"


def test_a_tablemate_asks_to_add_someone_without_a_device_and_the_host_decides():
    story = Story()
    ann = story.join("Ann", table="t1")
    gran = story.do(ann, "add_person", name="Gran", perspective="person")[0].data["player"]
    assert story.room.players[gran].waiting and story.room.players[gran].table is None
    waiting = host_view(story.room, set(), "now")["waiting"][0]
    assert (waiting["name"], waiting["added_by_name"], waiting["wants_table"]) == ("Gran", "Ann", "t1")
    assert refused(story, ann, "respond", text="x", **{"for": gran}) == "wrong_stage"
    story.do("host", "admit", player=gran)
    assert story.room.tables["t1"].seats == [ann, gran]


def test_a_table_has_at_most_three_people_without_a_device():
    story = Story()
    ann = story.join("Ann", table="t1")
    for name in ("A", "B", "C"):
        story.do(ann, "add_person", name=name, perspective="person")
    assert refused(story, ann, "add_person", name="D", perspective="person") == "bad_request"
    assert refused(story, "host", "add_person", name="D", perspective="person", table="t1") == "bad_request"
    story.do("host", "add_person", name="D", perspective="person", table="t2")


def test_votes_entered_for_someone_are_marked():
    story = Story()
    ann = story.join("Ann", table="t1")
    gran = story.do("host", "add_person", name="Gran", perspective="person", table="t1")[0].data["player"]
    story.do("host", "start")
    story.do(ann, "draw")
    answer = story.do(ann, "respond", text="mine")[0].data["response"]
    story.do(ann, "vote", response=answer, **{"for": gran})
    story.do(ann, "vote", response=answer)
    said = table_view(story.room, "t1", set(), "now")["table"]["responses"][0]
    assert said["entered_votes"] == [{"voter": gran, "by": ann}] and said["votes"] == 2
    story.do(ann, "unvote", response=answer, **{"for": gran})
    assert story.room.tables["t1"].current.responses[0].entered_votes == {}


def test_a_removed_person_stays_out_until_the_host_lets_them_back():
    story = Story()
    ann = story.join("Ann", table="t1")
    story.do("host", "remove", player=ann)
    assert refused(story, ann, "sit", table="t1") == "forbidden"
    assert host_view(story.room, set(), "now")["removed"] == [{"id": ann, "name": "Ann"}]
    assert refused(story, "host", "readmit", player="p404") == "not_found"
    story.do("host", "readmit", player=ann)
    assert story.room.players[ann].table == "t1"  # back in the seat they were taken from
    assert story.replayed().players[ann].table == "t1"
    story.do(ann, "sit", table="t2")
    assert story.room.players[ann].table == "t2"


def test_someone_let_back_in_alone_at_their_table_gets_its_turn():
    story = Story()
    bo = story.join("Bo", table="t1")
    story.do("host", "start")
    story.do("host", "remove", player=bo)
    assert story.room.tables["t1"].turn is None  # nobody left at the table
    story.do("host", "readmit", player=bo)
    assert story.room.tables["t1"].seats == [bo] and story.room.tables["t1"].turn == bo


def test_words_lose_control_and_direction_characters_but_keep_line_breaks():
    assert clean_text("abc\u202egnp.exe") == "abcgnp.exe"
    assert clean_text("a\x00b\x1bc\r\nd\te\ud800") == "abc\nd e"
    story = Story()
    ann = story.join("Ann", table="t1")
    story.do("host", "start")
    story.do(ann, "draw")
    story.do(ann, "respond", text="line one\r\nline two\u2066")
    assert story.room.tables["t1"].current.responses[0].text == "line one\nline two"
    assert refused(story, ann, "respond", text="\x00\u202e ") == "bad_request"
