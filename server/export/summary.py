"""The session summary: one plain-data projection of a room that every report renders.

`summarise(room, anonymous)` reads the folded state and returns dicts, lists and strings
only, with everything "kept in the room" already left out, so a renderer cannot leak it.
With `anonymous=True` every person is named by the perspective they brought instead.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime

from ..game import Room
from ..game.perspectives import NO_COLOUR, legend, name_of
from .board import room_parts, table_parts
from .people import People
from ..game.plan import kept_actions
from .plan import date_label, plan_parts

KEPT = "(kept in the room)"

CARD_TYPES = {
    "scenario": "Scenario",
    "reflection": "Reflection",
    "question": "Question",
    "wild": "Wild card",
    "working": "What's working",
}
OUTCOMES = {
    "agreed": "Agreed",
    "no_agreement": "No agreement",
    "skipped": "Skipped",
    None: "Still on the table",
}
#: Who chose between tied answers (Round.how, Note.how), in words.
AFTER_TIE = {"chosen": "chosen together after a tie", "facilitator": "chosen by the facilitator after a tie"}
#: How a round's answer was agreed, added to its outcome's label.
HOW = {"votes": " by votes", **{how: f": {words}" for how, words in AFTER_TIE.items()}, "none": ": nobody voted"}
#: Note kinds in the order a report shows them, with their headings.
NOTE_SECTIONS = (
    ("agreed", "What we agreed"),
    ("working", "What is working"),
    ("not_working", "What is not working"),
    ("matters", "What matters most"),
    ("note", "Notes"),
)


def skipped_ids(room: Room) -> set[str]:
    """Ids of the answers on cards the facilitator skipped. Skipping "keeps none of them" (a
    card may be skipped because it upset someone), so no report lists or counts them; the
    event log export keeps the events with their words taken out (eventlog.SKIPPED)."""
    return {
        r.id
        for table in room.tables.values()
        for round_ in table.rounds
        if round_.outcome == "skipped"
        for r in round_.responses
    }


def left_out(room: Room) -> set[str]:
    """Everything no report counts: words kept in the room and answers on skipped cards."""
    return private_ids(room) | skipped_ids(room)


def private_ids(room: Room) -> set[str]:
    """Ids of every response, note and pledge kept in the room.

    An agreed note repeats the words of the response it came from, so the two go together:
    if either is kept in the room, both are (the rules do not mark the note themselves)."""
    kept: set[str] = set()
    for table in room.tables.values():
        for round_ in table.rounds:
            kept.update(r.id for r in round_.responses if r.private)
        kept.update(item.id for item in (*table.notes, *table.pledges) if item.private)
        for response_id, note_id in agreed_pairs(table):
            if response_id in kept or note_id in kept:
                kept.update((response_id, note_id))
    return kept


def agreed_pairs(table) -> list[tuple[str, str]]:
    """(response id, agreed note id) for each agreed round: every round that agreed a
    response added exactly one "agreed" note, in the same order."""
    rounds = [r for r in table.rounds if r.agreed]
    notes = [n for n in table.notes if n.kind == "agreed"]
    return [(r.agreed, n.id) for r, n in zip(rounds, notes)]


def card_summary(room: Room, card_id: str) -> dict:
    card = room.cards.get(card_id, {"id": card_id, "type": "", "text": ""})
    side = card.get("perspective")
    outcome = next((o for o in room.deck.get("outcomes", ()) if o["id"] == card.get("outcome")), None)
    return {
        "id": card["id"],
        "type": card.get("type", ""),
        "type_label": CARD_TYPES.get(card.get("type"), card.get("type", "")),
        "perspective": name_of(room.deck, side) if side and side != NO_COLOUR else "",
        "outcome_name": outcome["name"] if outcome else "",
        "text": card.get("text", ""),
    }


def _table(room: Room, table, people: People, kept: set) -> dict:
    rounds = []
    for round_ in table.rounds:
        skipped = round_.outcome == "skipped"
        responses = [
            people.said(r, votes=len(r.voters), agreed=r.id == round_.agreed)
            for r in round_.responses
            if r.id not in kept and not skipped
        ]
        agreed = next((r["text"] for r in responses if r["agreed"]), None)
        outcome = OUTCOMES.get(round_.outcome, round_.outcome) + HOW.get(round_.how, "")
        if round_.agreed and agreed is None:
            outcome += " (the answer was kept in the room)"
        rounds.append(
            {
                "number": round_.number,
                "card": card_summary(room, round_.card),
                "outcome": round_.outcome,
                "outcome_label": outcome,
                "how": round_.how,
                "responses": responses,
                "agreed": agreed,
                # what a report says where there are no answers to list
                "none_line": _none_line(round_),
            }
        )
    votes = {r.id: len(r.voters) for round_ in table.rounds for r in round_.responses}
    votes.update({note: votes.get(response, 0) for response, note in agreed_pairs(table)})
    notes = {kind: [] for kind, _ in NOTE_SECTIONS}
    for note in table.notes:
        if note.id not in kept:
            card = card_summary(room, note.card) if note.card else None
            extra = (
                {"card": card, "votes": votes.get(note.id), "how": note.how, "how_label": _how_agreed(note.how)}
                if note.kind == "agreed"
                else {}
            )
            notes.setdefault(note.kind, []).append(people.said(note, kind=note.kind, **extra))
    pledges = [people.said(p, table=table.name, who=p.who or "", by=date_label(p.by), due=p.by or "") for p in table.pledges if p.id not in kept]
    return {"id": table.id, "name": table.name, "rounds": rounds, "notes": notes, "pledges": pledges,
            **table_parts(room, table, people)}  # fmt: skip


def _none_line(round_) -> str:
    if round_.outcome != "skipped":
        return "No answers shared."
    if not round_.responses:
        return "Skipped before anyone answered."
    return "Skipped: its answers were not kept."


def _how_agreed(how: str | None) -> str:
    """"agreed by votes" / "chosen together after a tie", for an agreed note."""
    return "agreed by votes" if how == "votes" else AFTER_TIE.get(how, "agreed")


def _kept_line(count: int) -> str:
    if not count:
        return ""
    if count == 1:
        return "1 item was kept in the room, so it is not in this report."
    return f"{count} items were kept in the room, so they are not in this report."


def _in_order(room: Room, counts) -> list[str]:
    """Perspectives in the room's order (its legend), then any others."""
    order = [entry["id"] for entry in legend(room.deck)]
    return order + sorted(key for key in counts if key not in order)


