"""`apply(room, event) -> room`: fold one recorded event into the room's state.

Every decision was already taken by `rules.decide`, and its outcome written into the event
(ids, shuffled order, whose turn), so folding is plain bookkeeping and replay is exact.
The room is changed in place and returned, which keeps replaying a long log cheap.
Here: people, turns, rounds and what was said; each other concern folds its own events
(`HOSTING_HANDLERS` in hosting.py, `BOARD_HANDLERS` in board.py, ...).
"""
from __future__ import annotations

from .board import BOARD_HANDLERS, empty_board
from .cohosts import COHOST_HANDLERS
from .hosting import HOSTING_HANDLERS
from .model import Event, Note, Player, Pledge, Response, Room, Round, Table
from .poetry import POETRY_HANDLERS
from .answers import ANSWER_HANDLERS, mark_used
from .practice import PRACTICE_HANDLERS
from .run_sheet import RUN_SHEET_HANDLERS
from .spotlight import SPOTLIGHT_HANDLERS
from .lookback import LOOK_BACK_HANDLERS
from .plan import PLAN_HANDLERS, plan_from_pledge


def apply(room: Room | None, event: Event) -> Room:
    if event.type == "room_created":
        room = _created(event)
    else:
        HANDLERS[event.type](room, event.data, event)
    room.n += 1
    return room


def replay(events) -> Room | None:
    room = None
    for event in events:
        room = apply(room, event)
    return room


def _created(event: Event) -> Room:
    d = event.data
    room = Room(
        code=d["code"],
        title=d["title"],
        deck=d["deck"],
        host_key_hash=d["host_key_hash"],
        created_at=event.at,
        hide_until_reveal=d.get("hide_until_reveal", False),
        play=d.get("play", "path"),
        admit=d.get("admit", False),
        practice=d.get("practice", False),
        simulated=d.get("simulated", 0),
        run_sheet=d.get("run_sheet"),
        follows=d.get("follows"),
    )
    for table in d["tables"]:
        room.tables[table["id"]] = Table(id=table["id"], name=table["name"], board=empty_board(room))
    room.next_id = d.get("next_id", len(room.tables))
    return room


def _bump(room: Room, data: dict) -> None:
    """Keep the id counter past every id an event introduced."""
    room.next_id = max(room.next_id, data.get("next_id", room.next_id))


def _joined(room: Room, d: dict, event: Event) -> None:
    player = Player(
        id=d["player"],
        name=d["name"],
        perspective=d["perspective"],
        joined_at=event.at,
        token_hash=d.get("token_hash"),
        added_by=d.get("added_by"),
        waiting=d.get("waiting", False),
        wants_table=d.get("wants_table"),
        simulated=d.get("simulated", False),
    )
    room.players[player.id] = player
    if player.token_hash:
        room.tokens[player.token_hash] = player.id
    _bump(room, d)


def _seated(room: Room, d: dict, event: Event) -> None:
    player = room.players[d["player"]]
    if player.table:
        room.tables[player.table].seats.remove(player.id)
    player.table = d["table"]
    if player.table:
        room.tables[player.table].seats.append(player.id)


def _removed(room: Room, d: dict, event: Event) -> None:
    player = room.players[d["player"]]
    if player.table:
        room.tables[player.table].seats.remove(player.id)
    player.removed_from = d.get("table")
    player.table = None
    player.removed = True
    player.waiting = False
    if player.id in room.more_time:
        room.more_time.remove(player.id)


def _admitted(room: Room, d: dict, event: Event) -> None:
    room.players[d["player"]].waiting = False


def _readmitted(room: Room, d: dict, event: Event) -> None:
    room.players[d["player"]].removed = False


def _turn(room: Room, d: dict, event: Event) -> None:
    """The turn moves on; `away`: it was passed on because its holder was away;
    `back`: it came back to them."""
    table = room.tables[d["table"]]
    table.turn = d["turn"]
    if d.get("away"):
        table.away_from = d["away"]
    elif d.get("back") or table.returning:
        table.away_from = table.returning = None


def _back(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].returning = d["player"]


def _shuffled(room: Room, d: dict, event: Event) -> None:
    table = room.tables[d["table"]]
    table.order = list(d["order"])
    table.held = []
    table.shuffles += 1


def _dealt(room: Room, d: dict, event: Event) -> None:
    table = room.tables[d["table"]]
    table.order = list(d["order"])  # the same pile, in a new order (board.py)
    table.held = list(d.get("held", ()))


