"""Checking a deck's cards: ids, types, perspectives, outcomes, texts, Easy Read sentences, icons."""

from __future__ import annotations

from .format import (
    _CARD_FIELDS,
    _CARD_ID_RE,
    CARD_TYPES,
    DEFAULT_ICONS,
    MAX_CARDS,
    MAX_EASY_WORDS,
    MAX_TEXT_CHARS,
    easy_sentences,
    easy_word_count,
    icon_names,
)
from .problems import _join, _kind, _Problems, _short


class _CardChecks(_Problems):
    """The checks of the ``[[cards]]`` list, each card checked and cleaned in turn."""

    def check_cards(self, value, perspectives: dict | None, outcomes: dict | None) -> list[dict]:
        if value is not None and not isinstance(value, list):
            self.add(
                f"should be a list of [[cards]] entries, not {_kind(value)}", field="cards"
            )
            return []
        if not value:
            self.add("the deck has no cards: add at least one [[cards]] entry", field="cards")
            return []
        if len(value) > MAX_CARDS:
            self.add(
                f"the deck has {len(value)} cards; the most allowed is {MAX_CARDS}",
                field="cards",
            )
            value = value[:MAX_CARDS]

        icons = icon_names()
        seen: dict[str, int] = {}
        cards = []
        for position, raw in enumerate(value, start=1):
            card = self.check_card(position, raw, perspectives, outcomes, icons, seen)
            if card is not None:
                cards.append(card)
        return cards

    def check_card(self, position: int, raw, perspectives, outcomes, icons: set[str],
                   seen: dict[str, int]) -> dict | None:
        label = f"#{position}"
        if not isinstance(raw, dict):
            self.add(f"should be a [[cards]] table, not {_kind(raw)}", card=label)
            return None

        # The card's name in problem lines: its id when it has a usable one.
        raw_id = raw.get("id")
        if isinstance(raw_id, str) and _CARD_ID_RE.match(raw_id.strip()):
            label = raw_id.strip()

        for key in raw:
            if key not in _CARD_FIELDS:
                self.add(
                    f"unknown field (a card's fields are: {', '.join(_CARD_FIELDS)})",
                    card=label,
                    field=_short(key),
                )

        card_id = self.text_field(raw, "id", 64, required=True, card=label)
        if card_id:
            if not _CARD_ID_RE.match(card_id):
                self.add(
                    f"card id {_short(card_id)!r} should be letters, digits, '-', '_' or '.', "
                    "with no spaces",
                    card=label,
                    field="id",
                )
            elif card_id in seen:
                self.add(
                    f"the id {card_id!r} is used more than once (card #{seen[card_id]} "
                    f"and card #{position}); each card needs its own id",
                    card=label,
                    field="id",
                )
            else:
                seen[card_id] = position

        card_type = self.text_field(raw, "type", 40, required=True, card=label)
        if card_type and card_type not in CARD_TYPES:
            self.add(
                f"unknown card type {_short(card_type)!r} (use one of: {', '.join(CARD_TYPES)})",
                card=label,
                field="type",
            )

        perspective = self.declared(raw, "perspective", perspectives, "declare it in [[perspectives]] or use one of", label)
        outcome = self.declared(raw, "outcome", outcomes, "use one of this deck's [[outcomes]]", label)

        text = self.text_field(raw, "text", MAX_TEXT_CHARS, required=True, card=label)

        easy = self.text_field(raw, "easy", MAX_TEXT_CHARS, required=True, card=label)
        for sentence in easy_sentences(easy):
            words = easy_word_count(sentence)
            if words > MAX_EASY_WORDS:
                self.add(
                    f"an Easy Read sentence has {words} words; keep each sentence to "
                    f"{MAX_EASY_WORDS} words or fewer: \"{_short(sentence, 48)}\"",
                    card=label,
                    field="easy",
                )

        icon = self.text_field(raw, "icon", 60, required=False, card=label)
        if icon and icon not in icons:
            self.add(
                f"unknown icon {_short(icon)!r} (there is no web/static/icons/"
                f"{_short(icon)}.svg; list the icons with: python -m server.decks icons)",
                card=label,
                field="icon",
            )
        icon = icon or DEFAULT_ICONS.get(card_type, "chat")

        # lines for simulated players (server/decks/practice.py, a mixin of the checker)
        practice = self.check_practice(raw.get("practice"), card=label)
        return {
            "id": card_id,
            "type": card_type,
            "perspective": perspective,
            "outcome": outcome,
            "text": text,
            "easy": easy,
            "icon": icon,
            **({"practice": practice} if practice else {}),
        }

    def declared(self, raw: dict, field: str, names: dict | None, advice: str, label: str) -> str:
        """A card's `perspective` or `outcome`: one of the `names` the deck declares (when
        it has any to check against); `advice` says where to find them."""
        value = self.text_field(raw, field, 40, required=True, card=label)
        if value and names is not None and value not in names:
            self.add(f"unknown {field} {_short(value)!r}: {advice}: {_join(names)}", card=label, field=field)
        return value
