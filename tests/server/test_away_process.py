"""The real server process, with the connection really dropped (a proxy cuts it, as when a
phone loses its signal): the turn of someone away passes on after `away_after` seconds, and
comes back to them when they rejoin."""
from tests.browser.proxy import Proxy

from .clients import Participant


def test_a_dropped_turn_holder_passes_the_turn_on_and_gets_it_back_on_return(server):
    made = server.create_room("Away for a moment")
    host, bo = Participant(server.url), Participant(server.url)
    proxy = Proxy(server.port)
    ann = Participant(proxy.url)
    try:
        assert host.host(made["code"], made["host_key"])["ok"]
        assert host.act("settings", away_after=1)["ok"]
        for person, name in ((ann, "Ann"), (bo, "Bo")):
            assert person.join(made["code"], name)["ok"]
            assert person.act("sit", table="t1")["ok"]
        assert host.act("start")["ok"]
        bo.wait_for(lambda v: v["table"]["turn"] == ann.player_id)

        proxy.offline()  # no goodbye: the connection is simply gone
        bo.wait_for(lambda v: v["table"]["turn"] == bo.player_id, timeout=10)
        turn_of = {p["id"]: p for p in bo.view["table"]["players"]}
        assert not turn_of[ann.player_id]["connected"]

        back = Participant(server.url)
        try:
            ack = back.call("join", {"code": made["code"], "token": ann.token})
            assert ack["ok"] and ack["player_id"] == ann.player_id
            bo.wait_for(lambda v: v["table"]["turn"] == ann.player_id, timeout=5)
        finally:
            back.close()
    finally:
        for person in (host, bo, ann):
            person.close()
        proxy.close()
