"""The servers under test: how to start each, what it costs (CPU, peak memory, from /proc),
and what its log holds afterwards (events committed, acknowledged actions missing)."""
from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Kind:
    name: str
    command: tuple[str, ...]
    ours: bool  # In Our Shoes (rooms, seats, rules) or a bare reference (join a table, act)
    patches: bool = True  # ours: the clients ask for patches, as the web client does


def kinds() -> dict[str, Kind]:
    py = sys.executable
    return {
        "node": Kind("node", ("node", "bench/node_baseline.js"), False),
        "baseline": Kind("baseline", (py, "bench/baseline.py"), False),
        "ours": Kind("ours", (py, "run.py"), True),
        "ours-threading": Kind("ours-threading", (py, "run.py", "--async-mode", "threading"), True),
        "ours-gevent": Kind("ours-gevent", (py, "run.py", "--async-mode", "gevent"), True),
        "ours-whole-views": Kind("ours-whole-views", (py, "run.py"), True, patches=False),
    }


def available(name: str) -> str | None:
    """Why a kind cannot run here, or None if it can."""
    if name == "ours-gevent":
        try:
            import gevent  # noqa: F401
        except ImportError:
            return "gevent is not installed (bench/requirements.txt)"
    if name == "node" and not (BENCH / "node_modules" / "better-sqlite3").exists():
        return "bench/node_modules is not installed (run with --install-node, or `make bench`)"
    return None


def install_node() -> None:
    """`npm ci` in bench/ (socket.io and better-sqlite3 from the npm registry). better-sqlite3
    compiles from source when no prebuilt binary can be fetched; Debian's Node headers in
    /usr/include/node save node-gyp a download."""
    marker = BENCH / "node_modules" / ".installed"
    lock = BENCH / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    env = dict(os.environ)
    if Path("/usr/include/node/node_version.h").exists():
        env["npm_config_nodedir"] = "/usr"
    print("installing the Node reference into bench/node_modules (npm ci; about a minute)...", flush=True)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH, env=env, check=True)
    marker.touch()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Running:
    """One server process on a loopback port with its own database file."""

    def __init__(self, kind: Kind, db: str, port: int | None = None, profile: str = ""):
        self.kind, self.db, self.profile = kind, db, profile
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self, timeout: float = 30) -> "Running":
        env = dict(os.environ, INOURSHOES_ROOM_LIMIT="10000/minute")
        # --profile: sample the server with py-spy (its CPU and memory figures are then py-spy's)
        spy = [str(Path(sys.executable).parent / "py-spy"), "record", "-r", "100", "--format", "raw", "-o", self.profile, "--"] if self.profile else []
        self.proc = subprocess.Popen(
            [*spy, *self.kind.command, "--port", str(self.port), "--db", self.db],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.kind.name} exited at start")
            try:
                if requests.get(self.url + "/healthz", timeout=1).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"{self.kind.name} did not start in {timeout:g} s")

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def kill(self) -> None:
        """SIGKILL: no clean shutdown."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT if self.profile else signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    # --- the log ---------------------------------------------------------------------
    def event_count(self) -> int:
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10) as db:
            return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    def missing(self, acknowledged: list[tuple[str, str]]) -> int:
        """How many acknowledged (actor, command id) pairs the log does not hold."""
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10) as db:
            if self.kind.ours:
                logged = set(db.execute("SELECT actor, command_id FROM commands"))
                return sum(1 for pair in acknowledged if pair not in logged)
            logged = {row[0] for row in db.execute("SELECT cid FROM events")}
            return sum(1 for _, cid in acknowledged if cid not in logged)
