"""Projections of a room for the people looking at it.

Clients never see raw state. Everyone at a table gets the same *table view*; people not yet
seated get it with `"table": null`; the facilitator gets the *host view* of every table.
Pure functions: presence (`online`) and the time (`now`) are passed in.
"""
from __future__ import annotations

from .agreement import proposed
from .answers import spread
from .board import NO_COLOUR, board_view
from .lookback import follows_view, look_back_view
from .model import VOTES_PER_CARD, Room, Table
from .perspectives import choices, legend, name_of
from .plan import plan_view
from .poetry import poem_card
from .voice import table_counts as voice_counts
from .voice import voice


def room_view(room: Room) -> dict:
    return {
        "code": room.code,
        "title": room.title,
        "created_at": room.created_at,
        "stage": room.stage,
        "paused": room.paused,
        "locked": room.locked,
        "ended": room.ended,
        "hide_until_reveal": room.hide_until_reveal,
        "play": room.play,
        "admit": room.admit,
        "away_after": room.away_after,
        "timer": room.timer,
        "notice": room.notice,
        "follows": follows_view(room),  # a follow-up: the earlier workshop {"title", "date"}
        "deck": {"id": room.deck["id"], "title": room.deck["title"], "easy_first": room.deck.get("easy_first", False)},
        "legend": legend(room.deck),  # each perspective's name, colour and pattern (legend.js)
    }


def card_view(room: Room, card_id: str) -> dict:
    card = room.cards[card_id]
    return {
        "id": card["id"],
        "type": card["type"],
        "perspective": card.get("perspective"),
        "perspective_label": name_of(room.deck, card["perspective"]) if card.get("perspective") else "",
        "text": card["text"],
        "easy": card.get("easy"),
        "icon": card.get("icon"),
        "outcome": card.get("outcome"),
    }


def _name(room: Room, player_id: str | None) -> str | None:
    if player_id is None:
        return None
    if player_id == "host":
        return "the facilitator"
    return room.players[player_id].name


def _person(room: Room, player_id: str, online: set) -> dict:
    player = room.players[player_id]
    return {
        "id": player.id,
        "name": player.name,
        "perspective": player.perspective,
        "perspective_label": name_of(room.deck, player.perspective),
        "connected": player.id in online or player.simulated,  # simulated players are always here
        "device": player.token_hash is not None,
        "table": player.table,
        **({"simulated": True} if player.simulated else {}),  # practice rooms only
    }


def _said(room: Room, item) -> dict:
    author = room.players.get(item.author) if item.author else None
    return {
        "id": item.id,
        "author": item.author,
        "author_name": _name(room, item.author),
        "perspective": author.perspective if author else None,
        "text": item.text,
        "entered_by": item.entered_by,
        "entered_by_name": _name(room, item.entered_by),
        "private": item.private,
        "at": item.at,
        "symbol": item.symbol,
        "audio": item.audio,
    }


def _response(room: Room, response, hidden: bool) -> dict:
    """An answer with its votes; hidden answers show neither their words nor who wrote them."""
    said = _said(room, response)
    said.update(
        words_by=response.words_by,
        words_by_name=_name(room, response.words_by),
        votes=len(response.voters),
        voters=list(response.voters),
        entered_votes=[{"voter": v, "by": by} for v, by in response.entered_votes.items()],
    )
    if hidden:
        said.update(
            text=None, author=None, author_name=None, perspective=None, entered_by=None, entered_by_name=None,
            symbol=None, audio=None, words_by=None, words_by_name=None,
        )  # fmt: skip
    return said


