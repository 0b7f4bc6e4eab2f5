"""Answers without typing: a picture on the three-point scale, or a spoken recording; both
are voted on and agreed like written answers, and replay gives the same room."""
import pytest

from server.game import RuleError, table_view

from .story import Story


def table_round(**kw):
    story = Story(**kw)
    ann, bo, cy = (story.join(name, side, table="t1") for name, side in (("Ann", "person"), ("Bo", "carer"), ("Cy", "manager")))
    story.do("host", "start")
    story.do(ann, "draw")
    return story, ann, bo, cy


def refused(story, actor, type_, **fields):
    with pytest.raises(RuleError) as err:
        story.do(actor, type_, **fields)
    return err.value.code


def recorded(story, player, seconds=12.3, audio="a1"):
    story.do("system", "record_audio", player=player, audio=audio, seconds=seconds)
    return audio


def test_a_picture_alone_is_an_answer_and_the_table_sees_the_spread():
    story, ann, bo, cy = table_round()
    story.do(ann, "respond", symbol="good")
    story.do(bo, "respond", symbol="good", text="It would feel safe")
    story.do(cy, "respond", symbol="unsure")
    table = table_view(story.room, "t1", set(), "now")["table"]
    assert table["spread"] == {"good": 2, "unsure": 1, "not_good": 0}
    assert [(r["symbol"], r["text"], r["perspective"]) for r in table["responses"]] == [
        ("good", "", "person"), ("good", "It would feel safe", "carer"), ("unsure", "", "manager"),
    ]


@pytest.mark.parametrize("fields", [{}, {"text": "   "}, {"symbol": "great"}, {"symbol": 1}, {"text": 5}])
def test_an_answer_needs_words_a_picture_or_a_recording(fields):
    story, ann, *_ = table_round()
    assert refused(story, ann, "respond", **fields) == "bad_request"


def test_the_same_answer_twice_from_one_person_is_refused_and_counted_once():
    """A second press of Send (the form looked unsent) must not count twice in the spread."""
    story, ann, bo, cy = table_round()
    story.do(ann, "respond", symbol="good")
    assert refused(story, ann, "respond", symbol="good") == "bad_request"
    story.do(ann, "respond", text="Ask me first")
    assert refused(story, ann, "respond", text="  ask me FIRST ") == "bad_request"
    # a different picture, words with the picture, someone else's same answer, or a second
    # recording are all new answers
    story.do(ann, "respond", symbol="unsure")
    story.do(ann, "respond", symbol="good", text="Ask me first")
    story.do(bo, "respond", symbol="good")
    story.do(ann, "respond", audio=recorded(story, ann, audio="a1"))
    story.do(ann, "respond", audio=recorded(story, ann, audio="a2"))
    table = table_view(story.room, "t1", set(), "now")["table"]
    assert table["spread"] == {"good": 3, "unsure": 1, "not_good": 0}
    assert len(table["responses"]) == 7


def test_a_picture_answer_is_voted_on_and_agreed_like_a_written_one():
    story, ann, bo, cy = table_round()
    picture = story.do(ann, "respond", symbol="not_good")[0].data["response"]
    story.do(bo, "respond", text="Ring the family")
    story.do(bo, "vote", response=picture)
    story.do(cy, "vote", response=picture)
    story.do(ann, "next")
    note = story.room.tables["t1"].notes[-1]
    assert (note.kind, note.symbol, note.text, note.how) == ("agreed", "not_good", "", "votes")
    again = story.replayed().tables["t1"].notes[-1]
    assert (again.symbol, again.source) == ("not_good", picture)


def test_a_tie_between_pictures_is_chosen_together():
    story, ann, bo, cy = table_round()
    good = story.do(ann, "respond", symbol="good")[0].data["response"]
    bad = story.do(bo, "respond", symbol="not_good")[0].data["response"]
    story.do(ann, "vote", response=good)
    story.do(bo, "vote", response=bad)
    story.do(cy, "next")
    story.do(cy, "agree", response=bad)
    assert story.room.tables["t1"].notes[-1].symbol == "not_good"


def test_reflect_notes_take_a_picture_and_pledges_do_not():
    story, ann, *_ = table_round()
    story.do("host", "stage", stage="reflect")
    story.do(ann, "note", kind="working", symbol="good")
    assert story.room.tables["t1"].notes[-1].symbol == "good"
    story.do("host", "stage", stage="pledge")
    assert refused(story, ann, "pledge", symbol="good") == "bad_request"


