"""The participants' moves: join, sit, draw, respond, vote, next, note, pledge and friends.

Each move reads the room and the command and returns the events it causes, or raises
`RuleError`. Time (`at`) and chance (`seed`) arrive on the command.
"""
from __future__ import annotations

import random
import unicodedata

from .checks import (
    RuleError,
    flag,
    moved_on,
    player_of,
    require_admitted,
    seated_player,
    speaker,
    table_of,
)
from .agreement import agree, everyone_answered, next_card, reveal
from .model import MAX_NAME, MAX_WITHOUT_DEVICE, NOTE_KINDS, VOTES_PER_CARD, Room
from .moves import event, join_table, new_id, seat, turn_events
from .perspectives import choices
from .plan import pledge_fields
from .poetry import poem
from .answers import add_words, said_fields
from .board import path_order

MAX_RESPONSES_PER_CARD = 60


def clean_name(command: dict) -> str:
    name = command.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RuleError("bad_request", "Please tell us your first name.")
    name = " ".join("".join(ch for ch in name if unicodedata.category(ch)[0] != "C").split())
    if not name:
        raise RuleError("bad_request", "Please tell us your first name.")
    if len(name) > MAX_NAME:
        raise RuleError("too_long", f"Please use a shorter name (up to {MAX_NAME} letters).")
    return name


def clean_perspective(room: Room, command: dict) -> str:
    """One of the room's "I am here as ..." choices: its deck's perspectives and `other`."""
    perspective = command.get("perspective")
    if not isinstance(perspective, str) or perspective not in choices(room.deck):
        raise RuleError("bad_request", "Please choose how you are here (I am here as ...).")
    return perspective


def _joined(room: Room, command: dict, **extra):
    """A new person in the room, with a checked name and perspective and a new id."""
    player_id, next_id = new_id(room, "p")
    return event(
        command,
        "player_joined",
        player=player_id,
        name=clean_name(command),
        perspective=clean_perspective(room, command),
        **extra,
        next_id=next_id,
    )


def join(room: Room, command: dict):
    """A newcomer; when the facilitator admits each joiner, they wait to be let in."""
    if room.ended:
        raise RuleError("ended", "This workshop has ended, so nobody new can join.")
    if room.locked:
        raise RuleError("locked", "This workshop is not taking new people just now. Please ask the facilitator.")
    return [_joined(room, command, token_hash=command["token_hash"], waiting=room.admit)]


def add_person(room: Room, command: dict):
    """Add someone without a device to a table, so others can enter their words and votes.
    The host adds them at once; a participant's request waits for the host to let them in,
    so nobody can decide a table's agreement alone by adding voters."""
    host = command.get("actor") == "host"
    if host:
        table = table_of(room, command.get("table")) if command.get("table") is not None else None
    else:
        _, table = seated_player(room, command)
    if table is not None:
        helped = [p for p in room.players.values() if p.token_hash is None and not p.removed]
        if sum(1 for p in helped if table.id in (p.table, p.wants_table)) >= MAX_WITHOUT_DEVICE:
            raise RuleError("bad_request", f"A table can have up to {MAX_WITHOUT_DEVICE} people without a device.")
    if not host:
        return [_joined(room, command, added_by=command["actor"], waiting=True, wants_table=table.id)]
    events = [_joined(room, command, added_by="host")]
    player_id = events[0].data["player"]
    if table is not None:
        events.append(event(command, "player_seated", player=player_id, table=table.id, **{"from": None}))
        events += join_table(command, room, player_id, table)
    return events


def sit(room: Room, command: dict):
    player = room.players.get(command.get("actor"))
    if player is None or player.removed:
        raise RuleError("forbidden", "Only people taking part can choose a table.")
    require_admitted(player)
    return seat(command, room, player.id, table_of(room, command.get("table")))


def draw(room: Room, command: dict):
    """The turn-holder draws; for someone without a device, a tablemate draws `for` them."""
    player, table, _ = speaker(room, command)
    if table.current is not None:
        raise RuleError("bad_request", "There is already a card on the table. Press 'Next card' when you are ready.")
    events = []
    if table.turn is None:
        events += turn_events(command, table, player.id)
    elif table.turn != player.id:
        name = room.players[table.turn].name
        raise RuleError("not_your_turn", f"It is {name}'s turn to draw a card.")
    order = list(table.order)
    if not order:
        order = [card["id"] for card in room.deck["cards"]]
        seed = command.get("seed")
        rng = random.Random(seed if isinstance(seed, int) else 0)
        rng.shuffle(order)
        order = path_order(room, table, order)
        events.append(event(command, "deck_shuffled", table=table.id, order=order, reshuffle=table.shuffles > 0))
    events.append(event(command, "card_drawn", table=table.id, card=order[0], turn=player.id))
    return events


def _card_in_play(room: Room, command: dict):
    """Who speaks, at which table, and the round open there (there must be one)."""
    person, table, entered_by = speaker(room, command)
    if moved_on(command, table):
        raise RuleError("wrong_stage", "The table has moved on from that card.")
    if table.current is None:
        raise RuleError("wrong_stage", "There is no card on the table yet.")
    return person, table, entered_by, table.current


