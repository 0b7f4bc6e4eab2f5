"""The big screen's view: what the whole room may see, for a projector or a shared screen.

`screen_view(room, now)` is a pure projection like the table and host views, with less in
it: no names, no answers in play, no votes, and nothing kept in the room (checked again at
every projection, so something made private later disappears at once). It shows the stage,
the timer, the facilitator's message, who has joined by perspective, each table's card and
path, the agreed notes, the outcomes met, reflect's newest ideas, the pledge wall at the
close, and the spotlight.
"""
from __future__ import annotations

from collections import Counter

from .answers import SYMBOLS
from .board import board_view
from .model import Room, Table
from .perspectives import legend
from .views import card_view

AGREED_SHOWN = 8  # the newest agreed notes across the room
IDEAS_SHOWN = 3  # the newest ideas in each of reflect's boxes, across the room
REFLECT_KINDS = ("working", "not_working", "matters")
PLEDGE_STAGES = ("pledge", "closed")
SYMBOL_WORDS = dict(zip(SYMBOLS, ("Good", "Not sure", "Not good")))


def screen_view(room: Room, now: str) -> dict:
    people = [p for p in room.players.values() if not (p.removed or p.waiting)]
    counts = Counter(p.perspective for p in people)
    tables = [_table(room, table) for table in room.tables.values()]
    agreed = sorted((note for t in tables for note in t["agreed"]), key=lambda n: n["at"])
    return {
        "n": room.n,
        "now": now,
        "room": {
            "code": room.code,
            "title": room.title,
            "stage": room.stage,
            "paused": room.paused,
            "locked": room.locked,
            "ended": room.ended,
            "timer": room.timer,
            "notice": room.notice,
            "play": room.play,
            "practice": room.practice,
            "deck": {"title": room.deck["title"]},
            "legend": legend(room.deck),
        },
        "people": len(people),
        "joined": [
            {"perspective": entry["id"], "name": entry["name"], "count": counts[entry["id"]]}
            for entry in legend(room.deck)
            if counts[entry["id"]]
        ],
        "cards_played": sum(t["cards_played"] for t in tables),
        "tables": tables,
        "agreed": agreed[-AGREED_SHOWN:],
        "outcomes": _outcomes(room),
        "ideas": _ideas(room) if room.stage == "reflect" and not room.ended else None,
        "pledges": _pledges(room) if room.stage in PLEDGE_STAGES or room.ended else [],
        "spotlight": _spotlight(room),
    }


def _words(room: Room, item) -> dict:
    """Words for everyone to read: the text, or the picture's name, or that it was spoken."""
    author = room.players.get(item.author) if item.author else None
    text = item.text or SYMBOL_WORDS.get(item.symbol) or ("(a spoken answer)" if item.audio else "")
    return {"id": item.id, "text": text, "perspective": author.perspective if author else None, "at": item.at}


def _agreed(room: Room, table: Table) -> list[dict]:
    return [
        dict(_words(room, note), table=table.name, card=room.cards[note.card]["text"] if note.card in room.cards else None)
        for note in table.notes
        if note.kind == "agreed" and not note.private
    ]


def _table(room: Room, table: Table) -> dict:
    current = table.current
    return {
        "id": table.id,
        "name": table.name,
        "stage": table.stage,
        "people": len(table.seats),
        "perspectives": [room.players[p].perspective for p in table.seats],
        # the card on the table counts (the room sees it being played); a skipped one does not
        "cards_played": sum(1 for r in table.rounds if r.outcome != "skipped"),
        "card": card_view(room, current.card) if current else None,
        "agreed": _agreed(room, table),
        "board": board_view(room, table),
    }


def _outcomes(room: Room) -> list[dict]:
    """Each outcome on the path, with how many tables have met it."""
    if room.play != "path":
        return []
    return [
        {"id": o["id"], "name": o["name"], "icon": o.get("icon"),
         "tables": sum(1 for t in room.tables.values() if o["id"] in t.met)}
        for o in room.deck.get("outcomes", ())
    ]  # fmt: skip


def _ideas(room: Room) -> dict:
    """Reflect's three boxes for the whole room: the newest ideas in each (none kept in the
    room), so the room sees what it is thinking about, not the play screen."""
    notes = sorted(
        ((table, note) for table in room.tables.values() for note in table.notes if note.kind in REFLECT_KINDS and not note.private),
        key=lambda pair: pair[1].at,
    )
    return {
        kind: [dict(_words(room, note), table=table.name) for table, note in notes if note.kind == kind][-IDEAS_SHOWN:]
        for kind in REFLECT_KINDS
    }


def _pledges(room: Room) -> list[dict]:
    return [
        dict(_words(room, pledge), text=pledge.text or "(a spoken pledge)", table=table.name)
        for table in room.tables.values()
        for pledge in table.pledges
        if not pledge.private
    ]


def _spotlight(room: Room) -> dict | None:
    """What the facilitator put on the screen, unless it has since been kept in the room."""
    chosen = room.spotlight
    table = room.tables.get(chosen.get("table")) if chosen else None
    if table is None:
        return None
    if chosen.get("pledge"):
        pledge = next((g for g in table.pledges if g.id == chosen["pledge"] and not g.private), None)
        return dict(_words(room, pledge), kind="pledge", table=table.name) if pledge else None
    if chosen.get("note"):
        note = next((n for n in table.notes if n.id == chosen["note"] and not n.private), None)
        if note is None:
            return None
        card = card_view(room, note.card) if note.card in room.cards else None
        return {"kind": "note", "table": table.name, "card": card, "note": dict(_words(room, note), kind=note.kind)}
    round_ = next((r for r in table.rounds if r.number == chosen.get("round")), None)
    if round_ is None:
        return None
    note = next((n for n in table.notes if round_.agreed and n.source == round_.agreed and not n.private), None)
    return {"kind": "card", "table": table.name, "card": card_view(room, round_.card),
            "note": dict(_words(room, note), kind=note.kind) if note else None}  # fmt: skip
