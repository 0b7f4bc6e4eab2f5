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
from .plan import plan_parts

KEPT = "(kept in the room)"
FACILITATOR = "the facilitator"
PRACTICE_PLAYER = "a simulated practice player"

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
#: How a round's answer was agreed (Round.how, Note.how), added to its outcome's label.
HOW = {"votes": " by votes", "chosen": ": chosen together after a tie", "none": ": nobody voted"}
#: Note kinds in the order a report shows them, with their headings.
NOTE_SECTIONS = (
    ("agreed", "What we agreed"),
    ("working", "What is working"),
    ("not_working", "What is not working"),
    ("matters", "What matters most"),
    ("note", "Notes"),
)


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


class _People:
    """How to name people in this export."""

    def __init__(self, room: Room, anonymous: bool):
        self.room = room
        self.anonymous = anonymous

    def perspective(self, player_id: str | None) -> str:
        player = self.room.players.get(player_id) if player_id else None
        return name_of(self.room.deck, player.perspective) if player else ""

    def name(self, player_id: str | None) -> str:
        if player_id is None or player_id == "host":
            return FACILITATOR
        player = self.room.players.get(player_id)
        if player is None:
            return "someone"
        if player.simulated:  # a practice room: words the game wrote, marked as such everywhere
            return PRACTICE_PLAYER if self.anonymous else f"{player.name}, {PRACTICE_PLAYER}"
        return self.perspective(player_id) if self.anonymous else player.name

    def said(self, item, **extra) -> dict:
        author = getattr(item, "author", None)
        entered_by = item.entered_by
        return {
            "id": item.id,
            "text": said_text(item),
            "symbol": getattr(item, "symbol", None),
            "spoken_seconds": item.audio["seconds"] if getattr(item, "audio", None) else None,
            "author": self.name(author),
            "perspective": self.perspective(author),
            "entered_by": self.name(entered_by) if entered_by else None,
            "at": item.at,
            **({"practice": True} if author in self.room.players and self.room.players[author].simulated else {}),
            **extra,
        }


#: The three-point scale's pictures, in words (every export shows them this way).
SYMBOL_WORDS = {"good": "good", "unsure": "not sure", "not_good": "not good"}


def spoken(seconds: float) -> str:
    """"(spoken answer, 0:42)": how a recording is listed in a report."""
    whole = max(1, round(seconds))
    return f"(spoken answer, {whole // 60}:{whole % 60:02d})"


def said_text(item) -> str:
    """What someone said as a report shows it: their picture, their words and
    their recording, in that order: "(picture: not sure) It would worry me (spoken answer, 0:42)"."""
    parts = []
    if getattr(item, "symbol", None):
        parts.append(f"(picture: {SYMBOL_WORDS.get(item.symbol, item.symbol)})")
    if item.text:
        parts.append(item.text)
    if getattr(item, "audio", None):
        parts.append(spoken(item.audio["seconds"]))
    return " ".join(parts)


def byline(item: dict) -> str:
    """"Ann (a family carer), entered by Bo" or, anonymously, "a family carer, entered by ..."."""
    who = item["author"]
    if item["perspective"] and item["perspective"] != who:
        who = f"{who} ({item['perspective']})"
    if item.get("entered_by") and item["entered_by"] != item["author"]:
        who += f", entered by {item['entered_by']}"
    return who


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


def _table(room: Room, table, people: _People, kept: set) -> dict:
    rounds = []
    for round_ in table.rounds:
        responses = [
            people.said(r, votes=len(r.voters), agreed=r.id == round_.agreed)
            for r in round_.responses
            if r.id not in kept
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
    pledges = [people.said(p, table=table.name) for p in table.pledges if p.id not in kept]
    return {"id": table.id, "name": table.name, "rounds": rounds, "notes": notes, "pledges": pledges,
            **table_parts(room, table, people)}  # fmt: skip


def _how_agreed(how: str | None) -> str:
    """"agreed by votes" / "chosen together after a tie", for an agreed note."""
    return {"votes": "agreed by votes", "chosen": "chosen together after a tie"}.get(how, "agreed")


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
    people = _People(room, anonymous)
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
        **room_parts(room, tables, kept),  # the legend, whose voice was heard, the path
        **plan_parts(room, people, kept),  # the action plan, and a follow-up's look back
    }
