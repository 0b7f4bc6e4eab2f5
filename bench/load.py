"""Load benchmark: N participants at tables of six, each acting every few seconds.

Runs the same load against a bare baseline server (bench/baseline.py: one SQLite commit and
one emit per action, DESIGN section 5) and against In Our Shoes (run.py), in one command, and
reports acknowledgement latency percentiles and the ratio of ours to the baseline. The
clients are spread over worker processes so the load generator is not the bottleneck.
Everything stays on loopback, and every loop is bounded in time.

    .venv/bin/python bench/load.py --people 300 --seconds 20
"""
from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
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


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(script: str, port: int, db: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, script, "--port", str(port), "--db", db],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).ok:
                return proc
        except requests.ConnectionError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


def act(type_: str, **fields) -> dict:
    return {"id": uuid.uuid4().hex, "type": type_, **fields}


async def worker_main(url, room, people, tables, seconds, interval, ready, go, results):
    """One process: connect and seat its share of people, then act until time is up."""
    latest: dict[str, dict] = {}
    seated = []
    for index in people:
        client = socketio.AsyncClient(reconnection=False)
        await client.connect(url, transports=["websocket"], wait_timeout=60)
        table = tables[index % len(tables)]
        client.on("view", lambda view, t=table: latest.__setitem__(t, view))
        if room:
            ack = await client.call("join", {"code": room, "name": f"P{index}", "perspective": "person"}, timeout=60)
            await client.call("act", act("sit", table=table), timeout=60)
            seated.append((client, table, ack["player_id"], index))
        else:
            await client.call("join", {"table": table}, timeout=60)
            seated.append((client, table, None, index))
    ready.release()
    while not go.is_set():
        await asyncio.sleep(0.05)
    latencies = []

    async def participant(client, table, me, index):
        if room and index < len(tables):
            await client.call("act", act("draw"), timeout=60)  # the first seat holds the turn
        await asyncio.sleep(random.random() * interval)
        end, responded = time.monotonic() + seconds, False
        while time.monotonic() < end:
            payload = act("respond", text=f"Idea from {index}", table=table)
            responses = ((latest.get(table) or {}).get("table") or {}).get("responses") or []
            if room and responded and responses:
                first = responses[0]
                payload = act("unvote" if me in first["voters"] else "vote", response=first["id"])
            began = time.perf_counter()
            ack = await client.call("act", payload, timeout=60)
            latencies.append((time.perf_counter() - began) * 1000)
            responded = responded or (payload["type"] == "respond" and ack.get("ok"))
            await asyncio.sleep(interval)

    await asyncio.gather(*(participant(*s) for s in seated))
    for client, *_ in seated:
        await client.disconnect()
    results.put(latencies)


def worker(*args) -> None:
    asyncio.run(worker_main(*args))


def run_load(url: str, ours: bool, people: int, seconds: float, interval: float, workers: int) -> list[float]:
    table_count = max(1, people // 6)
    room = None
    if ours:
        created = requests.post(url + "/api/rooms", json={"title": "Bench", "deck": "everyday-lives"}).json()
        room = created["code"]
        host = socketio.Client(reconnection=False)
        host.connect(url, transports=["websocket"])
        host.call("host", {"code": room, "host_key": created["host_key"]})
        for _ in range(table_count - 2):
            host.call("act", act("add_table"))
        tables = [t["id"] for t in host.call("host", {"code": room, "host_key": created["host_key"]})["view"]["tables"]]
    else:
        tables = [f"t{i}" for i in range(table_count)]
    ready, go, results = mp.Semaphore(0), mp.Event(), mp.Queue()
    shares = [list(range(people))[w::workers] for w in range(workers)]
    procs = [
        mp.Process(target=worker, args=(url, room, share, tables, seconds, interval, ready, go, results))
        for share in shares
    ]
    for proc in procs:
        proc.start()
    for _ in procs:
        if not ready.acquire(timeout=300):
            raise RuntimeError("workers did not connect in time")
    if ours:
        host.call("act", act("start"))
    go.set()
    latencies = []
    for _ in procs:
        latencies += results.get(timeout=seconds + 300)
    for proc in procs:
        proc.join(30)
    if ours:
        host.disconnect()
    return latencies


def summary(name: str, latencies: list[float], seconds: float) -> dict:
    ordered = sorted(latencies)

    def pct(p):
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    row = {"actions": len(ordered), "p50": statistics.median(ordered), "p90": pct(90), "p99": pct(99)}
    print(
        f"{name:10} {row['actions']:7d} acts {len(ordered) / seconds:7.1f}/s  p50 {row['p50']:7.2f} ms  "
        f"p90 {row['p90']:7.2f} ms  p99 {row['p99']:7.2f} ms  max {ordered[-1]:7.1f} ms",
        flush=True,
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between one person's actions")
    parser.add_argument("--workers", type=int, default=2, help="load-generating processes")
    args = parser.parse_args()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, script in (("baseline", "bench/baseline.py"), ("inourshoes", "run.py")):
            port = free_port()
            proc = start_server(script, port, f"{tmp}/{name}.db")
            try:
                url = f"http://127.0.0.1:{port}"
                latencies = run_load(url, script == "run.py", args.people, args.seconds, args.interval, args.workers)
            finally:
                proc.terminate()
                proc.wait(10)
            rows[name] = summary(name, latencies, args.seconds)
    base, ours = rows["baseline"], rows["inourshoes"]
    print(
        f"ratio (ours / baseline), {args.people} people every {args.interval:g} s: "
        f"p50 x{ours['p50'] / base['p50']:.2f}, p90 x{ours['p90'] / base['p90']:.2f}, p99 x{ours['p99'] / base['p99']:.2f}"
    )


if __name__ == "__main__":
    main()
