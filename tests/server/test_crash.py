"""Kill the server with SIGKILL mid-session; restart on the same database; nothing
acknowledged is missing and everyone rejoins where they were."""
import subprocess
import sys
import threading
import time

from tests.conftest import ROOT, free_port

from .clients import Participant


def test_sigkill_loses_nothing_acknowledged(fresh_server):
    server = fresh_server.start()
    room = server.create_room("Crash test")
    host = Participant(server.url)
    host.host(room["code"], room["host_key"])
    people = []
    for i, name in enumerate(("Ann", "Bo", "Cy", "Di")):
        person = Participant(server.url)
        person.join(room["code"], name, "carer" if i % 2 else "person")
        person.act("sit", table="t1" if i < 2 else "t2")
        people.append(person)
    ann, bo, cy, di = people
    host.act("start")
    ann.act("draw")
    first = bo.act("respond", text="before the crash")
    response_id = bo.wait_for(lambda v: v["table"]["responses"])["table"]["responses"][0]["id"]
    ann.act("vote", response=response_id)
    cy.act("draw")

    # Keep acting from two threads while the server is killed; remember what was acknowledged.
    acknowledged = []

    def keep_responding(person, label):
        for i in range(200):
            try:
                ack = person.act("respond", text=f"{label} {i}")
            except Exception:
                return
            if not ack.get("ok"):
                return
            acknowledged.append(f"{label} {i}")

    threads = [threading.Thread(target=keep_responding, args=(p, p.player_id)) for p in (bo, di)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 10
    while len(acknowledged) < 20 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(acknowledged) >= 20
    server.kill()
    for thread in threads:
        thread.join(15)
    for person in (host, *people):
        person.close()

    server.start()
    again = {}
    for person in people:
        rejoined = Participant(server.url)
        ack = rejoined.call("join", {"code": room["code"], "token": person.token})
        assert ack["ok"] and ack["player_id"] == person.player_id
        again[person.player_id] = (rejoined, ack["view"])
    view_t1 = again[ann.player_id][1]["table"]
    view_t2 = again[cy.player_id][1]["table"]
    assert [p["name"] for p in view_t1["players"]] == ["Ann", "Bo"]
    assert [p["name"] for p in view_t2["players"]] == ["Cy", "Di"]
    assert view_t1["card"] and view_t2["card"] and view_t1["turn"] == ann.player_id
    texts = [r["text"] for r in view_t1["responses"] + view_t2["responses"]]
    assert "before the crash" in texts and first["ok"]
    assert set(acknowledged) <= set(texts), set(acknowledged) - set(texts)
    assert view_t1["responses"][0]["voters"] == [ann.player_id]
    # and the room can go on
    assert again[bo.player_id][0].act("vote", response=response_id)["ok"]
    host_again = Participant(server.url)
    assert host_again.host(room["code"], room["host_key"])["ok"]
    for person, _ in again.values():
        person.close()
    host_again.close()


def test_a_second_server_on_the_same_log_or_port_is_refused_with_a_clear_message(fresh_server, tmp_path):
    """Two servers on one event log each keep their own rooms in memory and write the same
    event numbers: the second is refused at once, and so is a second one on the same port."""
    first = fresh_server.start()
    room = first.create_room("Only one")

    def second(db, port):
        return subprocess.run(
            [sys.executable, "run.py", "--port", str(port), "--db", str(db)],
            cwd=ROOT, capture_output=True, text=True, timeout=30,
        )

    same_log = second(first.db, free_port())
    assert same_log.returncode != 0
    assert f"Another In Our Shoes server is already using {first.db}" in same_log.stderr
    same_port = second(tmp_path / "other.db", first.port)
    assert same_port.returncode != 0
    assert f"Port {first.port} is already in use" in same_port.stderr
    assert "is running" not in same_port.stdout  # it never said it was
    assert not (tmp_path / "other.db").exists()  # and made nothing on disk
    assert first.participant().join(room["code"], "Ann", "person")["ok"]  # the first carries on
