"""The load generator's worker: a share of the tables, every tablemate in this one process,
so one clock times both the acknowledgement and the fan-out.

Fan-out latency of an action: from sending it until *every* person at the table (the sender
too) holds a view whose `n` is at least the `n` its acknowledgement gave. A view may arrive
before the acknowledgement (our server sends views first), so each person keeps the arrival
times of their last views.
"""
from __future__ import annotations

import asyncio
import random
import time
import uuid

import aiohttp
import requests

from sio import Client

HISTORY = 64  # views remembered per person


def act(type_: str, **fields) -> dict:
    return {"id": uuid.uuid4().hex, "type": type_, **fields}


async def open_room(session, url: str, table_count: int, patches: bool = True):
    """Our server: a room with enough tables, a host connected (as at a real workshop), started.
    `patches`: the host page, like everyone's, is sent changes rather than whole views."""
    created = requests.post(url + "/api/rooms", json={"title": "Bench", "deck": "everyday-lives"}, timeout=30).json()
    host = Client(session, url)
    await host.connect()
    view = (await host.call("host", {"code": created["code"], "host_key": created["host_key"], "patches": patches}))["view"]
    if table_count > len(view["tables"]):
        added = await host.call("act", act("add_table", count=table_count - len(view["tables"])))
        assert added.get("ok"), added
    started = await host.call("act", act("start"))
    assert started.get("ok"), started
    view = (await host.call("host", {"code": created["code"], "host_key": created["host_key"], "patches": patches}))["view"]
    return created, host, [t["id"] for t in view["tables"]]


class Person:
    def __init__(self, client: Client, index: int):
        self.client, self.index = client, index
        self.me = ""  # player id on our server
        self.seen: list[tuple[int, float]] = []  # (view n, arrival), newest last

    def arrival(self, n: int) -> float | None:
        """When the first view still current with `n` arrived (None: not yet)."""
        found = None
        for seen_n, at in reversed(self.seen):
            if seen_n < n:
                break
            found = at
        return found


class Table:
    """One table's people and its actions still waiting for someone to see them."""

    def __init__(self, table_id: str, stats: dict):
        self.id, self.stats = table_id, stats
        self.people: list[Person] = []
        self.pending: list[list] = []  # [n, sent, latest arrival, set of people still waiting]

    def add(self, person: Person) -> None:
        self.people.append(person)
        person.client.on_view = lambda n, at, p=person: self.viewed(p, n, at)

    def viewed(self, person: Person, n: int, at: float) -> None:
        person.seen.append((n, at))
        del person.seen[:-HISTORY]
        for item in list(self.pending):
            if item[0] <= n and person in item[3]:
                item[3].discard(person)
                item[2] = max(item[2], at)
                if not item[3]:
                    self.pending.remove(item)
                    self.stats["fanout"].append((item[2] - item[1]) * 1000)

    def acknowledged(self, n: int, sent: float) -> None:
        latest, waiting = sent, set()
        for person in self.people:
            at = person.arrival(n)
            if at is None:
                waiting.add(person)
            else:
                latest = max(latest, at)
        if waiting:
            self.pending.append([n, sent, latest, waiting])
        else:
            self.stats["fanout"].append((latest - sent) * 1000)


async def seat(session, spec: dict, table_id: str, indexes: list[int], stats: dict) -> Table:
    table = Table(table_id, stats)
    for index in indexes:
        client = Client(session, spec["url"])
        await client.connect()
        person = Person(client, index)
        if spec["room"]:
            ack = await client.call("join", {"code": spec["room"], "name": f"P{index}", "perspective": "person", "patches": spec["patches"]})
            person.me = ack["player_id"]
            sat = await client.call("act", act("sit", table=table_id))
            assert sat.get("ok"), sat
        else:
            await client.call("join", {"table": table_id})
        table.add(person)
    if spec["room"]:  # the first seat holds the turn and draws the first card
        drew = await table.people[0].client.call("act", act("draw"))
        assert drew.get("ok"), drew
    return table


def next_action(spec: dict, table: Table, person: Person, answered: bool) -> dict:
    """Answer first; then vote for the table's first answer, or take that vote back."""
    if spec["room"] and answered:
        responses = ((person.client.latest() or {}).get("table") or {}).get("responses") or []
        if responses:
            first = responses[0]
            return act("unvote" if person.me in first["voters"] else "vote", response=first["id"])
    return act("respond", text=f"Idea from {person.index}", table=table.id)


async def participant(spec, table: Table, person: Person, end: float, stats: dict) -> None:
    interval = spec["interval"]
    due = time.monotonic() + random.random() * interval
    answered = False
    while True:
        await asyncio.sleep(max(0.0, min(due, end) - time.monotonic()))
        if time.monotonic() >= end:
            return
        payload = next_action(spec, table, person, answered)
        sent = time.perf_counter()
        try:
            ack = await person.client.call("act", payload, timeout=30)
        except Exception:
            stats["errors"] += 1
            if person.client.ws.closed:
                return
            due += interval
            continue
        stats["ack"].append((time.perf_counter() - sent) * 1000)
        if ack.get("ok") and "n" in ack:
            stats["acked"].append((person.me, payload["id"]))
            table.acknowledged(ack["n"], sent)
            answered = answered or payload["type"] == "respond"
        else:
            stats["refused"] += 1
        due += interval


async def worker_main(spec: dict, ready, go, acted, results) -> None:
    stats = {"ack": [], "fanout": [], "acked": [], "refused": 0, "errors": 0, "unseen": 0}
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        tables = [await seat(session, spec, t, people, stats) for t, people in spec["groups"]]
        ready.release()
        while not go.is_set():
            await asyncio.sleep(0.01)
        end = time.monotonic() + spec["seconds"]
        await asyncio.gather(*(participant(spec, t, p, end, stats) for t in tables for p in t.people))
        acted.release()
        deadline = time.monotonic() + 10  # let the last views arrive
        while any(t.pending for t in tables) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        stats["unseen"] = sum(len(t.pending) for t in tables)
        for table in tables:
            for person in table.people:
                await person.client.close()
    results.put(stats)


def worker(spec, ready, go, acted, results) -> None:
    asyncio.run(worker_main(spec, ready, go, acted, results))
