"""What a table agrees is really agreed: a clear winner by votes, a tie chosen together,
or nothing; hidden answers shown once everyone who can answer has."""
import pytest

from server.game import RuleError, table_view

from .story import Story


def round_with_answers(players=("Ann", "Bo", "Cy"), **kw):
    story = Story(**kw)
    ids = [story.join(name, table="t1") for name in players]
    story.do("host", "start")
    story.do(ids[0], "draw")
    return story, ids


def answer(story, who, text):
    return story.do(who, "respond", text=text)[0].data["response"]


def refused(story, actor, type_, **fields):
    with pytest.raises(RuleError) as err:
        story.do(actor, type_, **fields)
    return err.value.code


def test_a_clear_winner_is_agreed_by_votes():
    story, (ann, bo, cy) = round_with_answers()
    a, b = answer(story, bo, "Ask her"), answer(story, cy, "Ring the family")
    story.do(ann, "vote", response=b)
    story.do(bo, "vote", response=b)
    story.do(cy, "vote", response=a)
    assert table_view(story.room, "t1", set(), "now")["table"]["proposed"] == b
    story.do(ann, "next")
    note = story.room.tables["t1"].notes[-1]
    assert (note.text, note.how) == ("Ring the family", "votes")


def test_a_tie_is_shown_and_the_table_chooses_between_the_tied_answers():
    story, (ann, bo, cy) = round_with_answers()
    a, b = answer(story, bo, "first"), answer(story, cy, "second")
    story.do(ann, "vote", response=b)
    story.do(bo, "vote", response=a)
    events = story.do(cy, "next")
    assert [e.type for e in events] == ["round_tied"]
    view = table_view(story.room, "t1", set(), "now")["table"]
    assert view["card"] is not None and view["tie"] == [a, b] and view["proposed"] is None
    assert refused(story, ann, "next") == "bad_request"  # choose first
    assert refused(story, ann, "agree", response="r999") == "not_found"
    story.do(bo, "agree", response=b)
    table = story.room.tables["t1"]
    assert table.current is None and (table.notes[-1].text, table.notes[-1].how) == ("second", "chosen")
    assert table.rounds[-1].how == "chosen" and table.turn == bo


def tied_round():
    """Bo's "first" and Cy's "second" one vote each, and Cy has pressed Next card: a tie."""
    story, (ann, bo, cy) = round_with_answers()
    a, b = answer(story, bo, "first"), answer(story, cy, "second")
    story.do(ann, "vote", response=a)
    story.do(bo, "vote", response=b)
    story.do(cy, "next")
    return story, (ann, bo, cy), (a, b)


def test_a_tie_the_facilitator_settles_is_noted_as_theirs():
    story, _, (a, _b) = tied_round()
    story.do("host", "agree", table="t1", response=a)
    table = story.room.tables["t1"]
    assert (table.notes[-1].text, table.notes[-1].how, table.rounds[-1].how) == ("first", "facilitator", "facilitator")
    assert table.notes[-1].how == story.replayed().tables["t1"].notes[-1].how


def test_votes_may_still_settle_a_tie_before_anyone_chooses():
    story, (ann, _bo, cy), (a, _b) = tied_round()
    story.do(cy, "vote", response=a)
    story.do(ann, "next")
    assert story.room.tables["t1"].notes[-1].how == "votes"


def test_a_table_may_agree_on_none_of_the_tied_answers():
    story, (_ann, _bo, cy), _ = tied_round()
    story.do(cy, "agree", response=None)
    last = story.room.tables["t1"].rounds[-1]
    assert (last.outcome, last.how, story.room.tables["t1"].notes) == ("no_agreement", "none", [])


def test_no_votes_agrees_nothing_and_agree_needs_a_tie():
    story, (ann, bo, cy) = round_with_answers()
    answer(story, bo, "first")
    assert refused(story, ann, "agree", response=None) == "bad_request"
    story.do(ann, "next")
    assert story.room.tables["t1"].rounds[-1].how == "none"


def test_the_agreed_list_says_which_card_it_came_from_and_how():
    story, (ann, bo, cy) = round_with_answers()
    card = story.room.tables["t1"].current.card
    a = answer(story, bo, "first")
    story.do(ann, "vote", response=a)
    story.do(ann, "next")
    note = table_view(story.room, "t1", set(), "now")["table"]["notes"][-1]
    assert (note["card"], note["how"]) == (card, "votes") and note["card_text"]
    assert note["card_perspective"] == story.room.cards[card]["perspective"]  # the board's footprint colour
    assert story.replayed().tables["t1"].notes[-1].how == "votes"


def test_hidden_answers_count_only_people_who_can_answer():
    story, (ann, bo) = round_with_answers(("Ann", "Bo"), hide_until_reveal=True)
    gran = story.do("host", "add_person", name="Gran", perspective="person", table="t1")[0].data["player"]
    answer(story, ann, "mine")
    assert not story.room.tables["t1"].current.revealed
    answer(story, bo, "yours")  # Gran has no device: not waited for
    assert story.room.tables["t1"].current.revealed
    assert gran in story.room.tables["t1"].seats


def test_on_the_turn_of_someone_without_a_device_anyone_at_the_table_can_reveal():
    story = Story(hide_until_reveal=True)
    ann, bo = story.join("Ann", table="t1"), story.join("Bo", table="t1")
    story.do("host", "start")
    gran = story.do("host", "add_person", name="Gran", perspective="person", table="t1")[0].data["player"]
    story.do(ann, "draw")
    answer(story, ann, "a")
    story.do(ann, "next")
    story.do(bo, "draw")
    story.do(bo, "next")
    assert story.room.tables["t1"].turn == gran
    story.do(ann, "draw", **{"for": gran})
    answer(story, ann, "early")
    story.do(bo, "reveal")
    assert story.room.tables["t1"].current.revealed


def test_hidden_answers_hide_their_authors_too():
    story, (ann, bo, cy) = round_with_answers(hide_until_reveal=True)
    story.do(bo, "respond", text="secret")
    said = table_view(story.room, "t1", set(), "now")["table"]["responses"][0]
    assert said["text"] is None and said["author"] is None and said["author_name"] is None
    assert table_view(story.room, "t1", set(), "now")["table"]["answered"] == 1
