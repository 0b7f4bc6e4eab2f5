"""The state of one workshop room, folded from its events.

Plain dataclasses with no behaviour beyond small look-ups: `rules.decide` reads them and
`fold.apply` changes them. Nothing here touches I/O, clocks or randomness.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

STAGES = ("lobby", "look_back", "play", "reflect", "pledge", "closed")  # look_back: follow-ups only
PLAY_MODES = ("path", "open")

#: The perspectives a participant can bring ("I am here as ..."), id -> plain label.
PERSPECTIVES = {
    "person": "a person who gets care or support",
    "carer": "a family carer",
    "support_worker": "a support worker",
    "manager": "a manager",
    "commissioner": "a commissioner",
    "health": "a health professional",
    "other": "someone else who cares about this",
}

MAX_WITHOUT_DEVICE = 3  # people without a device at one table (others write and vote for them)

#: Kinds of table note: the agreed response of a round, a free note, and the reflect prompts.
NOTE_KINDS = ("agreed", "note", "working", "not_working", "matters")

VOTES_PER_CARD = 3
MAX_NAME = 40
MAX_TEXT = 500


@dataclass
class Event:
    """A past-tense fact. `type` names it (`card_drawn`), `data` holds its fields."""

    type: str
    data: dict
    at: str
    actor: str | None = None


@dataclass
class Player:
    id: str
    name: str
    perspective: str
    joined_at: str
    token_hash: str | None = None  # None for a person without a device, added by someone else
    table: str | None = None
    removed: bool = False
    added_by: str | None = None
    waiting: bool = False  # waiting for the facilitator to let them in
    wants_table: str | None = None  # where a tablemate asked to seat them (no device)
    simulated: bool = False  # a simulated player in a practice room (server/game/practice.py)
    removed_from: str | None = None  # the table they sat at when removed ("Let back in" seats them there)


@dataclass
class Said:
    """Words someone said: a response, a note or a pledge."""

    id: str
    author: str | None
    text: str
    at: str
    entered_by: str | None = None  # who typed them, for someone without a device
    private: bool = False  # "keep this in the room": left out of every export
    symbol: str | None = None  # a picture on the three-point scale: good, unsure, not_good
    audio: dict | None = None  # a spoken answer: {"id", "seconds"}


@dataclass
class Response(Said):
    words_by: str | None = None  # a tablemate who added words to a spoken or picture answer
    voters: list[str] = field(default_factory=list)
    entered_votes: dict[str, str] = field(default_factory=dict)  # voter -> who voted for them


@dataclass
class Round:
    """One card on one table: who drew it, what people said, how they voted."""

    number: int
    card: str
    turn: str | None
    drawn_at: str
    responses: list[Response] = field(default_factory=list)
    revealed: bool = False
    outcome: str | None = None  # None while open, then "agreed", "no_agreement" or "skipped"
    agreed: str | None = None  # id of the response that became the agreed note
    how: str | None = None  # how it was agreed: "votes", "chosen" or "facilitator" (after a tie) or "none"
    tie: list[str] | None = None  # answers with the same most votes, for the table to choose


@dataclass
class Note(Said):
    kind: str = "note"
    card: str | None = None
    words_by: str | None = None  # an agreed answer's: the tablemate who added its words
    source: str | None = None  # for an agreed note: the response it came from
    how: str | None = None  # for an agreed note: "votes", "chosen" or "facilitator"


@dataclass
class Pledge(Said):
    by: str | None = None  # "by when": YYYY-MM-DD
    who: str | None = None  # who will do it, when not the person pledging


@dataclass
class PoemLine(Said):
    """One line of the table's poem, added after a reflection card (Poet's Corner)."""

    card: str | None = None


@dataclass
class Action:
    """One line of the workshop's action plan: a pledge (same id) or an action the host
    added. `owner` is a name typed in; `owner_player` the person, when the owner is someone
    in the room (so an anonymous export can name their perspective instead)."""

    id: str
    text: str
    at: str
    owner: str | None = None
    owner_player: str | None = None
    due: str | None = None  # "YYYY-MM-DD"
    status: str = "open"  # open, started, done, dropped
    source: dict | None = None  # {"kind", "item", "table", "card", "outcome"}: where it came from
    progress: list[dict] = field(default_factory=list)  # {"at", "text", "said_at"?, "ref"?}


@dataclass
class Table:
    id: str
    name: str
    stage: str = "lobby"
    seats: list[str] = field(default_factory=list)
    turn: str | None = None
    away_from: str | None = None  # whose turn passed on while they were away
    returning: str | None = None  # back again: their turn comes after this card
    order: list[str] = field(default_factory=list)  # card ids still to draw, next first
    held: list[str] = field(default_factory=list)  # cards in `order` put back for later: each keeps its place
    shuffles: int = 0
    rounds: list[Round] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    pledges: list[Pledge] = field(default_factory=list)
    poem: list[PoemLine] = field(default_factory=list)
    board: dict[str, list[dict]] = field(default_factory=dict)  # outcome id -> tiles
    met: list[str] = field(default_factory=list)  # outcomes met, in the order they were met
    path_complete: bool = False

    @property
    def current(self) -> Round | None:
        if self.rounds and self.rounds[-1].outcome is None:
            return self.rounds[-1]
        return None


@dataclass
class Room:
    code: str
    title: str
    deck: dict
    host_key_hash: str
    created_at: str
    stage: str = "lobby"
    paused: bool = False
    locked: bool = False
    ended: bool = False
    ended_at: str | None = None
    hide_until_reveal: bool = False
    play: str = "path"  # "path": a board of outcomes to meet; "open": cards and votes only
    admit: bool = False  # the facilitator lets each newcomer in
    away_after: int = 120  # seconds away before one's turn passes on (0: never)
    cohosts: dict[str, dict] = field(default_factory=dict)  # id -> {"key_hash", "label", "added_at"}
    timer: dict | None = None  # {"seconds", "started_at", "ends_at", "paused_left"}
    notice: dict | None = None  # last broadcast {"text", "at"}
    more_time: list[str] = field(default_factory=list)  # players asking for more time
    tables: dict[str, Table] = field(default_factory=dict)
    players: dict[str, Player] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # token hash -> player id
    audio: dict[str, dict] = field(default_factory=dict)  # recording id -> {"player", "seconds", "at", "used"}
    plan: dict[str, Action] = field(default_factory=dict)  # the action plan, in the order made
    follows: dict | None = None  # a follow-up: the earlier workshop {"code", "title", "date", "actions"}
    reviews: list[dict] = field(default_factory=list)  # a follow-up: what its tables said of each action
    practice: bool = False  # a practice room: simulated players, kept out of statistics
    simulated: int = 0  # how many simulated players a practice room has
    pace: str = "normal"  # how fast they play: slow, normal, fast or paused
    spotlight: dict | None = None  # what the big screen shows the whole room: {"table", "note"?} or {"pledge"}
    run_sheet: dict | None = None  # the facilitator's timed plan (server/game/run_sheet.py)
    n: int = 0
    next_id: int = 0

    @cached_property
    def cards(self) -> dict[str, dict]:
        return {card["id"]: card for card in self.deck["cards"]}

    def find_item(self, item_id: str):
        """Return (table, item) for a response, note or pledge id, or (None, None)."""
        for table in self.tables.values():
            for round_ in table.rounds:
                for response in round_.responses:
                    if response.id == item_id:
                        return table, response
            for item in (*table.notes, *table.pledges):
                if item.id == item_id:
                    return table, item
        return None, None
