"""The room's perspectives: people join as one of its deck's (or `other`), views name them
the deck's way and carry the legend; older rooms (an id -> label table) still work."""
from __future__ import annotations

from pathlib import Path

import pytest

from server.decks import load_decks, parse_deck
from server.game import PERSPECTIVES, RuleError, host_view, table_view
from server.game.perspectives import choices, legend, name_of

from .story import Story

ROOT = Path(__file__).resolve().parents[2]
DECKS = load_decks(ROOT / "decks")


def test_people_join_as_the_decks_perspectives_or_other():
    story = Story(deck=DECKS["living-well-with-dementia"])
    for side in ("person", "family", "care_worker", "health", "manager", "neighbour", "other"):
        story.join(f"Someone {side}", side)
    for wrong in ("carer", "anyone", "", None, ["family"], {"id": "family"}, "FAMILY"):
        with pytest.raises(RuleError) as caught:
            story.do(None, "join", name="Eve", perspective=wrong, token_hash="h-eve")
        assert caught.value.code == "bad_request"


def test_someone_without_a_device_is_added_as_one_of_the_rooms_perspectives():
    story = Story(deck=DECKS["my-life-my-choices"])
    with pytest.raises(RuleError):
        story.do("host", "add_person", name="Fred", perspective="carer")
    player = story.do("host", "add_person", name="Fred", perspective="family")[0].data["player"]
    assert story.room.players[player].perspective == "family"


def test_a_deck_that_declares_no_perspectives_offers_the_defaults():
    deck = dict(DECKS["everyday-lives"], perspectives=[])
    assert list(choices(deck)) == list(PERSPECTIVES)
    story = Story(deck=deck)
    story.join("Ann", "commissioner")


def test_views_name_perspectives_the_decks_way_and_carry_its_legend():
    story = Story(deck=DECKS["living-well-with-dementia"])
    ann = story.join("Ann", "family", table="t1")
    story.do("host", "start")
    story.do(ann, "draw")
    view = table_view(story.room, "t1", set(), "now")
    assert view["table"]["players"][0]["perspective_label"] == "a partner or family member"
    card = view["table"]["card"]
    assert card["outcome"] in {o["id"] for o in DECKS["living-well-with-dementia"]["outcomes"]}
    assert card["perspective_label"] == name_of(story.room.deck, card["perspective"])
    entries = {e["id"]: e for e in view["room"]["legend"]}
    assert entries["family"]["colour"] == "#56B4E9" and entries["family"]["choice"] is True
    assert entries["anyone"]["choice"] is False and entries["other"]["name"] == "someone else who cares about this"
    host = host_view(story.room, set(), "now")
    assert host["room"]["legend"] == view["room"]["legend"]
    assert host["perspectives"]["family"] == "a partner or family member" and "anyone" not in host["perspectives"]


def test_an_older_room_with_a_table_of_labels_still_works():
    deck = dict(DECKS["everyday-lives"], perspectives={"person": "A person who gets care or support", "anyone": "Anyone"})
    del deck["legend"]
    story = Story(deck=deck)
    story.join("Ann", "person", table="t1")
    entries = {e["id"]: e for e in legend(deck)}
    assert entries["person"]["name"] == "A person who gets care or support" and entries["person"]["colour"] is None
    assert entries["person"]["icon"] == "person" and entries["other"]["choice"] is True
    assert table_view(story.room, "t1", set(), "now")["table"]["players"][0]["perspective_label"] == (
        "A person who gets care or support"
    )


def test_an_uploaded_deck_names_its_own_perspectives():
    text = (ROOT / "tests" / "fixtures" / "decks" / "good-minimal.toml").read_text()
    deck = parse_deck(text.replace('name = "a family carer"', 'name = "a grandparent"'), "upload")
    assert name_of(deck, "carer") == "a grandparent" and name_of(deck, "other") == "someone else who cares about this"
    assert name_of(deck, "nobody-knows") == "someone"
