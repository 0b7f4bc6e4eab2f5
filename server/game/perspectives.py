"""The sides people and cards speak from, as the room's deck declares them.

A deck declares its perspectives as a list of `{"id", "name", "easy", "icon"}`, and carries
their colours and patterns in `deck["legend"]` (given when the deck is loaded, from the one
shared legend: server/legend.py). Rooms opened before that carry an `id -> label` table,
and a deck may declare none. Everything in the rules reads perspectives through here.

- `anyone` is for cards told from no particular side: never a choice for a person, and a
  tile of no colour on the board.
- `other` ("someone else who cares about this") is always a choice when joining.
"""
from __future__ import annotations

from .model import PERSPECTIVES

NO_COLOUR = "anyone"
OTHER = "other"

#: The picture of each well-known id, for decks that gave none (older rooms).
ICONS = {
    "person": "person",
    "carer": "carer",
    "family": "family",
    "support_worker": "support-worker",
    "care_worker": "support-worker",
    "manager": "manager",
    "commissioner": "commissioner",
    "health": "health",
    "neighbour": "friends",
    "other": "other",
    "anyone": "other",
}
EASY_OTHER = "someone else"


def _entry(perspective: str, name: str, easy: str | None = None, icon: str | None = None) -> dict:
    return {"id": perspective, "name": name, "easy": easy or name, "icon": icon or ICONS.get(perspective, "other")}


def declared(deck: dict) -> list[dict]:
    """The deck's perspectives, in its order, as `{"id", "name", "easy", "icon"}`."""
    raw = deck.get("perspectives")
    if isinstance(raw, dict):  # an older room: id -> label
        return [_entry(key, label) for key, label in raw.items()]
    if isinstance(raw, list):
        return [_entry(p["id"], p.get("name") or p["id"], p.get("easy"), p.get("icon")) for p in raw if p.get("id")]
    return []


def choices(deck: dict) -> dict[str, dict]:
    """The "I am here as ..." choices: the deck's perspectives (not `anyone`) and `other`.
    A deck that declares none offers the defaults (model.PERSPECTIVES)."""
    sides = [p for p in declared(deck) if p["id"] != NO_COLOUR]
    if not sides:
        sides = [_entry(key, label) for key, label in PERSPECTIVES.items()]
    result = {p["id"]: p for p in sides}
    result.setdefault(OTHER, _entry(OTHER, PERSPECTIVES[OTHER], EASY_OTHER))
    return result


def names(deck: dict) -> dict[str, str]:
    """`{id: name}` for the deck's perspectives and the room's choices (views call this for
    every person, so it is worked out once per deck)."""
    return _remember(deck, "names", lambda: {p["id"]: p["name"] for p in (*choices(deck).values(), *declared(deck))})


def name_of(deck: dict, perspective: str | None) -> str:
    """How to say a perspective in a sentence: "a family carer"."""
    return names(deck).get(perspective) or PERSPECTIVES.get(perspective, "someone")


def legend(deck: dict) -> list[dict]:
    """Every perspective of the room with its colour and pattern (worked out once per deck;
    treat the list as read-only)."""
    return _remember(deck, "legend", lambda: _legend(deck))


def _legend(deck: dict) -> list[dict]:
    """Every perspective of the room (the deck's, then `other`) with its colour and pattern:
    `{"id", "name", "easy", "icon", "choice", "colour", "ink", "pattern", "colour_name",
    "pattern_name"}`. Colours are None for a room whose deck has no legend (web/static/js
    legend.js then draws the well-known ids in their usual colours)."""
    styles = deck.get("legend") or {}
    offered = choices(deck)
    entries = {p["id"]: p for p in declared(deck)}
    for key, entry in offered.items():
        entries.setdefault(key, entry)
    blank = dict.fromkeys(("colour", "ink", "pattern", "colour_name", "pattern_name"))
    listed = [{**entry, "choice": key in offered, **blank, **styles.get(key, {})} for key, entry in entries.items()]
    # the sides people come as first; a card told from no one side (`anyone`) after them
    return sorted(listed, key=lambda entry: not entry["choice"])


# A room's deck never changes, so what is worked out from it is kept, keyed by the deck
# object itself (a few hundred rooms at most; cleared when it grows past that).
_MEMO: dict[tuple[int, str], tuple[dict, object]] = {}


def _remember(deck: dict, what: str, work):
    key = (id(deck), what)
    hit = _MEMO.get(key)
    if hit is not None and hit[0] is deck:
        return hit[1]
    if len(_MEMO) > 512:
        _MEMO.clear()
    value = work()
    _MEMO[key] = (deck, value)
    return value
