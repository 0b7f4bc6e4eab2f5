"""How a report names people and shows what they said: by name, or (anonymous) by the
perspective they brought; a practice room's simulated players marked as such; pictures and
recordings in words. The session summary (summary.py) and the reports' bylines use it.
"""
from __future__ import annotations

from ..game import Room
from ..game.perspectives import name_of

FACILITATOR = "the facilitator"
PRACTICE_PLAYER = "a simulated practice player"


class People:
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
        words_by = getattr(item, "words_by", None)  # a tablemate who wrote down a spoken or picture answer
        return {
            "id": item.id,
            "text": said_text(item),
            "symbol": getattr(item, "symbol", None),
            "spoken_seconds": item.audio["seconds"] if getattr(item, "audio", None) else None,
            "author": self.name(author),
            "perspective": self.perspective(author),
            "entered_by": self.name(entered_by) if entered_by else None,
            "words_by": self.name(words_by) if words_by else None,
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
    """"Ann (a family carer), entered by Bo" (", words written down by Cy" when a tablemate
    wrote down a spoken or picture answer) or, anonymously, "a family carer, entered by ..."."""
    who = item["author"]
    if item["perspective"] and item["perspective"] != who:
        who = f"{who} ({item['perspective']})"
    if item.get("entered_by") and item["entered_by"] != item["author"]:
        who += f", entered by {item['entered_by']}"
    if item.get("words_by"):
        who += f", words written down by {item['words_by']}"
    if item.get("who"):  # a pledge: who will do it (as they wrote it), and by when
        who += f" · who: {item['who']}"
    if item.get("by"):
        who += f" · by {item['by']}"
    return who


def card_line(card: dict) -> str:
    """"card told by a family carer: ..." for an agreed note: whose side its card was told
    from, the colour its footprint took on the table's path (as on the screen)."""
    told = f" told by {card['perspective']}" if card.get("perspective") else ""
    return f"card{told}: {card['text']}"
