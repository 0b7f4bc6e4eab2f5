"""Who must hear about a change: a pure function of the room and the events just applied.

Like boardgame.io's master, the rules decide each recipient's share; the transport only
moves sockets between Socket.IO rooms and encodes the views this names. Nothing outside
`server/game/` keeps a list of event types.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Event, Room

#: Events that change what every table and the unseated see (the room's header, the
#: list of tables, the stage of every table).
ROOM_WIDE = frozenset({
    "room_paused", "room_resumed", "room_locked", "room_unlocked", "timer_set", "notice_sent",
    "settings_changed", "room_ended", "table_added",
})  # fmt: skip
#: Events that change nothing on the big screen (which never shows answers, votes or turns).
SCREEN_QUIET = frozenset({
    "response_added", "vote_cast", "vote_withdrawn", "responses_revealed", "round_tied", "turn_passed",
    "player_back", "audio_recorded", "more_time_asked", "cohost_added", "cohost_revoked", "host_key_reset",
    "practice_paced", "run_sheet_set", "poem_line_added", "deck_dealt",
})  # fmt: skip


@dataclass
class Audiences:
    """What changed for whom.

    - `tables`: ids of the tables whose table view changed;
    - `lobby`: the view of people not yet seated changed;
    - `hosts`: the host view changed;
    - `moves`: (player, from table, to table) for people who changed table (None: unseated);
    - `removed`: (player, table, reason) for people removed ("removed") or not let in
      ("turned_away");
    - `notices`: facilitator's messages to show now, `{"text", "at"}`;
    - `revoked`: host links that stopped working ("main", or a co-facilitator's id);
    - `screens`: the big screen's view changed (views_screen.py).
    """

    tables: set[str] = field(default_factory=set)
    lobby: bool = False
    hosts: bool = False
    moves: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    removed: list[tuple[str, str | None, str]] = field(default_factory=list)
    notices: list[dict] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)
    screens: bool = False

    def merge(self, other: "Audiences | None") -> "Audiences":
        """Both changes' audiences together."""
        if other is None:
            return self
        return Audiences(
            tables=self.tables | other.tables,
            lobby=self.lobby or other.lobby,
            hosts=self.hosts or other.hosts,
            moves=self.moves + other.moves,
            removed=self.removed + other.removed,
            notices=self.notices + other.notices,
            revoked=self.revoked + other.revoked,
            screens=self.screens or other.screens,
        )


def audiences(room: Room, events: list[Event]) -> Audiences:
    """Who must hear about `events`, already applied to `room`."""
    out = Audiences(hosts=bool(events), screens=any(e.type not in SCREEN_QUIET for e in events))
    for event in events:
        data = event.data
        if event.type in ROOM_WIDE or (event.type == "stage_set" and not data.get("table")):
            out.tables.update(room.tables)
            out.lobby = True
        if event.type == "notice_sent" and data.get("text"):
            out.notices.append({"text": data["text"], "at": event.at})
        if event.type == "player_seated":
            out.moves.append((data["player"], data["from"], data["table"]))
            out.lobby = True
        elif event.type == "player_removed":
            out.removed.append((data["player"], data.get("table"), data.get("reason", "removed")))
            out.lobby = True
        elif event.type == "player_admitted":
            out.lobby = True  # the waiting list the unseated see
        elif event.type == "cohost_revoked":
            out.revoked.append(data["cohost"])
        elif event.type == "host_key_reset":
            out.revoked.append("main")
        out.tables.update(t for t in (data.get("table"), data.get("from")) if t in room.tables)
    return out


def presence_audiences(room: Room, player_id: str) -> Audiences:
    """Someone came online or went offline: their table and the hosts see it."""
    player = room.players.get(player_id)
    table = player.table if player else None
    return Audiences(tables={table} if table else set(), hosts=True)
