"""Small decks for browser tests, written inline and uploaded as `deck_toml`.

`board_deck()` has five outcomes and `needed = 2`, so two agreed cards told from two
different sides meet an outcome; most cards are on "choice", so that happens within a few
rounds whatever the shuffle. `poem_deck()` has only reflection cards, for Poet's Corner.
"""
from __future__ import annotations

PERSPECTIVES = [
    ("person", "a person who gets care or support", "someone who gets support", "person"),
    ("carer", "a family carer", "a family member who helps", "carer"),
    ("support_worker", "a support worker", "a paid helper", "support-worker"),
]
OUTCOMES = [
    ("choice", "Choice and control", "My choices", "star", "I choose who supports me and how"),
    ("home", "A home of my own", "My home", "home", "I live in a place I call home"),
    ("friends", "Friends and family", "People I love", "friends", "I see the people who matter to me"),
    ("work", "Something to do", "Things I do", "work", "I spend my days doing things I enjoy"),
    ("health", "Staying well", "Keeping well", "health", "I get help to stay well when I need it"),
]
SCENES = [
    ("I want to choose who helps me with my bath.", "I want to choose my helper."),
    ("My mum's support plan was written without asking her.", "Nobody asked my mum."),
    ("I was told the rota changed, and Sam now comes at 7 in the morning.", "Sam comes too early now."),
    ("I would like to pick my own activities this week.", "I want to pick what I do."),
    ("My brother is moved between flats and nobody explains why.", "Nobody tells my brother why."),
    ("The care plan says 'likes TV'. I like football, not TV.", "I like football."),
]
HEAD = """id = "{id}"
title = "{title}"
language = "en-GB"
audience = "Browser tests."
description = "A small deck for the browser tests."
licence = "CC BY-SA 4.0"
version = "1.0"
needed = {needed}
"""


def _toml(deck_id: str, title: str, needed: int, cards: list[tuple[str, str, str, str, str]]) -> str:
    parts = [HEAD.format(id=deck_id, title=title, needed=needed)]
    for pid, name, easy, icon in PERSPECTIVES:
        parts.append(f'[[perspectives]]\nid = "{pid}"\nname = "{name}"\neasy = "{easy}"\nicon = "{icon}"\n')
    for oid, name, easy, icon, statement in OUTCOMES:
        parts.append(
            f'[[outcomes]]\nid = "{oid}"\nname = "{name}"\neasy = "{easy}"\nicon = "{icon}"\nstatement = "{statement}"\n'
        )
    for n, (kind, perspective, outcome, text, easy) in enumerate(cards, start=1):
        parts.append(
            f'[[cards]]\nid = "t-{n:03}"\ntype = "{kind}"\nperspective = "{perspective}"\noutcome = "{outcome}"\n'
            f'text = "{text}"\neasy = "{easy}"\n'
        )
    return "\n".join(parts)


def board_deck(needed: int = 2) -> str:
    sides = [p[0] for p in PERSPECTIVES]
    cards = []
    for n in range(12):
        text, easy = SCENES[n % len(SCENES)]
        cards.append(("scenario", sides[n % 2], "choice", text, easy))
    for oid, *_ in OUTCOMES[1:]:
        for side in sides[:2]:
            cards.append(("scenario", side, oid, f"A situation about {oid}, told by {side}.", f"This is about {oid}."))
    return _toml("board-test", "Board test", needed, cards)


def poem_deck() -> str:
    lines = [
        ("A kind word is a door. / Open it slowly.", "Kind words open doors."),
        ("Home is not a building. / Home is being known.", "Home is where people know you."),
    ]
    cards = []
    for oid, *_ in OUTCOMES:
        for side, (text, easy) in zip(("person", "carer"), lines):
            cards.append(("reflection", side, oid, text, easy))
    return _toml("poem-test", "Poem test", 2, cards)
