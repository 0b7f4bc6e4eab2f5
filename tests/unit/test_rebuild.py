"""A long room (over a thousand events: rounds, answers, votes, ties, reshuffles) rebuilt
from SQLite by a fresh process is the room that was live: every view the same. (How fast
is measured by the benchmark, `bench/restart.py`, not here.)"""
import json

from server.game import RuleError, host_view, table_view
from server.rooms import Rooms, digest
from server.store import Store

from .story import small_deck


def test_a_long_room_rebuilt_from_the_log_shows_the_same_views(tmp_path):
    rooms = Rooms(Store(tmp_path / "long.db"))
    code, _ = rooms.create("Long", small_deck())
    people = []
    for i in range(8):
        room, _, _ = rooms.execute(code, {"type": "join", "name": f"P{i}", "perspective": "person", "token_hash": digest(str(i))})
        people.append(room.tokens[digest(str(i))])
        rooms.execute(code, {"type": "sit", "actor": people[-1], "table": list(room.tables)[i % 2]})
    rooms.execute(code, {"type": "start", "actor": "host"})
    for i in range(4000):
        room = rooms.get(code)
        if room.n >= 1200:
            break
        player = people[i % len(people)]
        table = room.tables[room.players[player].table]
        tries = [{"type": "draw", "actor": table.turn or player}] if table.current is None else [
            {"type": "respond", "actor": player, "text": f"Idea {i}"},
            *({"type": "vote", "actor": player, "response": r.id} for r in table.current.responses[:3]),
            {"type": "next", "actor": player},
            {"type": "agree", "actor": player, "response": None},
        ]  # fmt: skip
        for command in tries:
            try:
                rooms.execute(code, command)
                break
            except RuleError:
                continue
    live = rooms.get(code)
    assert live.n >= 1200 and sum(len(t.rounds) for t in live.tables.values()) > 10

    rebuilt = Rooms(Store(tmp_path / "long.db")).get(code)
    online = set(people[:3])
    assert rebuilt.n == live.n
    assert json.dumps(host_view(rebuilt, online, "now")) == json.dumps(host_view(live, online, "now"))
    for table in (*live.tables, None):
        assert json.dumps(table_view(rebuilt, table, online, "now")) == json.dumps(table_view(live, table, online, "now"))
