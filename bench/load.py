"""Load benchmark: N participants at tables of six, each acting every few seconds.

Runs the same load against a bare baseline server (bench/baseline.py) and against In Our
Shoes (run.py), in one command, and reports acknowledgement latency percentiles and the ratio
of ours to the baseline. Everything stays on loopback and stops by itself.

    .venv/bin/python bench/load.py --people 300 --seconds 20
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests
import socketio

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conftest import free_port  # noqa: E402


def start(cmd: list[str], port: int) -> subprocess.Popen:
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if requests.get(url + "/healthz", timeout=1).ok:
                return proc
        except requests.ConnectionError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


async def connect(url: str) -> socketio.AsyncClient:
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(url, transports=["websocket"], wait_timeout=30)
    return client


async def run_load(url: str, people: int, seconds: float, interval: float, ours: bool) -> list[float]:
    tables = max(1, people // 6)
    clients, people_at, latencies = [], [], []
    if ours:
        room = requests.post(url + "/api/rooms", json={"title": "Bench", "deck": "everyday-lives"}).json()
        host = await connect(url)
        await host.call("host", {"code": room["code"], "host_key": room["host_key"]})
        for _ in range(tables - 2):
            await host.call("act", {"id": uuid.uuid4().hex, "type": "add_table"})
        view = await host.call("host", {"code": room["code"], "host_key": room["host_key"]})
        table_ids = [t["id"] for t in view["view"]["tables"]]
    else:
        table_ids = [f"t{i}" for i in range(tables)]
    for i in range(people):
        client = await connect(url)
        table = table_ids[i % tables]
        if ours:
            ack = await client.call("join", {"code": room["code"], "name": f"P{i}", "perspective": "person"})
            await client.call("act", {"id": uuid.uuid4().hex, "type": "sit", "table": table})
            me = ack["player_id"]
        else:
            await client.call("join", {"table": table})
            me = None
        clients.append((client, table))
        people_at.append((client, table, me))
    if ours:
        await host.call("act", {"id": uuid.uuid4().hex, "type": "start"})
        for client, _ in clients[:tables]:  # the first at each table holds the turn
            await client.call("act", {"id": uuid.uuid4().hex, "type": "draw"})

    latest: dict[str, dict] = {}  # table -> the newest view of it, from any of its players
    for client, table in clients:
        client.on("view", lambda view, t=table: latest.__setitem__(t, view))

    async def participant(client, table, me, index):
        await asyncio.sleep(random.random() * interval)
        end = time.monotonic() + seconds
        responded = False
        while time.monotonic() < end:
            payload = {"id": uuid.uuid4().hex, "type": "respond", "text": f"Idea from {index}", "table": table}
            responses = ((latest.get(table) or {}).get("table") or {}).get("responses") or []
            if ours and responded and responses:
                first = responses[0]
                kind = "unvote" if me in first["voters"] else "vote"
                payload = {"id": uuid.uuid4().hex, "type": kind, "response": first["id"]}
            began = time.perf_counter()
            ack = await client.call("act", payload, timeout=30)
            latencies.append((time.perf_counter() - began) * 1000)
            responded = responded or (payload["type"] == "respond" and ack.get("ok"))
            await asyncio.sleep(interval)

    await asyncio.gather(*(participant(c, t, me, i) for i, (c, t, me) in enumerate(people_at)))
    for client, _ in clients:
        await client.disconnect()
    if ours:
        await host.disconnect()
    return latencies


def summary(name: str, latencies: list[float], seconds: float) -> dict:
    ordered = sorted(latencies)

    def pct(p):
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    row = {
        "server": name,
        "actions": len(ordered),
        "per_s": len(ordered) / seconds,
        "p50": statistics.median(ordered),
        "p90": pct(90),
        "p99": pct(99),
        "max": ordered[-1],
    }
    print(
        f"{name:10} {row['actions']:7d} acts {row['per_s']:7.1f}/s  p50 {row['p50']:7.2f} ms  "
        f"p90 {row['p90']:7.2f} ms  p99 {row['p99']:7.2f} ms  max {row['max']:7.1f} ms",
        flush=True,
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between one person's actions")
    args = parser.parse_args()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, ours in (("baseline", False), ("inourshoes", True)):
            port = free_port()
            script = "run.py" if ours else "bench/baseline.py"
            proc = start([sys.executable, script, "--port", str(port), "--db", f"{tmp}/{name}.db"], port)
            try:
                latencies = asyncio.run(run_load(f"http://127.0.0.1:{port}", args.people, args.seconds, args.interval, ours))
            finally:
                proc.terminate()
                proc.wait(10)
            rows[name] = summary(name, latencies, args.seconds)
    base, ours = rows["baseline"], rows["inourshoes"]
    print(
        f"ratio (ours / baseline), {args.people} people: p50 x{ours['p50'] / base['p50']:.2f}, "
        f"p99 x{ours['p99'] / base['p99']:.2f}"
    )


if __name__ == "__main__":
    main()
