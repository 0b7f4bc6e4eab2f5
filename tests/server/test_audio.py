"""Spoken answers: upload with your own token, answer with it, and tablemates and the host
play it back. Anything that is not a short WebM/Opus recording from someone in this
workshop is refused with a clear message and stores nothing."""
import pytest

from tests.unit.webm_maker import webm


@pytest.fixture
def server(app_server):
    return app_server


def seated_pair(server, people):
    room = server.create_room()
    host, ann, bo = people(), people(), people()
    host.host(room["code"], room["host_key"])
    ann.join(room["code"], "Ann", "person")
    bo.join(room["code"], "Bo", "carer")
    for person in (ann, bo):
        person.act("sit", table="t1")
    host.act("start")
    (ann if ann.view["table"]["turn"] == ann.player_id else bo).act("draw")
    return room, host, ann, bo


def upload(server, room, token, data, media_type="audio/webm"):
    headers = {"Content-Type": media_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return server.http.post(f"{server.url}/api/rooms/{room['code']}/audio", data=data, headers=headers)


def stored_clips(server, room) -> int:
    store = server.app.extensions["inourshoes"].store
    return store.db.execute("SELECT COUNT(*) FROM audio WHERE room = ?", [room["code"]]).fetchone()[0]


def test_a_spoken_answer_is_uploaded_answered_and_played_by_a_tablemate_and_the_host(server, people):
    room, host, ann, bo = seated_pair(server, people)
    sound = webm(4.0)
    answer = upload(server, room, ann.token, sound)
    assert answer.status_code == 201, answer.text
    clip = answer.json()
    assert clip["seconds"] == pytest.approx(4.0, abs=0.1)
    assert ann.act("respond", audio=clip["audio"], text="About the bus")["ok"]
    shown = bo.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]
    assert shown["audio"] == {"id": clip["audio"], "seconds": clip["seconds"]} and shown["text"] == "About the bus"
    url = f"{server.url}/api/rooms/{room['code']}/audio/{clip['audio']}"
    for key in (bo.token, room["host_key"], ann.token):
        played = server.http.get(url, headers={"Authorization": f"Bearer {key}"})
        assert played.status_code == 200 and played.content == sound
        assert played.headers["Content-Type"] == "audio/webm"


@pytest.mark.parametrize(
    "token, data, media_type, status, words",
    [
        ("ann", webm(2.0), "audio/ogg", 415, "audio/webm"),
        ("ann", b"not a recording at all", "audio/webm", 415, "not a WebM"),
        ("ann", webm(2.0, track_type=1, codec="V_VP8"), "audio/webm", 415, "sound only"),
        ("ann", webm(75.0), "audio/webm", 413, "60 seconds"),
        ("ann", b"\x1a\x45\xdf\xa3" + b"\0" * (1024 * 1024 + 10), "audio/webm", 413, "too big"),
        (None, webm(2.0), "audio/webm", 403, "join"),
        ("other-room", webm(2.0), "audio/webm", 403, "join"),
    ],
)
def test_a_bad_upload_is_refused_with_a_clear_message_and_stores_nothing(server, people, token, data, media_type, status, words):
    room, host, ann, bo = seated_pair(server, people)
    if token == "other-room":
        elsewhere = server.create_room()
        stranger = people()
        stranger.join(elsewhere["code"], "Cat", "manager")
        token = stranger.token
    elif token == "ann":
        token = ann.token
    answer = upload(server, room, token, data, media_type)
    assert answer.status_code == status, answer.text
    assert words in answer.json()["error"]["message"]
    assert stored_clips(server, room) == 0
    assert ann.view["room"]["code"] == room["code"]  # the workshop goes on


def test_only_people_at_that_table_and_the_hosts_can_play_it(server, people):
    room, host, ann, bo = seated_pair(server, people)
    clip = upload(server, room, ann.token, webm(1.0)).json()["audio"]
    ann.act("respond", audio=clip)
    other = people()
    other.join(room["code"], "Cy", "manager")
    other.act("sit", table="t2")
    url = f"{server.url}/api/rooms/{room['code']}/audio/{clip}"
    for key in (other.token, "wrong", None):
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        assert server.http.get(url, headers=headers).status_code == 403
    assert server.http.get(f"{server.url}/api/rooms/BCDFGH/audio/{clip}").status_code == 403


def test_recordings_are_deleted_with_the_workshop(server, people):
    room, host, ann, bo = seated_pair(server, people)
    upload(server, room, ann.token, webm(1.0))
    assert stored_clips(server, room) == 1
    server.app.extensions["inourshoes"].rooms.delete(room["code"])
    assert stored_clips(server, room) == 0


def test_exports_list_pictures_and_spoken_answers_and_json_carries_the_sound_on_request(server, people):
    import base64
    import json

    room, host, ann, bo = seated_pair(server, people)
    sound = webm(42.0)
    clip = upload(server, room, ann.token, sound).json()["audio"]
    ann.act("respond", audio=clip, text="About the bus")
    bo.act("respond", symbol="unsure")
    secret = upload(server, room, bo.token, webm(3.0)).json()["audio"]
    bo.act("respond", audio=secret, private=True)
    auth = {"Authorization": f"Bearer {room['host_key']}"}
    base = f"{server.url}/api/rooms/{room['code']}/export"
    markdown = server.http.get(base + ".md", headers=auth).text
    assert "About the bus (spoken answer, 0:42)" in markdown and "(picture: not sure)" in markdown
    assert "0:03" not in markdown  # kept in the room
    for fmt in ("csv", "html"):
        assert "spoken answer, 0:42" in server.http.get(f"{base}.{fmt}", headers=auth).text
    plain = json.loads(server.http.get(base + ".json", headers=auth).text)
    assert "recordings" not in plain
    full = json.loads(server.http.get(base + ".json", headers=auth, params={"audio": "1"}).text)
    assert [r["id"] for r in full["recordings"]] == [clip]
    assert base64.b64decode(full["recordings"][0]["base64"]) == sound
