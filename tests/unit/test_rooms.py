"""Live rooms over a real SQLite file: one write path, commands done once, nothing left
behind by codes that name no room."""
import json
import sqlite3

from server.rooms import Rooms, digest
from server.store import Store

from .story import small_deck


def open_rooms(path):
    return Rooms(Store(path))


def test_a_resent_command_is_done_once_even_after_a_restart(tmp_path):
    rooms = open_rooms(tmp_path / "a.db")
    code, _ = rooms.create("Test", small_deck())
    command = {"type": "join", "name": "Ann", "perspective": "person", "token_hash": digest("t")}
    room, _, _ = rooms.execute(code, command)
    ann = room.tokens[digest("t")]
    first = rooms.execute(code, {"id": "c1", "actor": ann, "type": "sit", "table": "t1"})[1]
    assert rooms.execute(code, {"id": "c1", "actor": ann, "type": "sit", "table": "t2"})[1] == first
    again = open_rooms(tmp_path / "a.db")
    room, n, news = again.execute(code, {"id": "c1", "actor": ann, "type": "sit", "table": "t2"})
    assert n == first and not news.hosts and room.players[ann].table == "t1"
    # the same id from someone else is another command
    assert again.execute(code, {"id": "c1", "actor": "host", "type": "pause"})[1] == first + 1


def test_commands_recorded_in_older_logs_are_still_done_once(tmp_path):
    path = tmp_path / "old.db"
    rooms = open_rooms(path)
    code, _ = rooms.create("Old", small_deck())
    rooms.execute(code, {"type": "pause", "actor": "host"})
    conn = sqlite3.connect(path)
    data = json.loads(conn.execute("SELECT data FROM events WHERE n = 2").fetchone()[0])
    conn.execute("UPDATE events SET data = ? WHERE n = 2", [json.dumps(dict(data, cmd="host/old-1"))])
    conn.execute("DROP TABLE commands")
    conn.commit()
    conn.close()
    again = open_rooms(path)
    assert again.execute(code, {"id": "old-1", "actor": "host", "type": "resume"})[1] == 2
    assert again.get(code).paused


def test_codes_that_name_no_room_leave_nothing_behind(tmp_path):
    rooms = open_rooms(tmp_path / "c.db")
    code, _ = rooms.create("Real", small_deck())
    for guess in ("BBBBBB", "CCCCCC", "DDDDDD") * 100:
        assert rooms.get(guess) is None
    assert set(rooms._locks) <= {code} and set(rooms.live) == {code}


def test_a_deleted_room_is_forgotten_everywhere(tmp_path):
    rooms = open_rooms(tmp_path / "d.db")
    code, _ = rooms.create("Gone", small_deck())
    rooms.execute(code, {"id": "x", "actor": "host", "type": "pause"})
    rooms.delete(code)
    assert rooms.get(code) is None
    assert code not in rooms._locks and code not in rooms.done
    assert Store(tmp_path / "d.db").commands(code) == {}
