"""Poet's Corner: after a reflection card (often a short poem), anyone at the table may add
one line of their own. The lines, in order, are the table's poem, shown at the close and in
the notes."""
from __future__ import annotations

from .checks import RuleError, speaker, text_field
from .model import Event, PoemLine, Room
from .moves import event, new_id

MAX_LINE = 120


def poem_card(room: Room, table) -> str | None:
    """The reflection card the table is on, or has just left (until the next card): the card
    a line of the poem may be added for now (the table view carries it as `poem_card`)."""
    last = table.rounds[-1] if table.rounds else None
    if last is None or room.cards.get(last.card, {}).get("type") != "reflection":
        return None
    return last.card


def poem(room: Room, command: dict):
    person, table, entered_by = speaker(room, command)
    card = poem_card(room, table)
    if card is None:
        raise RuleError("wrong_stage", "You can add a line to the table's poem after a reflection card.")
    if any(line.author == person.id and line.card == card for line in table.poem):
        raise RuleError("bad_request", "You have added your line for this card. Thank you!")
    text = " ".join(text_field(command, "text", MAX_LINE).split())
    line_id, next_id = new_id(room, "l")
    return [
        event(command, "poem_line_added", table=table.id, line=line_id, card=card, author=person.id,
              text=text, entered_by=entered_by, next_id=next_id)
    ]  # fmt: skip


def _line_added(room: Room, d: dict, event: Event) -> None:
    room.tables[d["table"]].poem.append(
        PoemLine(id=d["line"], author=d["author"], text=d["text"], at=event.at, card=d["card"], entered_by=d.get("entered_by"))
    )
    room.next_id = max(room.next_id, d["next_id"])


POETRY_HANDLERS = {"poem_line_added": _line_added}
