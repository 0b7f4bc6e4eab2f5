"""How a table moves on from a card, and what it agreed.

The answer with the most votes is proposed. A single clear winner is agreed "by votes"; on a
tie the table chooses together between the tied answers (`agree`), and that is recorded as
"chosen"; with no votes nothing is agreed ("none"). Hidden answers are shown once everyone who
can answer has answered (people without a device count when someone answers for them).
"""
from __future__ import annotations

from .board import redeal_events, tile_events
from .checks import RuleError, moved_on, seated_player, table_of
from .model import Room, Round, Table
from .moves import event, new_id, next_seat, turn_events


def leaders(current: Round) -> list[str]:
    """Ids of the answers with the most votes (none if nobody has voted)."""
    most = max((len(r.voters) for r in current.responses), default=0)
    return [r.id for r in current.responses if most and len(r.voters) == most]


def proposed(current: Round) -> str | None:
    """The answer that "Next card" would keep: the one clear leader, if there is one."""
    top = leaders(current)
    return top[0] if len(top) == 1 else None


def everyone_answered(room: Room, table: Table, also: str | None = None) -> bool:
    """Everyone at the table with a device has answered the card in play (counting `also`,
    who is answering now)."""
    answered = {r.author for r in table.current.responses} | {also}
    return all(p in answered for p in table.seats if room.players[p].token_hash is not None)


def _own_table(room: Room, command: dict):
    """The sender's table: the one named by the host, or where the participant sits.
    Returns (participant or None for the host, table)."""
    if command.get("actor") == "host":
        return None, table_of(room, command.get("table"))
    return seated_player(room, command)


def reveal(room: Room, command: dict):
    """The host or the turn-holder may show hidden answers at any time; anyone at the table
    may once everyone with a device has answered, or when the turn-holder has no device."""
    player, table = _own_table(room, command)
    if table.current is None or table.current.revealed:
        return []
    holder = room.players.get(table.turn) if table.turn else None
    free = player is None or holder is None or holder.id == player.id or holder.token_hash is None
    if not free and not everyone_answered(room, table):
        raise RuleError("not_your_turn", f"{holder.name} can show the answers now, or anyone once everyone has answered.")
    return [event(command, "responses_revealed", table=table.id)]


def finish_round(room: Room, command: dict, table: Table, outcome: str, chosen: str | None = None, later: bool = False):
    """End the open round and pass the turn. `outcome`: "skipped", "votes" (agree the clear
    leader, or nothing if nobody voted), "chosen" (the table agrees `chosen`; None: agree
    nothing) or "facilitator" (the same, chosen by the host). `later`: a skipped card goes back
    in the pile."""
    current = table.current
    data = {"table": table.id, "outcome": "skipped"}
    if outcome != "skipped":
        agreed = chosen if outcome in ("chosen", "facilitator") else proposed(current)
        data.update(outcome="no_agreement", how="none")
        if agreed is not None:
            best = next(r for r in current.responses if r.id == agreed)
            note_id, next_id = new_id(room, "n")
            data.update(
                outcome="agreed",
                how=outcome,
                agreed=best.id,
                note=note_id,
                text=best.text,
                author=best.author,
                entered_by=best.entered_by,
                private=best.private,
                next_id=next_id,
            )
            data.update({k: v for k, v in (("symbol", best.symbol), ("audio", best.audio)) if v})
    events = [event(command, "round_ended", **data)]
    if data["outcome"] == "agreed":
        events += tile_events(room, command, table, current)
    else:
        events += redeal_events(room, command, table, back=current.card if later else None)
    after = table.returning or next_seat(table, current.turn or table.turn)
    return events + turn_events(command, table, after)


def next_card(room: Room, command: dict):
    """Move on: agree the clear leader; on a tie, ask the table to choose (the round stays
    open until someone does, and votes may still change)."""
    _, table = _own_table(room, command)
    if moved_on(command, table):
        return []  # that card is done already: a second press, or a tablemate was quicker
    if table.current is None:
        raise RuleError("bad_request", "There is no card to move on from. Draw a card first.")
    tied = leaders(table.current)
    if len(tied) < 2:
        return finish_round(room, command, table, "votes")
    if tied == table.current.tie:
        raise RuleError("bad_request", "Some answers have the same votes. Please choose one together first.")
    return [event(command, "round_tied", table=table.id, tied=tied)]


def agree(room: Room, command: dict):
    """The table chooses between tied answers (`response`), or agrees none (`response: null`);
    when the facilitator chooses, the notes say so, never that the table did."""
    player, table = _own_table(room, command)
    current = table.current
    if current is None or not current.tie:
        raise RuleError("bad_request", "There is nothing to choose between just now.")
    chosen = command.get("response")
    if chosen is not None and chosen not in current.tie:
        raise RuleError("not_found", "Please choose one of the answers with the most votes.")
    return finish_round(room, command, table, "chosen" if player is not None else "facilitator", chosen)
