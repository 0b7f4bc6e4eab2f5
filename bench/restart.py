"""Restart figures: how soon people are back in their seats after kill -9 and a restart, and
how long a big room takes to rebuild from its log.

Reconnecting clients wait as the browser's socket.io client does by default (1 s, doubling
up to 5 s, each ±50 % at random), so the figure is what people would see, not a tight loop.
"""
from __future__ import annotations

import asyncio
import random
import sys
import time
from pathlib import Path

import aiohttp

import servers
import fanout
from fanout import act
from sio import Client

sys.path.insert(0, str(servers.ROOT))


async def _seat(session, url, code, table, index):
    client = Client(session, url)
    await client.connect()
    ack = await client.call("join", {"code": code, "name": f"P{index}", "perspective": "carer"})
    sat = await client.call("act", act("sit", table=table))
    assert sat.get("ok"), sat
    return client, ack["token"], table


async def _back(session, url, code, token, table, n_before, killed) -> tuple[float, bool]:
    """Reconnect with the browser's back-off; rejoin with the token. Returns (seconds after
    the kill, whether the view put them in their seat with everything up to `n_before`)."""
    attempt = 0
    while time.monotonic() - killed < 60:
        delay = min(1.0 * 2**attempt, 5.0) * (0.5 + random.random())
        await asyncio.sleep(delay)
        attempt += 1
        client = Client(session, url)
        try:
            await client.connect(timeout=5)
            ack = await client.call("join", {"code": code, "token": token}, timeout=10)
        except Exception:
            await client.close()
            continue
        back = time.monotonic() - killed
        view = ack.get("view") or {}
        await client.close()
        return back, bool(ack.get("ok") and (view.get("table") or {}).get("id") == table and view.get("n", 0) >= n_before)
    return float("inf"), False


async def _measure(people: int, db: str) -> dict:

    kind = servers.kinds()["ours"]
    server = servers.Running(kind, db).start()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        created, host, tables = await fanout.open_room(session, server.url, -(-people // 6))
        code = created["code"]
        seated = []
        for start in range(0, people, 20):
            batch = [_seat(session, server.url, code, tables[i // 6], i) for i in range(start, min(start + 20, people))]
            seated += await asyncio.gather(*batch)
        for i in range(0, people, 6):  # each table's first card
            await seated[i][0].call("act", act("draw"))
        n_before = (await host.call("host", {"code": code, "host_key": created["host_key"]}))["view"]["n"]
        killed = time.monotonic()
        server.kill()
        for client, *_ in seated:
            await client.close()
        await host.close()
        server.start()
        started = time.monotonic() - killed
        results = await asyncio.gather(*(_back(session, server.url, code, token, table, n_before, killed) for _, token, table in seated))
        server.stop()
    times = sorted(t for t, _ in results)
    return {
        "people": people,
        "events_in_room": n_before,
        "server_up_s": round(started, 2),
        "median_back_s": round(times[len(times) // 2], 2),
        "all_back_s": round(times[-1], 2),
        "in_seat_with_current_view": sum(1 for _, ok in results if ok),
    }


def measure(people: int, db: str) -> dict:
    """kill -9 with `people` connected and seated, restart at once, time until all are back."""
    figures = asyncio.run(_measure(people, db))
    print(
        f"restart: {figures['in_seat_with_current_view']}/{people} back in their seats with the current view; "
        f"server up {figures['server_up_s']} s after the kill, half back by {figures['median_back_s']} s, "
        f"all by {figures['all_back_s']} s",
        flush=True,
    )
    return figures


def rebuild(events: int, db: str) -> dict:
    """Build a room of at least `events` events through the real write path, then time how
    long a fresh process's first touch takes to rebuild it from SQLite."""
    from server.decks import load_decks
    from server.rooms import Rooms, digest
    from server.store import Store

    rooms = Rooms(Store(db))
    code, _ = rooms.create("Rebuild", load_decks(servers.ROOT / "decks")["everyday-lives"])
    people = []
    for i in range(36):
        room, _, _ = rooms.execute(code, {"type": "join", "name": f"P{i}", "perspective": "person", "token_hash": digest(str(i))})
        people.append(room.tokens[digest(str(i))])
    rooms.execute(code, {"type": "add_table", "actor": "host", "count": 4})
    tables = list(rooms.get(code).tables)
    for i, player in enumerate(people):
        rooms.execute(code, {"type": "sit", "actor": player, "table": tables[i // 6]})
    rooms.execute(code, {"type": "start", "actor": "host"})
    from server.game import RuleError

    for i in range(events * 3):  # bounded: nearly every step adds an event
        room = rooms.get(code)
        if room.n >= events:
            break
        player = people[i % len(people)]
        table = room.tables[room.players[player].table]
        if table.current is None:
            tries = [{"type": "draw", "actor": table.turn or player}]
        else:
            answers = table.current.responses
            tries = [
                {"type": "respond", "actor": player, "text": f"Idea {i}"},
                *({"type": "vote", "actor": player, "response": r.id} for r in answers[:3]),
                {"type": "next", "actor": player},
                {"type": "agree", "actor": player, "response": None},  # after a tie
            ]
        for command in tries:
            try:
                rooms.execute(code, command)
                break
            except RuleError:
                continue
    live = rooms.get(code)
    again = Rooms(Store(db))
    began = time.perf_counter()
    rebuilt = again.get(code)
    seconds = time.perf_counter() - began
    same = rebuilt.n == live.n and rebuilt.players.keys() == live.players.keys()
    print(f"rebuild: a room of {rebuilt.n} events rebuilt from SQLite in {seconds * 1000:.0f} ms (same state: {same})", flush=True)
    return {"events": rebuilt.n, "seconds": round(seconds, 3), "same_n_and_players": same}


if __name__ == "__main__":
    print(rebuild(int(sys.argv[1]) if len(sys.argv) > 1 else 10000, str(Path("/tmp") / f"rebuild-{time.time_ns()}.db")))
