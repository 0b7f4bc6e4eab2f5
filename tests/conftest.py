"""Fixtures shared by every layer: a real server process on a free loopback port."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.server.clients import Participant

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """`python run.py` on loopback, as a person would start it; can be killed and restarted."""

    http = requests  # `get` and `post`, as the in-process server offers them

    def __init__(self, db: Path, port: int | None = None):
        self.db = db
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self) -> "ServerProcess":
        # every test speaks from 127.0.0.1: per-address limits high, unless a test sets its own
        loose = {"INOURSHOES_GUESS_LIMIT": "10000/hour", "INOURSHOES_DECK_LIMIT": "10000/minute"}
        env = {**loose, **os.environ, "INOURSHOES_ROOM_LIMIT": "10000/minute", "PYTHONUNBUFFERED": "1"}
        self.log = open(self.db.with_suffix(".log"), "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "run.py", "--port", str(self.port), "--db", str(self.db)],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: see {self.log.name}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("server did not start in 20 s")

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as in a crash or a pulled plug."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()

    def participant(self) -> Participant:
        return Participant(self.url)

    def create_room(self, title: str = "Test workshop", deck: str = "everyday-lives", **extra) -> dict:
        response = requests.post(self.url + "/api/rooms", json={"title": title, "deck": deck, **extra}, timeout=5)
        assert response.status_code == 201, response.text
        return response.json()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """One server for a whole test run (each test makes its own rooms)."""
    proc = ServerProcess(tmp_path_factory.mktemp("server") / "shared.db").start()
    yield proc
    proc.stop()


@pytest.fixture
def fresh_server(tmp_path):
    """A server of the test's own, with its own database, for tests that kill it."""
    proc = ServerProcess(tmp_path / "fresh.db")
    yield proc
    proc.stop()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
