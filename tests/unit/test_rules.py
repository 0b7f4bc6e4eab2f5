"""The rules of play, as plain functions: no server, no database."""
import dataclasses

import pytest

from server.game import RuleError, host_view, table_view

from .story import Story


def seated_story(players=3, **kw):
    story = Story(**kw)
    ids = [story.join(name, table="t1") for name in ("Ann", "Bo", "Cy", "Di", "Ed")[:players]]
    story.do("host", "start")
    return story, ids


def error_code(story, actor, type_, **fields):
    with pytest.raises(RuleError) as err:
        story.do(actor, type_, **fields)
    return err.value.code


def test_a_new_room_has_two_empty_tables_in_the_lobby():
    room = Story().room
    assert room.stage == "lobby"
    assert [t.name for t in room.tables.values()] == ["Table 1", "Table 2"]


def test_start_gives_each_table_turn_to_its_first_seated_player():
    story, (ann, bo, cy) = seated_story()
    assert story.room.stage == "play"
    assert story.room.tables["t1"].turn == ann
    assert story.room.tables["t2"].turn is None


def test_a_full_round_agrees_the_most_voted_response_and_passes_the_turn():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    card = story.room.tables["t1"].current.card
    first = story.do(bo, "respond", text="I would ask her what she wants")[0].data["response"]
    second = story.do(cy, "respond", text="I would call the family")[0].data["response"]
    story.do(ann, "vote", response=second)
    story.do(bo, "vote", response=second)
    story.do(cy, "vote", response=first)
    story.do(bo, "next")
    table = story.room.tables["t1"]
    assert table.current is None
    assert table.turn == bo
    agreed = table.notes[-1]
    assert (agreed.kind, agreed.text, agreed.card) == ("agreed", "I would call the family", card)


def test_only_the_turn_holder_draws():
    story, (ann, bo, cy) = seated_story()
    assert error_code(story, bo, "draw") == "not_your_turn"


def test_three_votes_per_card_and_one_per_response():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    responses = [story.do(bo, "respond", text=f"idea {i}")[0].data["response"] for i in range(4)]
    story.do(ann, "vote", response=responses[0])
    assert error_code(story, ann, "vote", response=responses[0]) == "bad_request"
    story.do(ann, "vote", response=responses[1])
    story.do(ann, "vote", response=responses[2])
    assert error_code(story, ann, "vote", response=responses[3]) == "bad_request"
    story.do(ann, "unvote", response=responses[2])
    story.do(ann, "vote", response=responses[3])


def test_a_round_with_no_votes_agrees_nothing():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    story.do(bo, "respond", text="maybe")
    story.do(ann, "next")
    assert story.room.tables["t1"].notes == []
    assert story.room.tables["t1"].rounds[-1].outcome == "no_agreement"


@pytest.mark.parametrize(
    "actor, type_, fields, code",
    [
        ("ann", "respond", {"text": ""}, "bad_request"),
        ("ann", "respond", {"text": "x" * 501}, "too_long"),
        ("ann", "respond", {"text": 5}, "bad_request"),
        ("ann", "sit", {"table": "t99"}, "not_found"),
        ("ann", "vote", {"response": "r404"}, "not_found"),
        ("ann", "pledge", {"text": "I will"}, "wrong_stage"),
        ("ann", "note", {"text": "good", "kind": "working"}, "wrong_stage"),
        ("ann", "note", {"text": "good", "kind": "agreed"}, "bad_request"),
        ("ann", "start", {}, "forbidden"),
        ("ann", "end", {}, "forbidden"),
        ("ann", "fly", {}, "bad_request"),
        ("host", "stage", {"stage": "party"}, "bad_request"),
        ("host", "timer", {"seconds": -5}, "bad_request"),
        ("host", "timer", {"seconds": "ten"}, "bad_request"),
        ("host", "move", {"player": "p99", "table": "t1"}, "not_found"),
        ("nobody", "draw", {}, "forbidden"),
    ],
)
def test_bad_commands_are_refused_and_change_nothing(actor, type_, fields, code):
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    before = dataclasses.asdict(story.room)
    actor = ann if actor == "ann" else actor
    assert error_code(story, actor, type_, **fields) == code
    assert dataclasses.asdict(story.room) == before