def test_a_spoken_answer_uses_a_recording_its_speaker_made_once():
    story, ann, bo, cy = table_round()
    clip = recorded(story, bo, seconds=42)
    assert refused(story, ann, "respond", audio=clip) == "not_found"  # someone else's recording
    assert refused(story, bo, "respond", audio="a404") == "not_found"
    response = story.do(bo, "respond", audio=clip)[0].data["response"]
    assert refused(story, bo, "respond", audio=clip) == "bad_request"  # used already
    shown = table_view(story.room, "t1", set(), "now")["table"]["responses"][0]
    assert (shown["id"], shown["audio"], shown["text"]) == (response, {"id": clip, "seconds": 42.0}, "")
    assert story.replayed().audio == story.room.audio


def test_words_can_be_recorded_for_someone_without_a_device():
    story, ann, bo, cy = table_round()
    gran = story.do("host", "add_person", name="Gran", perspective="person", table="t1")[0].data["player"]
    clip = recorded(story, bo)
    story.do(bo, "respond", audio=clip, **{"for": gran})
    response = story.room.tables["t1"].current.responses[-1]
    assert (response.author, response.entered_by, response.audio["id"]) == (gran, bo, clip)


@pytest.mark.parametrize("command", [
    {"seconds": 0}, {"seconds": 75}, {"seconds": "10"}, {"audio": None}, {"player": "p404"},
])  # fmt: skip
def test_only_the_server_records_sensible_clips_for_people_taking_part(command):
    story, ann, *_ = table_round()
    fields = {"player": ann, "audio": "a1", "seconds": 10, **command}
    with pytest.raises(RuleError):
        story.do("system", "record_audio", **fields)
    with pytest.raises(RuleError) as err:
        story.do(ann, "record_audio", player=ann, audio="a2", seconds=5)
    assert err.value.code == "forbidden"


def test_hidden_answers_hide_their_pictures_and_recordings_too():
    story, ann, bo, cy = table_round(hide_until_reveal=True)
    story.do(bo, "respond", symbol="good")
    table = table_view(story.room, "t1", set(), "now")["table"]
    assert table["hidden"] and table["spread"] is None and table["responses"][0]["symbol"] is None


def test_a_pledge_shows_who_will_do_it_and_by_when_at_the_table():
    story, ann, *_ = table_round()
    story.do("host", "stage", stage="pledge")
    story.do(ann, "pledge", text="I will ring the team", by="2027-03-01", who="Ann and Bo")
    pledge = table_view(story.room, "t1", set(), "now")["table"]["pledges"][0]
    assert (pledge["by"], pledge["who"]) == ("2027-03-01", "Ann and Bo")
    assert story.replayed().tables["t1"].pledges[0].by == "2027-03-01"


def test_the_table_can_add_words_to_a_spoken_or_picture_answer():
    story, ann, bo, cy = table_round()
    clip = recorded(story, bo, seconds=20)
    spoken = story.do(bo, "respond", audio=clip)[0].data["response"]
    written = story.do(cy, "respond", text="Ask her first")[0].data["response"]
    story.do(ann, "add_words", response=spoken, text="Bo said: ask her what she wants")
    shown = table_view(story.room, "t1", set(), "now")["table"]["responses"][0]
    assert (shown["text"], shown["words_by_name"]) == ("Bo said: ask her what she wants", "Ann")
    assert refused(story, cy, "add_words", response=spoken, text="Something else") == "forbidden"
    story.do(bo, "add_words", response=spoken, text="Ask her what she wants")  # their own answer
    assert story.room.tables["t1"].current.responses[0].words_by is None
    assert refused(story, ann, "add_words", response=written, text="More") == "bad_request"
    assert refused(story, ann, "add_words", response="r404", text="More") == "not_found"
    assert story.replayed().tables["t1"].current.responses[0].text == "Ask her what she wants"


def test_hidden_answers_take_words_only_from_whoever_gave_them():
    story, ann, bo, cy = table_round(hide_until_reveal=True)
    picture = story.do(bo, "respond", symbol="good")[0].data["response"]
    assert refused(story, ann, "add_words", response=picture, text="Good") == "wrong_stage"
    story.do(bo, "add_words", response=picture, text="It felt good")