def _drawn(room: Room, d: dict, event: Event) -> None:
    table = room.tables[d["table"]]
    table.order.remove(d["card"])
    if d["card"] in table.held:
        table.held.remove(d["card"])
    table.rounds.append(
        Round(number=len(table.rounds) + 1, card=d["card"], turn=d["turn"], drawn_at=event.at)
    )


def _words(d: dict, event: Event, key: str) -> dict:
    """The fields every response, note and pledge shares."""
    return {
        "id": d[key],
        "author": d.get("author"),
        "text": d["text"],
        "at": event.at,
        "entered_by": d.get("entered_by"),
        "private": d.get("private", False),
        "symbol": d.get("symbol"),
        "audio": d.get("audio"),
    }


def _responded(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].current.responses.append(Response(**_words(d, event, "response")))
    mark_used(room, d)
    _bump(room, d)


def _response(room: Room, d: dict) -> Response:
    return next(r for r in room.tables[d["table"]].current.responses if r.id == d["response"])


def _voted(room: Room, d: dict, event: Event) -> None:
    response = _response(room, d)
    response.voters.append(d["voter"])
    if d.get("entered_by"):
        response.entered_votes[d["voter"]] = d["entered_by"]


def _unvoted(room: Room, d: dict, event: Event) -> None:
    response = _response(room, d)
    response.voters.remove(d["voter"])
    response.entered_votes.pop(d["voter"], None)


def _tied(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].current.tie = list(d["tied"])


def _revealed(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].current.revealed = True


def _round_ended(room: Room, d: dict, event: Event) -> None:
    table = room.tables[d["table"]]
    current = table.current
    current.outcome = d["outcome"]
    current.agreed = d.get("agreed")
    current.how = d.get("how", "votes" if d.get("agreed") else None)
    if d.get("note"):
        source = next((r for r in current.responses if r.id == d.get("agreed")), None)
        table.notes.append(
            Note(
                id=d["note"],
                kind="agreed",
                text=d["text"],
                author=d.get("author"),
                at=event.at,
                card=current.card,
                entered_by=d.get("entered_by"),
                private=d.get("private", False),
                source=d.get("agreed"),
                symbol=d.get("symbol"),
                audio=d.get("audio"),
                how=current.how,
                words_by=source.words_by if source else None,
            )
        )
    _bump(room, d)


def _noted(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].notes.append(Note(kind=d["kind"], **_words(d, event, "note")))
    mark_used(room, d)
    _bump(room, d)


def _pledged(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].pledges.append(Pledge(**_words(d, event, "pledge"), by=d.get("by"), who=d.get("who")))
    plan_from_pledge(room, d, event)
    mark_used(room, d)
    _bump(room, d)


def _privacy(room: Room, d: dict, event: Event) -> None:
    """An agreed note and the answer it came from are one thing: privacy covers both."""
    table, item = room.find_item(d["item"])
    source = getattr(item, "source", None) or item.id
    linked = [n for n in table.notes if n.source == source]
    for round_ in table.rounds:
        linked += [r for r in round_.responses if r.id == source]
    for thing in (item, *linked):
        thing.private = d["private"]


def _more_time(room: Room, d: dict, event: Event) -> None:
    if d["player"] not in room.more_time:
        room.more_time.append(d["player"])


HANDLERS = {
    "player_joined": _joined,
    "player_seated": _seated,
    "player_removed": _removed,
    "player_admitted": _admitted,
    "player_readmitted": _readmitted,
    "turn_passed": _turn,
    "player_back": _back,
    "deck_shuffled": _shuffled,
    "deck_dealt": _dealt,
    "card_drawn": _drawn,
    "response_added": _responded,
    "vote_cast": _voted,
    "vote_withdrawn": _unvoted,
    "responses_revealed": _revealed,
    "round_tied": _tied,
    "round_ended": _round_ended,
    "note_added": _noted,
    "pledge_added": _pledged,
    "privacy_set": _privacy,
    "more_time_asked": _more_time,
    **HOSTING_HANDLERS,
    **COHOST_HANDLERS,
    **BOARD_HANDLERS,
    **POETRY_HANDLERS,
    **ANSWER_HANDLERS,
    **PRACTICE_HANDLERS, **SPOTLIGHT_HANDLERS, **RUN_SHEET_HANDLERS,
    **PLAN_HANDLERS, **LOOK_BACK_HANDLERS,
}
EVENT_TYPES = ("room_created", *HANDLERS)
