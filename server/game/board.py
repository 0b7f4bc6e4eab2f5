"""The board: a path of outcomes ("I choose who supports me and how"), each met when the
table has agreed on cards told from enough different perspectives.

When a table moves on from a card with an agreed answer, a tile goes on that card's
outcome in the colour of the card's perspective (a card told by `anyone` places a tile of
no colour). An outcome is met when its tiles cover `needed` different perspectives; the
table's shared goal is to meet them all: the whole path. Skipped cards and cards with no
agreed answer place nothing. In "open" play there is no board at all.
"""
from __future__ import annotations

from .model import Event, Room, Round, Table
from .moves import event

NO_COLOUR = "anyone"
DEFAULT_NEEDED = 4


def has_board(room: Room) -> bool:
    return room.play == "path" and bool(room.deck.get("outcomes"))


def needed(room: Room) -> int:
    return room.deck.get("needed", DEFAULT_NEEDED)


def colours(tiles: list[dict]) -> set[str]:
    return {tile["perspective"] for tile in tiles if tile["perspective"] != NO_COLOUR}


def is_met(room: Room, tiles: list[dict]) -> bool:
    return len(colours(tiles)) >= needed(room)


def tile_events(room: Room, command: dict, table: Table, current: Round) -> list[Event]:
    """The tile an agreed card places, and whether it meets its outcome or the whole path."""
    card = room.cards.get(current.card, {})
    outcome = card.get("outcome")
    if not has_board(room) or outcome not in table.board:
        return []
    perspective = card.get("perspective") or NO_COLOUR
    events = [event(command, "tile_placed", table=table.id, outcome=outcome, perspective=perspective, card=card["id"])]
    tiles = [*table.board[outcome], {"perspective": perspective, "card": card["id"]}]
    if outcome not in table.met and is_met(room, tiles):
        events.append(event(command, "outcome_met", table=table.id, outcome=outcome))
        if len(table.met) + 1 == len(table.board):
            events.append(event(command, "path_complete", table=table.id))
    return events


def path_order(room: Room, table: Table, shuffled: list[str]) -> list[str]:
    """Deal a shuffled deck along the path: for each outcome not yet met, in the path's order,
    first the cards that can meet it (one per perspective it still needs), then everything
    else as shuffled. So a table that agrees on each card meets its first outcome after
    `needed` cards and walks on, space by space, instead of needing most of the deck for one.
    Open play, or a deck with no outcomes, keeps the plain shuffle."""
    if not has_board(room):
        return shuffled
    cards = room.cards
    ahead: list[str] = []
    for outcome in room.deck["outcomes"]:
        if outcome["id"] in table.met:
            continue
        wanted = needed(room) - len(colours(table.board.get(outcome["id"], [])))
        have = colours(table.board.get(outcome["id"], []))
        for card_id in shuffled:
            card = cards[card_id]
            side = card.get("perspective") or NO_COLOUR
            if wanted > 0 and card.get("outcome") == outcome["id"] and side != NO_COLOUR and side not in have:
                ahead.append(card_id)
                have.add(side)
                wanted -= 1
    chosen = set(ahead)
    return ahead + [card_id for card_id in shuffled if card_id not in chosen]


def redeal_events(room: Room, command: dict, table: Table, back: str | None = None) -> list[Event]:
    """A card that placed nothing (skipped, or nobody agreed on an answer) leaves its outcome
    a colour short: the rest of the pile is dealt along the path again, so a card that can
    still meet it comes soon. `back`: a skipped card the facilitator put back for later; it
    comes again after the next `needed` cards, not straight away (its outcome may have no
    other card in its colour: a played workshop had one stuck at 3 of 4 colours to the end).
    Cards put back earlier keep their places through later deals (`held`)."""
    if not has_board(room) and back is None:
        return []
    held = [card for card in table.order if card in table.held]
    order = path_order(room, table, [card for card in table.order if card not in table.held])
    for card in held:  # it comes when the facilitator was told it would
        order.insert(min(table.order.index(card), len(order)), card)
    if back is not None:
        order.insert(min(len(order), needed(room)), back)
        held.append(back)
    if order == table.order and held == table.held:
        return []
    return [event(command, "deck_dealt", table=table.id, order=order, held=held)]


def board_view(room: Room, table: Table) -> dict | None:
    if not has_board(room):
        return None
    return {
        "needed": needed(room),
        "met": len(table.met),
        "complete": table.path_complete,
        "outcomes": [
            {
                "id": outcome["id"],
                "name": outcome["name"],
                "easy": outcome.get("easy"),
                "icon": outcome.get("icon"),
                "statement": outcome.get("statement"),
                "tiles": [dict(tile) for tile in table.board.get(outcome["id"], [])],
                "met": outcome["id"] in table.met,
            }
            for outcome in room.deck["outcomes"]
        ],
    }


# --- folding -------------------------------------------------------------------------
def empty_board(room: Room) -> dict[str, list]:
    return {outcome["id"]: [] for outcome in room.deck.get("outcomes", ())} if has_board(room) else {}


def _placed(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].board[d["outcome"]].append({"perspective": d["perspective"], "card": d["card"]})


def _met(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].met.append(d["outcome"])


def _complete(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].path_complete = True


BOARD_HANDLERS = {"tile_placed": _placed, "outcome_met": _met, "path_complete": _complete}
