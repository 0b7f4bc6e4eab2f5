"""The board: tiles in the card's colour, outcomes met when enough colours meet, the whole
path, and nothing for skipped or unagreed cards; replay gives the same board."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.game import RuleError, table_view
from server.game.voice import voice

from .story import Story

SIDES = ("person", "carer", "support_worker", "manager", "anyone")


def board_deck(needed=None, outcomes=("choice", "home"), per_outcome=5):
    deck = {
        "id": "board",
        "title": "Board deck",
        "language": "en-GB",
        "perspectives": {side: side for side in SIDES},
        "outcomes": [
            {"id": o, "name": o.title(), "easy": o, "icon": "home", "statement": f"I have {o}"} for o in outcomes
        ],
        "cards": [
            {"id": f"{o}-{i}", "type": "scenario", "perspective": SIDES[i % len(SIDES)], "outcome": o,
             "text": f"A card about {o}.", "easy": "A card.", "icon": "home"}
            for o in outcomes
            for i in range(per_outcome)
        ],
    }  # fmt: skip
    if needed is not None:
        deck["needed"] = needed
    return deck


def table_of_two(**kw):
    story = Story(**kw)
    ann, bo = story.join("Ann", table="t1"), story.join("Bo", "carer", table="t1")
    story.do("host", "start")
    return story, ann, bo


def play_round(story, outcome="agree"):
    """Draw (whoever's turn), answer, and end the round: agree, no votes, skip (out of the
    game) or skip for later (back in the pile)."""
    table = story.room.tables["t1"]
    story.do(table.turn, "draw")
    card = story.room.cards[table.current.card]
    answer = story.do(table.turn, "respond", text="An answer")[0].data["response"]
    if outcome in ("skip", "later"):
        events = story.do("host", "skip", table="t1", later=outcome == "later")
    else:
        if outcome == "agree":
            story.do(table.turn, "vote", response=answer)
        events = story.do(table.turn, "next")
    return card, [e.type for e in events]


def test_an_agreed_card_places_a_tile_in_its_perspective_colour_on_its_outcome():
    story, ann, bo = table_of_two(deck=board_deck())
    card, _ = play_round(story)
    tiles = story.room.tables["t1"].board[card["outcome"]]
    assert tiles == [{"perspective": card["perspective"], "card": card["id"]}]
    view = table_view(story.room, "t1", set(), "now")["table"]
    spot = next(o for o in view["board"]["outcomes"] if o["id"] == card["outcome"])
    assert spot["tiles"] == tiles and spot["statement"] == f"I have {card['outcome']}"


def test_skipped_cards_and_cards_with_no_agreement_place_nothing():
    story, ann, bo = table_of_two(deck=board_deck())
    play_round(story, "skip")
    play_round(story, "no votes")
    assert all(tiles == [] for tiles in story.room.tables["t1"].board.values())


@pytest.mark.parametrize("needed", [1, 2, 4])
def test_an_outcome_is_met_when_its_tiles_cover_needed_colours(needed):
    story, ann, bo = table_of_two(deck=board_deck(needed=needed, outcomes=("choice",), per_outcome=5))
    met_after = None
    for number in range(1, 6):
        _, types = play_round(story)
        if "outcome_met" in types:
            met_after = number
    # the five cards are person, carer, support_worker, manager, anyone in some order
    order = [story.room.cards[r.card]["perspective"] for r in story.room.tables["t1"].rounds]
    colours_seen = [len({p for p in order[:i] if p != "anyone"}) for i in range(1, 6)]
    assert met_after == colours_seen.index(needed) + 1
    assert story.room.tables["t1"].path_complete  # one outcome: met is the whole path


def test_anyone_tiles_count_for_no_colour():
    deck = board_deck(needed=1, outcomes=("choice",), per_outcome=1)
    deck["cards"][0]["perspective"] = "anyone"
    story, ann, bo = table_of_two(deck=deck)
    _, types = play_round(story)
    assert "tile_placed" in types and "outcome_met" not in types


def test_open_play_has_no_board():
    story, ann, bo = table_of_two(deck=board_deck(needed=1), play="open")
    _, types = play_round(story)
    assert "tile_placed" not in types
    assert table_view(story.room, "t1", set(), "now")["table"]["board"] is None


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["agree", "agree", "skip", "no votes"]), min_size=1, max_size=14), st.integers(1, 4))
def test_the_board_follows_from_the_agreed_rounds_and_replays_exactly(plan, needed):
    story, ann, bo = table_of_two(deck=board_deck(needed=needed, outcomes=("choice", "home", "work"), per_outcome=5))
    met_events = []
    for step in plan:
        _, types = play_round(story, step)
        met_events += [t for t in types if t in ("outcome_met", "path_complete")]
    table = story.room.tables["t1"]
    expected = {o: [] for o in table.board}
    for round_ in table.rounds:
        if round_.outcome == "agreed":
            card = story.room.cards[round_.card]
            expected[card["outcome"]].append({"perspective": card["perspective"], "card": card["id"]})
    assert table.board == expected
    met = {o for o, tiles in expected.items() if len({t["perspective"] for t in tiles} - {"anyone"}) >= needed}
    assert set(table.met) == met and met_events.count("outcome_met") == len(met)
    assert table.path_complete == (len(met) == 3) == ("path_complete" in met_events)
    again = story.replayed().tables["t1"]
    assert (again.board, again.met, again.path_complete) == (table.board, table.met, table.path_complete)


def test_poets_corner_one_line_each_after_a_reflection_card():
    story = Story(cards=8)
    ann, bo = story.join("Ann", table="t1"), story.join("Bo", table="t1")
    story.do("host", "start")
    table = story.room.tables["t1"]
    while True:
        story.do(table.turn, "draw")
        if story.room.cards[table.current.card]["type"] == "reflection":
            break
        with pytest.raises(Exception):
            story.do(ann, "poem", text="Too early")
        story.do("host", "skip", table="t1")
    story.do(ann, "poem", text="We  listen\nslowly")
    with pytest.raises(Exception):
        story.do(ann, "poem", text="A second line")
    story.do("host", "skip", table="t1")
    story.do(bo, "poem", text="and hear")  # still the last card
    lines = table_view(story.room, "t1", set(), "now")["table"]["poem"]
    assert [(line["text"], line["author_name"]) for line in lines] == [("We listen slowly", "Ann"), ("and hear", "Bo")]


def test_voice_balance_counts_people_words_votes_and_agreements_by_perspective():
    story = Story()
    ann = story.join("Ann", "person", table="t1")
    bo = story.join("Bo", "carer", table="t1")
    cy = story.join("Cy", "manager", table="t2")
    story.join("Di", "health")  # not yet seated
    gran = story.do("host", "add_person", name="Gran", perspective="person", table="t1")[0].data["player"]
    story.do("host", "start")
    story.do(ann, "draw")
    mine = story.do(ann, "respond", text="mine")[0].data["response"]
    story.do(bo, "respond", text="his")
    story.do(ann, "respond", text="for gran", **{"for": gran})
    story.do(bo, "vote", response=mine)
    story.do(ann, "vote", response=mine, **{"for": gran})
    story.do(bo, "next")
    counts = voice(story.room)
    assert counts["tables"]["t1"]["person"] == {"people": 2, "responses": 2, "votes": 2, "agreed": 1}
    assert counts["tables"]["t1"]["carer"] == {"people": 1, "responses": 1, "votes": 0, "agreed": 0}
    assert counts["tables"]["t2"] == {"manager": {"people": 1, "responses": 0, "votes": 0, "agreed": 0}}
    assert counts["room"]["health"]["people"] == 1 and counts["room"]["person"]["responses"] == 2


def test_the_answers_on_a_skipped_card_count_for_nobody_live_as_in_the_reports():
    story, ann, bo = table_of_two(deck=board_deck())
    play_round(story)  # Ann's or Bo's answer, agreed
    before = voice(story.room)["tables"]["t1"]
    play_round(story, "skip")  # answered, then the facilitator skipped it: it keeps none
    after = voice(story.room)["tables"]["t1"]
    assert after == before
    assert sum(c["responses"] for c in after.values()) == 1


@pytest.mark.parametrize("deck_id", ["everyday-lives", "living-well-with-dementia", "my-life-my-choices"])
def test_the_deck_is_dealt_along_the_path_so_agreeing_meets_an_outcome_every_needed_cards(deck_id):
    from server.decks import load_decks

    deck = load_decks("decks")[deck_id]
    story = Story(deck=deck)
    story.join("Ann", "other", table="t1"), story.join("Bo", "other", table="t1")
    story.do("host", "start")
    table = story.room.tables["t1"]
    met_at = []
    for number in range(1, 2 * story.room.deck.get("needed", 4) + 1):
        _, types = play_round(story)
        if "outcome_met" in types:
            met_at.append(number)
    needed = story.room.deck.get("needed", 4)
    assert met_at == [needed, 2 * needed]
    assert table.met == [o["id"] for o in deck["outcomes"][:2]]  # walked in the path's order
    order = [r.card for r in table.rounds] + table.order
    assert sorted(order) == sorted(card["id"] for card in deck["cards"])  # every card, once


@pytest.mark.parametrize("deck_id", ["everyday-lives", "living-well-with-dementia", "my-life-my-choices"])
def test_a_card_put_back_for_later_comes_again_so_its_outcome_is_not_stuck(deck_id):
    """Each shipped deck has about one card per colour for its first outcome: skip one "for
    later" and it comes back after the next `needed` cards, so the first outcome is still met,
    instead of staying a colour short for the rest of the workshop."""
    from server.decks import load_decks

    deck = load_decks("decks")[deck_id]
    story = Story(deck=deck)
    story.join("Ann", "other", table="t1"), story.join("Bo", "other", table="t1")
    story.do("host", "start")
    table = story.room.tables["t1"]
    needed = story.room.deck.get("needed", 4)
    first = deck["outcomes"][0]["id"]
    for number in range(1, 2 * needed + 2):
        card, types = play_round(story, outcome="later" if number == 2 else "agree")
        if number == 2:
            assert "deck_dealt" in types and table.order.index(card["id"]) == needed  # not straight back
        if first in table.met:
            break
    assert first in table.met
    assert story.replayed().tables["t1"].order == table.order


@pytest.mark.parametrize("deck_id", ["everyday-lives", "living-well-with-dementia", "my-life-my-choices"])
def test_a_card_put_back_keeps_its_place_through_later_deals(deck_id):
    """Another card that places nothing deals the pile again: a card put back for later still
    comes when the facilitator was told (after four cards), not next nor at the bottom."""
    from server.decks import load_decks

    story = Story(deck=load_decks("decks")[deck_id])
    story.join("Ann", "other", table="t1"), story.join("Bo", "other", table="t1")
    story.do("host", "start")
    table = story.room.tables["t1"]
    needed = story.room.deck.get("needed", 4)
    held = play_round(story, outcome="later")[0]["id"]
    for gone in range(1, needed + 1):  # four cards come first, two of them placing nothing
        play_round(story, outcome="none" if gone % 2 else "later")
        assert table.order.index(held) == needed - gone
    assert play_round(story)[0]["id"] == held
    assert story.replayed().tables["t1"].order == table.order and story.replayed().tables["t1"].held == table.held


def test_a_card_taken_out_of_the_game_never_comes_back_and_skips_move_on():
    """A card skipped without "later" (one that upset someone, say) is gone for good, and a
    run of skips walks through the pile instead of meeting the same cards again."""
    deck = board_deck(outcomes=("choice", "home"), per_outcome=6)
    story, _, _ = table_of_two(deck=deck)
    story.do(story.room.tables["t1"].turn, "draw")
    with pytest.raises(RuleError):
        story.do("host", "skip", table="t1", later="yes")
    story.do("host", "skip", table="t1")
    seen = [play_round(story, outcome="skip")[0]["id"] for _ in range(7)]
    assert len(set(seen)) == 7 and not set(seen) & set(story.room.tables["t1"].order)
    assert story.replayed().tables["t1"].order == story.room.tables["t1"].order


def test_a_card_nobody_agreed_on_is_not_dealt_again():
    deck = board_deck(outcomes=("choice", "home"), per_outcome=6)
    story, _, _ = table_of_two(deck=deck)
    card, types = play_round(story, outcome="none")
    assert card["id"] not in story.room.tables["t1"].order
    assert story.replayed().tables["t1"].order == story.room.tables["t1"].order


def test_open_play_keeps_the_plain_shuffle():
    deck = board_deck(outcomes=("choice", "home", "work"), per_outcome=5)
    path, _, _ = table_of_two(deck=deck)
    plain, _, _ = table_of_two(deck=deck, play="open")
    for story in (path, plain):
        story.do(story.room.tables["t1"].turn, "draw")
    dealt = [path.room.tables["t1"].rounds[0].card] + path.room.tables["t1"].order
    shuffled = [plain.room.tables["t1"].rounds[0].card] + plain.room.tables["t1"].order
    assert sorted(dealt) == sorted(shuffled) and dealt != shuffled
    assert [c.split("-")[0] for c in dealt[:4]] == ["choice"] * 4  # the first space's cards first
