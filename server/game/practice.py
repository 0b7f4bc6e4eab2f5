"""Practice: simulated players, so a facilitator can try every control alone before the day.

A practice room (`room.practice`, set in its first event) fills with `room.simulated`
players. They join through the rules like people (`simulate`, actor "system", refused in a
real workshop), and every move they make afterwards is an ordinary command with their own
player id as actor: the log, the views and every host control behave as on the day.

`bot_moves(room, now, seed)` decides what they do next: a pure function of the room, the
time and a seed. The server's loop (server/practice.py) runs it at the pace the facilitator
sets with `practice {pace}`: at most one move per table per step, so a table moves on at a
pace people can follow.
"""
from __future__ import annotations

import random

from .agreement import everyone_answered
from .checks import RuleError, require_system
from .model import Player, Room, Table
from .moves import event
from .perspectives import OTHER, choices
from .play import _joined
from .poetry import poem_card

#: Seconds between two steps of the simulated players, for each pace ("paused": none).
PACES = {"slow": 8.0, "normal": 3.0, "fast": 0.5, "paused": None}
DEFAULT_SIMULATED, MAX_SIMULATED = 6, 12
NAMES = ("Amira", "Ben", "Chloe", "Dev", "Ellen", "Femi", "Grace", "Harry", "Iqbal", "Jess", "Kofi", "Lena")
REFLECT_KINDS = ("working", "not_working", "matters")

#: What simulated players say when a deck gives no practice lines of its own.
ANSWERS = (
    "I would ask the person what they want first.",
    "I would feel left out and a bit angry.",
    "I would ring and ask who can help today.",
    "It would help if someone explained it in plain words.",
)
NOTES = {
    "working": ("People listen when we meet face to face.", "Having the same support worker helps a lot."),
    "not_working": ("Too many forms, and nobody explains them.", "People are not told when plans change."),
    "matters": ("Being asked, not told.", "Time to talk, without rushing."),
}
#: Lines simulated players add to Poet's Corner after a reflection card.
POEM_LINES = (
    "Ask me, and wait for my answer.",
    "My day is more than my care plan.",
    "Some days are heavy, some days are light.",
    "A kind voice on the phone changes my whole morning.",
    "Home is where I know every sound.",
    "We all want to be heard, not hurried.",
)
POETS_PER_CARD = 2  # simulated players who add a line for one card: enough to show how, not to fill it
PLEDGES = (
    "I will ask people what matters to them before I write anything down.",
    "I will share what we agreed today with my team this week.",
    "I will ring back when I say I will.",
    "I will invite a family carer to our next planning meeting.",
    "I will explain letters in plain words, or ask someone to help.",
    "I will say it when something is not working, and say what would help.",
)


def created_fields(command: dict) -> dict:
    """What a practice room's first event records (nothing for a real workshop)."""
    if not command.get("practice"):
        return {}
    count = command.get("simulated", DEFAULT_SIMULATED)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_SIMULATED:
        raise RuleError("bad_request", f"'simulated' is how many simulated players: 1 to {MAX_SIMULATED}.")
    return {"practice": True, "simulated": count}


# --- the moves -----------------------------------------------------------------------
def simulate(room: Room, command: dict):
    """A simulated player joins (the server sends this, never a browser)."""
    require_system(command)
    if not room.practice:
        raise RuleError("forbidden", "Simulated players only take part in a practice workshop.")
    if room.locked:
        raise RuleError("locked", "This workshop is not taking new people just now.")
    if sum(1 for p in room.players.values() if p.simulated) >= room.simulated:
        raise RuleError("bad_request", "All the simulated players have joined.")
    if not isinstance(command.get("token_hash"), str):
        raise RuleError("bad_request", "A simulated player needs a token.")
    return [_joined(room, command, token_hash=command["token_hash"], waiting=room.admit, simulated=True)]


def practice(room: Room, command: dict):
    """`practice {pace}`: how fast the simulated players play: slow, normal, fast or paused."""
    if not room.practice:
        raise RuleError("bad_request", "This is a real workshop: there are no simulated players to pace.")
    pace = "paused" if command.get("pace") == "pause" else command.get("pace")
    if pace not in PACES:
        raise RuleError("bad_request", f"The pace is one of: {', '.join(PACES)}.")
    return [] if pace == room.pace else [event(command, "practice_paced", pace=pace)]


def _paced(room: Room, d: dict, ev) -> None:
    room.pace = d["pace"]


PRACTICE_SYSTEM_MOVES = {"simulate": simulate}
PRACTICE_HOST_MOVES = {"practice": practice}
PRACTICE_HANDLERS = {"practice_paced": _paced}