def test_pause_refuses_participants_but_not_the_host():
    story, (ann, bo, cy) = seated_story()
    story.do("host", "pause")
    assert error_code(story, ann, "draw") == "paused"
    story.do("host", "resume")
    story.do(ann, "draw")


def test_an_ended_room_is_read_only():
    story, (ann, bo, cy) = seated_story()
    story.do("host", "end")
    assert story.room.ended and story.room.stage == "closed"
    assert error_code(story, ann, "draw") == "ended"
    assert error_code(story, "host", "start") == "ended"
    assert error_code(story, None, "join", name="Late", perspective="carer", token_hash="x") == "ended"


def test_locked_room_refuses_new_joiners():
    story = Story()
    story.do("host", "lock")
    assert error_code(story, None, "join", name="Zed", perspective="carer", token_hash="z") == "locked"
    story.do("host", "unlock")
    story.join("Zed")


def test_stages_go_forward_and_back_without_losing_anything():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    story.do(bo, "respond", text="kept")
    story.do("host", "stage", stage="reflect")
    story.do(bo, "note", text="the people", kind="working")
    story.do("host", "stage", stage="pledge", table="t1")
    story.do(cy, "pledge", text="I will listen first")
    story.do("host", "stage", stage="play")
    table = story.room.tables["t1"]
    assert table.current.responses[0].text == "kept"
    assert [n.kind for n in table.notes] == ["working"]
    assert table.pledges[0].text == "I will listen first"


def test_deck_reshuffles_when_it_runs_out_and_never_repeats_within_a_shuffle():
    story = Story(cards=5)
    ann = story.join("Ann", table="t1")
    story.do("host", "start")
    drawn = []
    for _ in range(7):
        story.do(ann, "draw")
        drawn.append(story.room.tables["t1"].current.card)
        story.do(ann, "next")
    assert sorted(drawn[:5]) == [f"c{i}" for i in range(1, 6)]
    assert story.room.tables["t1"].shuffles == 2
    shuffles = [e for e in story.log if e.type == "deck_shuffled"]
    assert [e.data["reshuffle"] for e in shuffles] == [False, True]


def test_moving_the_turn_holder_passes_the_turn():
    story, (ann, bo, cy) = seated_story()
    story.do("host", "move", player=ann, table="t2")
    assert story.room.tables["t1"].turn == bo
    assert story.room.tables["t2"].turn == ann
    story.do("host", "remove", player=bo)
    assert story.room.tables["t1"].turn == cy
    assert story.room.players[bo].removed


def test_skip_discards_the_card_and_passes_the_turn():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    story.do(bo, "respond", text="x")
    story.do("host", "skip", table="t1")
    table = story.room.tables["t1"]
    assert table.rounds[-1].outcome == "skipped" and table.turn == bo and table.notes == []
    # between cards the table sees how the last one ended (not an older agreement)
    assert table_view(story.room, "t1", set(), "now")["table"]["last_round"] == {"number": 1, "outcome": "skipped"}


def test_a_skip_sent_for_a_card_already_gone_does_nothing():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    story.do("host", "skip", table="t1", round=1)
    story.do(bo, "draw")
    assert story.do("host", "skip", table="t1", round=1) == []  # a late second press: card 2 stays
    view = table_view(story.room, "t1", set(), "now")["table"]
    assert view["round"] == 2 and view["last_round"] is None


def test_hide_until_reveal_hides_texts_until_everyone_answered():
    story, (ann, bo, cy) = seated_story(hide_until_reveal=True)
    story.do(ann, "draw")
    r = story.do(ann, "respond", text="mine")[0].data["response"]
    view = table_view(story.room, "t1", set(), "now")["table"]
    assert view["hidden"] and view["responses"][0]["text"] is None
    assert error_code(story, bo, "vote", response=r) == "wrong_stage"
    story.do(bo, "respond", text="yours")
    story.do(cy, "respond", text="theirs")
    view = table_view(story.room, "t1", set(), "now")["table"]
    assert not view["hidden"] and [x["text"] for x in view["responses"]] == ["mine", "yours", "theirs"]


