"""Views on the wire (server/wire.py): stitched from reused encoded parts, they are exactly
the views `server/game/views.py` builds, before and after every kind of change."""
import json

from socketio.packet import Packet

from server.game import host_view, table_view
from server.rooms import Rooms, digest
from server.store import Store
from server.wire import Encoded, JsonPacket, Views

from .story import small_deck


def plain(view: dict) -> dict:
    return json.loads(json.dumps(view))


def busy_room(tmp_path):
    rooms = Rooms(Store(tmp_path / "wire.db"))
    code, _ = rooms.create("Wire", small_deck())
    people = []
    for i, name in enumerate(("Ann", "Bo", "Cy", "Di")):
        room, _, _ = rooms.execute(code, {"type": "join", "name": name, "perspective": "person", "token_hash": digest(name)})
        people.append(room.tokens[digest(name)])
        rooms.execute(code, {"type": "sit", "actor": people[-1], "table": "t1" if i < 2 else "t2"})
    rooms.execute(code, {"type": "start", "actor": "host"})
    return rooms, code, people


def same_everywhere(rooms, views, code, online):
    room = rooms.get(code)
    for table in (*room.tables, None):
        assert json.loads(views.table(room, table, online, "now")) == plain(table_view(room, table, online, "now"))
    assert json.loads(views.host(room, online, "now")) == plain(host_view(room, online, "now"))
    # the same parts as data, for patches (server/patches.py)
    for table in (*room.tables, None):
        assert plain(views.table_data(room, table, online, "now")) == plain(table_view(room, table, online, "now"))
    assert plain(views.host_data(room, online, "now")) == plain(host_view(room, online, "now"))


def test_stitched_views_equal_the_rules_views_through_changes(tmp_path):
    rooms, code, (ann, bo, cy, di) = busy_room(tmp_path)
    views = Views(rooms)
    online = {ann, cy}
    same_everywhere(rooms, views, code, online)
    rooms.execute(code, {"type": "draw", "actor": ann})
    rooms.execute(code, {"type": "respond", "actor": bo, "text": 'Quotes " and \\ and ünïcode'})
    same_everywhere(rooms, views, code, online)
    rooms.execute(code, {"type": "sit", "actor": di, "table": "t1"})  # the table list changes
    rooms.execute(code, {"type": "pause", "actor": "host"})  # the header changes
    same_everywhere(rooms, views, code, online)
    rooms.connected(code, bo, "sid-bo")  # presence: Bo's table shows him connected
    same_everywhere(rooms, views, code, online | {bo})


def test_a_part_is_reused_until_the_rules_name_its_table(tmp_path):
    rooms, code, (ann, bo, cy, _) = busy_room(tmp_path)
    views = Views(rooms)
    room = rooms.get(code)
    views.table(room, "t1", set(), "now")
    views.table(room, "t2", set(), "now")
    t1, t2 = views.parts[(code, "t1", "")], views.parts[(code, "t2", "")]
    rooms.execute(code, {"type": "draw", "actor": ann})  # only table 1 changed
    views.table(room, "t1", set(), "now")
    views.table(room, "t2", set(), "now")
    assert views.parts[(code, "t2", "")] is t2 and views.parts[(code, "t1", "")] is not t1


def test_warming_brings_every_table_up_to_date_a_table_at_a_time(tmp_path):
    rooms, code, (ann, bo, cy, _) = busy_room(tmp_path)
    views = Views(rooms)
    room = rooms.get(code)
    views.host_data(room, set(), "now")
    rooms.execute(code, {"type": "draw", "actor": ann})
    rooms.execute(code, {"type": "respond", "actor": bo, "text": "An answer"})
    pauses = []
    views.warm(room, set(), lambda: pauses.append(1))
    assert len(pauses) == len(room.tables)
    warmed = {key: part for key, part in views.parts.items() if key[1] in room.tables}
    assert plain(views.host_data(room, set(), "now")) == plain(host_view(room, set(), "now"))
    after = {key: part for key, part in views.parts.items() if key[1] in room.tables}
    assert after.keys() == warmed.keys() and all(after[key] is part for key, part in warmed.items())  # nothing built again


def test_an_encoded_view_goes_out_as_the_same_packet_as_the_object():
    view = {"n": 3, "table": {"text": "Tea ☕", "list": [1, None, True]}}
    ours = JsonPacket(data=["view", Encoded(json.dumps(view))]).encode()
    assert ours.startswith('2["view",{') and Packet(encoded_packet=ours).data == ["view", view]
    plain = JsonPacket(data=["view", view]).encode()  # plain objects still work
    assert plain == '2["view",{"n":3,"table":{"text":"Tea ☕","list":[1,null,true]}}]'
    assert Packet(encoded_packet=plain).data == ["view", view]
    assert JsonPacket(data=[{"big": 2**70}]).encode() == '2[{"big":%d}]' % 2**70


def test_what_clients_send_is_read_as_the_standard_library_reads_it():
    import math

    from server.wire import JsonPacket

    for text in ('2["act",{"type":"vote","n":1,"words":"Café ☕"}]', "2[\"act\",{\"text\":\"\\ud800\"}]"):
        packet = JsonPacket(encoded_packet=text)
        assert packet.packet_type == 2 and packet.data == json.loads(text[1:])  # an event
    assert math.isnan(JsonPacket(encoded_packet='2["act",{"n":NaN}]').data[1]["n"])  # orjson refuses it: read as before
    huge = JsonPacket(encoded_packet='2["act",{"count":123456789012345678901234567890}]').data[1]["count"]
    assert isinstance(huge, float)  # past 64 bits: a float, which no count, timer or seed takes