def _words(room: Room, command: dict, type_: str, key: str, prefix: str, person, table, entered_by, **extra):
    """The event for words someone said (a response, note or pledge), with a new id."""
    item_id, next_id = new_id(room, prefix)
    return event(
        command,
        type_,
        table=table.id,
        **{key: item_id},
        **extra,
        author=person.id if person else None,
        **said_fields(room, command, person, entered_by, symbols=type_ != "pledge_added"),
        entered_by=entered_by,
        private=flag(command, "private"),
        next_id=next_id,
    )


def respond(room: Room, command: dict):
    person, table, entered_by, current = _card_in_play(room, command)
    if len(current.responses) >= MAX_RESPONSES_PER_CARD:
        raise RuleError("too_long", "This card has a lot of answers already. Press 'Next card' to go on.")
    added = _words(room, command, "response_added", "response", "r", person, table, entered_by)
    if any(_same_answer(r, added.data) for r in current.responses):
        raise RuleError("bad_request", "You have given that answer to this card already.")
    events = [added]
    if room.hide_until_reveal and not current.revealed and everyone_answered(room, table, also=person.id):
        events.append(event(command, "responses_revealed", table=table.id))
    return events


def _same_answer(response, said: dict) -> bool:
    """The same person's same words and picture again: a second press (the form looked unsent),
    not a second answer; it would count twice in the table's spread. A recording is never the
    same as another."""
    return (response.author == said["author"] and response.audio is None and "audio" not in said
            and response.symbol == said.get("symbol") and response.text.casefold() == said["text"].casefold())


def _voting(room: Room, command: dict):
    person, table, _, current = _card_in_play(room, command)
    response = next((r for r in current.responses if r.id == command.get("response")), None)
    if response is None:
        raise RuleError("not_found", "That answer is not on this card.")
    if room.hide_until_reveal and not current.revealed:
        raise RuleError("wrong_stage", "Voting opens when the answers are shown.")
    return person, table, current, response


def vote(room: Room, command: dict):
    person, table, current, response = _voting(room, command)
    entered_by = command.get("actor") if command.get("actor") != person.id else None
    if person.id in response.voters:
        raise RuleError("bad_request", "You have already voted for that answer.")
    used = sum(r.voters.count(person.id) for r in current.responses)
    if used >= VOTES_PER_CARD:
        raise RuleError("bad_request", f"You have used all {VOTES_PER_CARD} votes for this card. You can take one back.")
    return [event(command, "vote_cast", table=table.id, response=response.id, voter=person.id, entered_by=entered_by)]


def unvote(room: Room, command: dict):
    person, table, _, response = _voting(room, command)
    if person.id not in response.voters:
        raise RuleError("bad_request", "You have not voted for that answer.")
    return [event(command, "vote_withdrawn", table=table.id, response=response.id, voter=person.id)]


def note(room: Room, command: dict):
    kind = command.get("kind", "note")
    if kind not in NOTE_KINDS or kind == "agreed":
        raise RuleError("bad_request", "Notes can be: note, working, not_working or matters.")
    if command.get("actor") == "host" and command.get("for") is None:
        person, table, entered_by = None, table_of(room, command.get("table")), "host"
    else:
        person, table, entered_by = speaker(room, command)
    return [_words(room, command, "note_added", "note", "n", person, table, entered_by, kind=kind)]


def pledge(room: Room, command: dict):
    """A pledge, perhaps with who will do it (`who`) and by when (`by`): on the plan at once."""
    person, table, entered_by = speaker(room, command)
    return [_words(room, command, "pledge_added", "pledge", "g", person, table, entered_by, **pledge_fields(command))]


def keep(room: Room, command: dict):
    """Mark one's own response, note or pledge as 'keep this in the room' (or share it again)."""
    table, item = room.find_item(command.get("item"))
    if item is None:
        raise RuleError("not_found", "That answer, note or pledge does not exist.")
    actor = command.get("actor")
    if actor != "host" and actor not in (item.author, item.entered_by):
        raise RuleError("forbidden", "You can only change your own words.")
    private = flag(command, "private") if "private" in command else True
    if item.private == private:
        return []
    return [event(command, "privacy_set", table=table.id, item=item.id, private=private)]


def more_time(room: Room, command: dict):
    player = player_of(room, command.get("actor"))
    if player.id in room.more_time:
        return []
    return [event(command, "more_time_asked", player=player.id, table=player.table)]


PLAYER_MOVES = {
    "sit": sit,
    "draw": draw,
    "respond": respond,
    "add_words": add_words,
    "vote": vote,
    "unvote": unvote,
    "reveal": reveal,
    "next": next_card,
    "agree": agree,
    "poem": poem,
    "note": note,
    "pledge": pledge,
    "keep": keep,
    "more_time": more_time,
    "add_person": add_person,
}
