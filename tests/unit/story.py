"""A tiny driver for the pure rules: run commands against a room the way the server does."""
from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from server.game import PERSPECTIVES, apply, decide, replay

PERSPECTIVE_CYCLE = ("person", "carer", "support_worker", "manager", "commissioner", "health")


def small_deck(cards: int = 8) -> dict:
    types = ("scenario", "reflection", "question", "wild", "working")
    return {
        "id": "test",
        "title": "Test deck",
        "language": "en-GB",
        # the default sides, so people can join as any of them (`other` is always offered)
        "perspectives": {**{k: v for k, v in PERSPECTIVES.items() if k != "other"}, "anyone": "anyone"},
        "cards": [
            {
                "id": f"c{i}",
                "type": types[i % len(types)],
                "perspective": "person" if i % 2 else "anyone",
                "text": f"Card number {i}.",
                "easy": f"Card {i}.",
                "icon": "home",
            }
            for i in range(1, cards + 1)
        ],
    }


class Story:
    """Keeps a room and its log; `do` runs one command and returns its events."""

    def __init__(self, cards: int = 8, hide_until_reveal: bool = False, deck: dict | None = None, **options):
        self.clock = itertools.count(1)
        self.log = []
        self.room = None
        self.do(
            None,
            "create",
            code="BCDFGH",
            title="A test workshop",
            deck=deck or small_deck(cards),
            host_key_hash="hash",
            hide_until_reveal=hide_until_reveal,
            **options,
        )

    def at(self) -> str:
        start = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)
        return (start + timedelta(seconds=next(self.clock))).isoformat()

    def do(self, actor, type_, **fields):
        command = {"type": type_, "actor": actor, "at": self.at(), "seed": 7, **fields}
        events = decide(self.room, command)
        for event in events:
            self.room = apply(self.room, event)
        self.log += events
        return events

    def join(self, name: str, perspective: str = "person", table: str | None = None) -> str:
        events = self.do(None, "join", name=name, perspective=perspective, token_hash=f"h-{name}")
        player = events[0].data["player"]
        if table:
            self.do(player, "sit", table=table)
        return player

    def replayed(self):
        return replay(self.log)