def summarise(room: Room, anonymous: bool = False) -> dict:
    people = People(room, anonymous)
    kept = private_ids(room)
    present = [p for p in room.players.values() if not p.removed]
    counts = Counter(p.perspective for p in present)
    tables = [
        _table(room, table, people, kept)
        for table in room.tables.values()
        if table.rounds or table.notes or table.pledges or table.poem
    ]
    created = datetime.fromisoformat(room.created_at)
    return {
        "code": room.code,
        "title": room.title,
        "deck": {"id": room.deck.get("id", ""), "title": room.deck.get("title", "")},
        "created_at": room.created_at,
        "ended_at": room.ended_at,
        "date": created.date().isoformat(),
        "date_label": f"{created.day} {created:%B %Y}",
        "ended": room.ended,
        "anonymous": anonymous,
        "people": len(present),
        "perspectives": [
            {"id": key, "label": name_of(room.deck, key), "count": counts[key]}
            for key in _in_order(room, counts)
            if counts[key]
        ],
        "tables": tables,
        "pledges": [pledge for table in tables for pledge in table["pledges"]],
        "kept": len(kept),
        "kept_line": _kept_line(len(kept)),
        "note_sections": NOTE_SECTIONS,
        **room_parts(room, tables, kept | skipped_ids(room)),  # the legend, whose voice was heard, the path
        **plan_parts(room, people, kept | kept_actions(room)),  # the action plan, and a follow-up's look back
    }
