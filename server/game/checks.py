"""Small guards shared by the rules: each raises `RuleError` with words a person can read."""
from __future__ import annotations

import unicodedata

from .model import MAX_TEXT, Player, Room, Table

#: Characters that change the direction of the text around them: "abc\u202egnp.exe" would
#: show as "abcexe.png". They have no place in a workshop's words.
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class RuleError(Exception):
    """A command that is not allowed. `code` is for programs, `message` for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def clean_text(value: str) -> str:
    """Words as people may see them: line breaks kept; control characters (NUL, ESC...),
    lone surrogates and direction overrides dropped; a tab becomes a space."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(
        ch for ch in value if ch == "\n" or (unicodedata.category(ch) not in ("Cc", "Cs") and ch not in BIDI_CONTROLS)
    )


def text_field(command: dict, name: str = "text", limit: int = MAX_TEXT) -> str:
    value = command.get(name)
    if not isinstance(value, str) or not clean_text(value).strip():
        raise RuleError("bad_request", f"Please write something in '{name}' first.")
    value = clean_text(value).strip()
    if len(value) > limit:
        raise RuleError("too_long", f"That is too long: please keep it to {limit} characters.")
    return value


def flag(command: dict, name: str) -> bool:
    value = command.get(name, False)
    if not isinstance(value, bool):
        raise RuleError("bad_request", f"'{name}' must be true or false.")
    return value


def table_of(room: Room, table_id) -> Table:
    if not isinstance(table_id, str) or table_id not in room.tables:
        raise RuleError("not_found", "That table does not exist.")
    return room.tables[table_id]


def player_of(room: Room, player_id) -> Player:
    player = room.players.get(player_id) if isinstance(player_id, str) else None
    if player is None or player.removed:
        raise RuleError("not_found", "That person is not in this workshop.")
    return player


def require_host(command: dict) -> None:
    if command.get("actor") != "host":
        raise RuleError("forbidden", "Only the facilitator can do that.")


def require_system(command: dict) -> None:
    """Moves the server makes itself (presence); no client can send them."""
    if command.get("actor") != "system":
        raise RuleError("forbidden", "That is not something you can do.")


def require_open(room: Room, command: dict) -> None:
    """Refuse changes to an ended room, and participants' changes while paused."""
    if room.ended:
        raise RuleError("ended", "This workshop has ended. You can still read everything.")
    if room.paused and command.get("actor") != "host":
        raise RuleError("paused", "The facilitator has paused the workshop. Please wait a moment.")


def seated_player(room: Room, command: dict) -> tuple[Player, Table]:
    """The sender, who must be a participant sitting at a table."""
    player = room.players.get(command.get("actor"))
    if player is None or player.removed:
        raise RuleError("forbidden", "Only people taking part can do that.")
    require_admitted(player)
    if player.table is None:
        raise RuleError("wrong_stage", "Please choose a table first.")
    return player, room.tables[player.table]


def require_admitted(player: Player) -> None:
    if player.waiting:
        raise RuleError("waiting", "The facilitator will let you in soon. Please wait a moment.")


def speaker(room: Room, command: dict) -> tuple[Player, Table, str | None]:
    """Who is speaking and at which table: the sender, or a person they enter words for.

    A participant may write or vote *for* someone at their own table who has no device;
    the host may do so for anyone seated. Returns (person, table, entered_by)."""
    for_id = command.get("for")
    actor = command.get("actor")
    if for_id is None or for_id == actor:
        if actor == "host":
            raise RuleError("bad_request", "Say who this is for ('for': a person at a table).")
        player, table = seated_player(room, command)
        return player, table, None
    person = player_of(room, for_id)
    if person.table is None:
        raise RuleError("wrong_stage", "That person is not sitting at a table.")
    if actor != "host":
        helper, table = seated_player(room, command)
        if helper.table != person.table:
            raise RuleError("forbidden", "You can only add words for someone at your own table.")
        if person.token_hash is not None:
            raise RuleError("forbidden", "That person has their own device; the facilitator can help them.")
    return person, room.tables[person.table], actor


def moved_on(command: dict, table: Table) -> bool:
    """True when a command names the card it is for (`round`) and the table has moved on
    from it, so an action sent late (after a dropped connection) never lands on the next card."""
    if "round" not in command:
        return False
    number = command["round"]
    if not isinstance(number, int) or isinstance(number, bool):
        raise RuleError("bad_request", "'round' must be a whole number.")
    return table.current is None or table.current.number != number