# --- what the simulated players do next -------------------------------------------------
def bot_moves(room: Room, now: str, seed: int) -> list[dict]:
    """The simulated players' next commands: one newcomer, one seat, and at most one move
    at each table. Empty when nothing is to be done (or the room is paused, ended, or not
    a practice room)."""
    if not room.practice or room.pace == "paused" or room.paused or room.ended:
        return []
    rng = random.Random(seed)
    moves = []
    bots = [p for p in room.players.values() if p.simulated]
    if len(bots) < room.simulated and not room.locked:
        moves.append(_newcomer(room, len(bots)))
    ready = [p for p in bots if not (p.removed or p.waiting)]
    unseated = [p for p in ready if p.table is None]
    if unseated and room.tables:
        moves.append({"type": "sit", "actor": unseated[0].id, "table": _best_table(room, unseated[0])})
    for table in room.tables.values():
        here = [p for p in table.seats if room.players[p].simulated]
        move = _table_move(room, table, here, rng) if here else None
        if move is not None:
            moves.append(move)
    return [dict(move, at=now) for move in moves]


def _sides(room: Room) -> list[str]:
    sides = [key for key in choices(room.deck) if key != OTHER]
    return sides or [OTHER]


def _newcomer(room: Room, index: int) -> dict:
    sides = _sides(room)
    return {"type": "simulate", "actor": "system", "name": NAMES[index % len(NAMES)],
            "perspective": sides[index % len(sides)]}  # fmt: skip


def _best_table(room: Room, bot: Player) -> str:
    """The table with the fewest people, preferring one where nobody shares the bot's
    perspective: simulated players mix perspectives as a facilitator would."""
    def crowding(table: Table):
        same = sum(1 for p in table.seats if room.players[p].perspective == bot.perspective)
        return (same, len(table.seats))

    return min(room.tables.values(), key=crowding).id


def _table_move(room: Room, table: Table, here: list[str], rng: random.Random) -> dict | None:
    if table.stage == "play":
        return _play_move(room, table, here, rng)
    if table.stage == "reflect":
        for index, bot in enumerate(here):
            if not any(n.author == bot and n.kind in REFLECT_KINDS for n in table.notes):
                kind = REFLECT_KINDS[index % len(REFLECT_KINDS)]
                return {"type": "note", "actor": bot, "kind": kind, "text": rng.choice(NOTES[kind])}
    if table.stage == "pledge":
        for bot in here:
            if not any(g.author == bot for g in table.pledges):
                fresh = [line for line in PLEDGES if line not in {g.text for g in table.pledges}]
                return {"type": "pledge", "actor": bot, "text": rng.choice(fresh or PLEDGES)}
    return None


def _play_move(room: Room, table: Table, here: list[str], rng: random.Random) -> dict | None:
    """Draw on a bot's turn; then answer, show the answers, vote once each, and move on
    once everyone with a device has answered (a person at the table is waited for)."""
    current = table.current
    holder = room.players.get(table.turn) if table.turn else None
    speaker = holder.id if holder is not None and holder.simulated else here[0]
    if current is None:
        if holder is None or holder.simulated:
            return {"type": "draw", "actor": speaker}
        if holder.token_hash is None:  # someone without a device: a tablemate draws for them
            return {"type": "draw", "actor": here[0], "for": holder.id}
        return None
    answered = {r.author for r in current.responses}
    for bot in here:
        if bot not in answered:
            said = {r.text for r in current.responses}
            lines = [line for line in practice_lines(room, current.card) if line not in said]
            return {"type": "respond", "actor": bot, "text": rng.choice(lines or practice_lines(room, current.card))}
    line = _poem_line(room, table, here, rng)
    if line is not None:
        return line
    if room.hide_until_reveal and not current.revealed:
        if everyone_answered(room, table) or speaker == table.turn:
            return {"type": "reveal", "actor": speaker}
        return None
    if current.tie:
        return {"type": "agree", "actor": speaker, "response": rng.choice(current.tie)}
    for bot in here:
        if not any(bot in r.voters for r in current.responses):
            options = [r for r in current.responses if r.author != bot] or current.responses
            weights = [1 + 2 * len(r.voters) for r in options]  # tables tend to agree
            return {"type": "vote", "actor": bot, "response": rng.choices(options, weights)[0].id}
    if everyone_answered(room, table):
        return {"type": "next", "actor": speaker}
    return None


def _poem_line(room: Room, table: Table, here: list[str], rng: random.Random) -> dict | None:
    """After answering a reflection card, a simulated player or two adds a line to the
    table's poem, so the facilitator sees Poet's Corner grow as it will on the day."""
    card = poem_card(room, table)
    if card is None:
        return None
    poets = {line.author for line in table.poem if line.card == card}
    if len(poets & set(here)) >= POETS_PER_CARD:
        return None
    for bot in here:
        if bot not in poets:
            fresh = [text for text in POEM_LINES if text not in {line.text for line in table.poem}]
            return {"type": "poem", "actor": bot, "text": rng.choice(fresh or POEM_LINES)}
    return None


def practice_lines(room: Room, card_id: str) -> list[str]:
    """What a simulated player may answer to a card: the card's own `practice` lines, else
    the deck's, else a few plain answers that fit any card."""
    card = room.cards.get(card_id, {})
    return list(card.get("practice") or room.deck.get("practice") or ANSWERS)