def test_turn_holder_can_reveal_early():
    story, (ann, bo, cy) = seated_story(hide_until_reveal=True)
    story.do(ann, "draw")
    story.do(bo, "respond", text="only me")
    assert error_code(story, bo, "reveal") == "not_your_turn"
    story.do(ann, "reveal")
    assert story.room.tables["t1"].current.revealed


def test_words_entered_for_a_person_without_a_device():
    story, (ann, bo, cy) = seated_story()
    gran = story.do(ann, "add_person", name="Gran", perspective="person")[0].data["player"]
    story.do("host", "admit", player=gran)
    story.do(ann, "draw")
    r = story.do(ann, "respond", text="Ask me first", **{"for": gran})[0].data["response"]
    story.do(ann, "vote", response=r, **{"for": gran})
    response = story.room.tables["t1"].current.responses[0]
    assert (response.author, response.entered_by, response.voters) == (gran, ann, [gran])
    assert error_code(story, ann, "respond", text="no", **{"for": bo}) == "forbidden"


def test_more_time_requests_clear_when_the_timer_changes():
    story, (ann, bo, cy) = seated_story()
    story.do("host", "timer", seconds=300)
    story.do(bo, "more_time")
    assert story.room.more_time == [bo]
    story.do("host", "timer", add=120)
    assert story.room.more_time == [] and story.room.timer["seconds"] == 420


def test_keep_in_the_room_only_for_ones_own_words():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    r = story.do(bo, "respond", text="private thought")[0].data["response"]
    assert error_code(story, cy, "keep", item=r, private=True) == "forbidden"
    story.do(bo, "keep", item=r, private=True)
    assert story.room.tables["t1"].current.responses[0].private


def test_views_show_the_card_and_who_is_online():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    view = table_view(story.room, "t1", {ann}, "now")
    assert view["n"] == story.room.n
    assert view["table"]["card"]["text"].startswith("Card number")
    assert [p["connected"] for p in view["table"]["players"]] == [True, False, False]
    host = host_view(story.room, set(), "now")
    assert [t["id"] for t in host["tables"]] == ["t1", "t2"] and len(host["players"]) == 3


def test_replaying_the_log_gives_the_same_state():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    r = story.do(bo, "respond", text="one")[0].data["response"]
    story.do(cy, "vote", response=r)
    story.do(cy, "next")
    story.do("host", "add_table", name="Garden")
    story.do("host", "seat_all")
    story.do("host", "stage", stage="reflect")
    story.do(ann, "note", text="kindness", kind="matters")
    assert dataclasses.asdict(story.replayed()) == dataclasses.asdict(story.room)


def test_an_agreed_note_keeps_the_privacy_of_its_answer():
    story, (ann, bo, cy) = seated_story()
    story.do(ann, "draw")
    r = story.do(bo, "respond", text="between us", private=True)[0].data["response"]
    story.do(cy, "vote", response=r)
    story.do(cy, "next")
    note = story.room.tables["t1"].notes[-1]
    assert note.private and note.source == r
    story.do(bo, "keep", item=r, private=False)
    assert not story.room.tables["t1"].notes[-1].private
    story.do(bo, "keep", item=note.id, private=True)
    assert story.room.tables["t1"].rounds[-1].responses[0].private
    assert dataclasses.asdict(story.replayed()) == dataclasses.asdict(story.room)


def test_a_tablemate_draws_for_someone_without_a_device_and_the_host_can_skip_a_turn():
    story, (ann, bo, cy) = seated_story()
    sam = story.do(ann, "add_person", name="Sam", perspective="person")[0].data["player"]
    story.do("host", "admit", player=sam)
    for player in (ann, bo, cy):
        story.do(player, "draw")
        story.do(player, "next")
    assert story.room.tables["t1"].turn == sam
    assert error_code(story, ann, "draw") == "not_your_turn"
    story.do(ann, "draw", **{"for": sam})
    assert story.room.tables["t1"].current.turn == sam
    story.do(ann, "next")
    story.do("host", "skip", table="t1")  # Ann is away: the host passes her turn on
    assert story.room.tables["t1"].turn == bo