def table_detail(room: Room, table: Table, online: set) -> dict:
    current = table.current
    hidden = bool(current and room.hide_until_reveal and not current.revealed)
    responses = [_response(room, r, hidden) for r in current.responses] if current else []
    # who can answer: everyone with a device, and people without one once someone answers for them
    authors = {r.author for r in current.responses} if current else set()
    can_answer = {p for p in table.seats if room.players[p].token_hash is not None or p in authors}
    return {
        "id": table.id,
        "name": table.name,
        "stage": table.stage,
        "players": [_person(room, p, online) for p in table.seats],
        "turn": table.turn,
        "card": card_view(room, current.card) if current else None,
        "round": current.number if current else None,
        # between cards: how the last card ended ("agreed", "no_agreement" or "skipped")
        "last_round": (
            {"number": table.rounds[-1].number, "outcome": table.rounds[-1].outcome}
            if table.rounds and not current else None
        ),
        "hidden": hidden,
        "answered": len(authors & can_answer),
        "to_answer": len(can_answer),
        "responses": responses,
        "spread": spread(current.responses) if current and not hidden else None,
        "proposed": proposed(current) if current and not hidden else None,
        "tie": list(current.tie) if current and current.tie else None,
        "votes_per_card": VOTES_PER_CARD,
        "cards_drawn": len(table.rounds),
        "cards_left": len(table.order),
        "reshuffles": max(0, table.shuffles - 1),
        "notes": [
            dict(
                _said(room, note),
                kind=note.kind,
                how=note.how,
                card=note.card,
                card_text=room.cards[note.card]["text"] if note.card else None,
                card_easy=room.cards[note.card].get("easy") if note.card else None,
                card_perspective=(room.cards[note.card].get("perspective") or NO_COLOUR) if note.card else None,
                words_by=note.words_by,
                words_by_name=_name(room, note.words_by),
            )
            for note in table.notes
        ],
        "more_time": [p for p in room.more_time if p in table.seats],
        "pledges": [dict(_said(room, pledge), by=pledge.by, who=pledge.who) for pledge in table.pledges],
        "poem": [dict(_said(room, line), card=line.card) for line in table.poem],
        "poem_card": (poem := poem_card(room, table)),
        "poem_for": card_view(room, poem) if poem else None,
        "board": board_view(room, table),
        "look_back": look_back_view(room, table),
    }


def table_list(room: Room) -> list[dict]:
    return [{"id": t.id, "name": t.name, "seated": len(t.seats)} for t in room.tables.values()]


def table_view(
    room: Room, table_id: str | None, online: set, now: str, header=room_view, listing=table_list, detail=table_detail
) -> dict:
    """The same view for everyone at one table (`table_id=None`: people not yet seated).
    `header`, `listing` and `detail` let the transport reuse what it encoded before (server/wire.py)."""
    return {
        "n": room.n,
        "now": now,
        "room": header(room),
        "tables": listing(room),
        "table": detail(room, room.tables[table_id], online) if table_id else None,
        "waiting": [] if table_id else [p.id for p in room.players.values() if p.waiting],
    }


def host_view(
    room: Room, online: set, now: str, header=room_view, detail=table_detail, counted=voice_counts
) -> dict:
    """Every table, everyone, and what the facilitator acts on. `header`, `detail` and
    `counted` let the transport reuse what it built before (server/wire.py)."""
    tables = [detail(room, table, online) for table in room.tables.values()]
    # the people at tables exactly as their tables show them (built once, not again here)
    seated = {p["id"]: p for t in tables if isinstance(t, dict) for p in t["players"]}
    return {
        "n": room.n,
        "now": now,
        "room": header(room),
        "tables": tables,
        "players": [seated.get(p.id) or _person(room, p.id, online) for p in room.players.values() if not (p.removed or p.waiting)],
        "waiting": [
            dict(_person(room, p.id, online), added_by_name=_name(room, p.added_by), wants_table=p.wants_table)
            for p in room.players.values()
            if p.waiting
        ],
        "removed": [{"id": p.id, "name": p.name} for p in room.players.values() if p.removed],
        "cohosts": [{"id": i, "label": c["label"], "revoked": c["revoked"]} for i, c in room.cohosts.items()],
        "more_time": [{"id": p, "name": _name(room, p), "table": room.players[p].table} for p in room.more_time],
        "perspectives": {key: entry["name"] for key, entry in choices(room.deck).items()},
        "voice": voice(room, counted=counted),
        "plan": plan_view(room),
        "run_sheet": room.run_sheet,
        "spotlight": room.spotlight,
        "practice": {"pace": room.pace, "simulated": room.simulated} if room.practice else None,
    }
