"""Practice rooms: simulated players go through the same rules as people."""
import pytest

from server.game import RuleError, apply, decide, host_view, table_view
from server.game.practice import ANSWERS, MAX_SIMULATED, POEM_LINES, POETS_PER_CARD, bot_moves, practice_lines

from .story import Story, small_deck


def practice_story(simulated=6, **kw):
    return Story(practice=True, simulated=simulated, **kw)


def run(story, command):
    """Run one of the simulated players' commands as the server does."""
    if command["type"] == "simulate":
        command = dict(command, token_hash=f"sim-{story.room.next_id}")
    events = decide(story.room, dict(command, seed=11))
    for event in events:
        story.room = apply(story.room, event)
    story.log += events
    return events


def drive(story, steps=40, seed=1):
    """Let the simulated players play `steps` steps; returns every command they sent."""
    sent = []
    for step in range(steps):
        moves = bot_moves(story.room, story.at(), seed + step)
        for move in moves:
            run(story, move)
        sent += moves
    return sent


def bots(room):
    return [p for p in room.players.values() if p.simulated]


def test_a_practice_room_says_so_in_its_first_event():
    story = practice_story(simulated=4)
    assert story.log[0].data["practice"] is True and story.log[0].data["simulated"] == 4
    assert "practice" not in Story().log[0].data


@pytest.mark.parametrize("count", [0, MAX_SIMULATED + 1, "6", True])
def test_a_sensible_number_of_simulated_players(count):
    with pytest.raises(RuleError) as err:
        practice_story(simulated=count)
    assert err.value.code == "bad_request"


def test_simulated_players_join_one_by_one_with_different_perspectives_and_sit_mixed():
    story = practice_story()
    drive(story, steps=8)
    players = bots(story.room)
    assert len(players) == 6 and len({p.perspective for p in players}) == 6
    assert all(p.table for p in players)
    for table in story.room.tables.values():
        sides = [story.room.players[p].perspective for p in table.seats]
        assert len(sides) == 3 and len(set(sides)) == 3


def test_a_real_workshop_refuses_simulated_players_and_pace():
    story = Story()
    with pytest.raises(RuleError) as err:
        story.do("system", "simulate", name="Amira", perspective="person", token_hash="x")
    assert err.value.code == "forbidden"
    with pytest.raises(RuleError):
        story.do("host", "practice", pace="fast")
    assert bot_moves(story.room, story.at(), 1) == []


def test_only_the_server_adds_simulated_players_and_only_as_many_as_asked():
    story = practice_story(simulated=1)
    for actor in ("host", None, "p1"):
        with pytest.raises(RuleError):
            story.do(actor, "simulate", name="Amira", perspective="person", token_hash="x")
    story.do("system", "simulate", name="Amira", perspective="person", token_hash="x")
    with pytest.raises(RuleError):
        story.do("system", "simulate", name="Ben", perspective="carer", token_hash="y")


def test_simulated_players_play_whole_rounds_by_the_rules():
    story = practice_story()
    drive(story, steps=8)
    story.do("host", "start")
    sent = drive(story, steps=40)
    assert {"draw", "respond", "vote", "next"} <= {m["type"] for m in sent}
    for table in story.room.tables.values():
        finished = [r for r in table.rounds if r.outcome]
        assert len(finished) >= 3
        agreed = [n for n in table.notes if n.kind == "agreed"]
        assert agreed and all(n.text in ANSWERS for n in agreed)
    # every move is an ordinary command with the player's own id as actor
    assert all(m["actor"] in story.room.players for m in sent if m["type"] != "simulate")


def test_they_wait_for_a_person_at_their_table():
    story = practice_story(simulated=2)
    drive(story, steps=4)
    ann = story.join("Ann", "carer", table="t1")
    story.do("host", "start")
    drive(story, steps=12)
    table = story.room.tables["t1"]
    if table.turn == ann and table.current is None:
        story.do(ann, "draw")
        drive(story, steps=12)
    assert table.current is not None and table.current.outcome is None  # waiting for Ann's answer
    response = story.do(ann, "respond", text="I would ask first")[0].data["response"]
    drive(story, steps=12)
    assert table.rounds[0].outcome is not None
    assert response in {r.id for r in table.rounds[0].responses}


def test_they_show_hidden_answers_choose_on_a_tie_reflect_and_pledge():
    story = practice_story(simulated=4, hide_until_reveal=True)
    drive(story, steps=6)
    story.do("host", "start")
    sent = drive(story, steps=60)
    assert "agree" in {m["type"] for m in sent}  # a tie, chosen together
    rounds = [r for t in story.room.tables.values() for r in t.rounds if r.outcome]
    assert rounds and all(r.revealed for r in rounds)
    story.do("host", "stage", stage="reflect")
    drive(story, steps=6)
    kinds = {n.kind for t in story.room.tables.values() for n in t.notes}
    assert {"working", "not_working"} <= kinds
    story.do("host", "stage", stage="pledge")
    drive(story, steps=6)
    assert sum(len(t.pledges) for t in story.room.tables.values()) == 4
    assert drive(story, steps=3) == []  # nothing more to do


def test_pace_pause_and_the_room_pause_stop_them():
    story = practice_story()
    story.do("host", "practice", pace="paused")
    assert story.room.pace == "paused" and bot_moves(story.room, story.at(), 1) == []
    story.do("host", "practice", pace="fast")
    assert bot_moves(story.room, story.at(), 1)
    story.do("host", "pause")
    assert bot_moves(story.room, story.at(), 1) == []
    with pytest.raises(RuleError):
        story.do("host", "practice", pace="very fast")
    assert story.do("host", "practice", pace="fast") == []  # no change, no event


def test_bot_moves_is_pure_and_repeatable():
    one, two = practice_story(), practice_story()
    assert drive(one, steps=20, seed=5) == drive(two, steps=20, seed=5)


def test_the_host_view_marks_simulated_players_and_table_views_show_them_as_people():
    story = practice_story(simulated=2)
    drive(story, steps=4)
    view = host_view(story.room, set(), story.at())
    assert [p.get("simulated") for p in view["players"]] == [True, True]
    assert view["practice"] == {"pace": "normal", "simulated": 2}
    real = Story()
    real.join("Ann")
    assert "simulated" not in host_view(real.room, set(), real.at())["players"][0]
    assert host_view(real.room, set(), real.at())["practice"] is None
    assert table_view(story.room, "t1", set(), story.at())["table"]["players"][0]["simulated"] is True


def test_lines_come_from_the_card_then_the_deck_then_plain_defaults():
    deck = small_deck()
    deck["practice"] = ["Deck line one.", "Deck line two."]
    deck["cards"][0]["practice"] = ["Card line."]
    room = practice_story(deck=deck).room
    assert practice_lines(room, "c1") == ["Card line."]
    assert practice_lines(room, "c2") == ["Deck line one.", "Deck line two."]
    assert practice_lines(practice_story().room, "c2") == list(ANSWERS)


def test_replaying_a_practice_log_gives_the_same_room():
    story = practice_story()
    drive(story, steps=8)
    story.do("host", "start")
    drive(story, steps=20)
    again = story.replayed()
    assert again.practice and [p.simulated for p in again.players.values()] == [p.simulated for p in story.room.players.values()]
    assert host_view(again, set(), "now") == host_view(story.room, set(), "now")


def test_after_a_reflection_card_two_of_them_add_a_line_to_the_poem():
    story = practice_story()
    drive(story, steps=8)
    story.do("host", "start")
    sent = drive(story, steps=60)
    assert "poem" in {m["type"] for m in sent}
    for table in story.room.tables.values():
        reflections = {r.card for r in table.rounds if story.room.cards[r.card]["type"] == "reflection"}
        for card in reflections:
            lines = [line for line in table.poem if line.card == card]
            assert 1 <= len(lines) <= POETS_PER_CARD
            assert all(line.text in POEM_LINES for line in lines)
        assert not [line for line in table.poem if line.card not in reflections]
