"""Settings come from one place (server/settings.py): defaults, then the environment, then
run.py's flags. Each documented setting is read, and a bad one stops the server with its name."""
from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import time

import pytest
import requests

from server import create_app, settings

from ..conftest import ROOT, free_port

DOCUMENTED = {  # environment variable -> (a value, what the config holds)
    "INOURSHOES_DB": ("/tmp/x.db", "/tmp/x.db"),
    "INOURSHOES_HOST": ("0.0.0.0", "0.0.0.0"),
    "INOURSHOES_PORT": ("8080", 8080),
    "INOURSHOES_PUBLIC_URL": ("https://Workshop.example.org, http://10.0.0.5:5000", ("https://workshop.example.org", "http://10.0.0.5:5000")),
    "INOURSHOES_TRUSTED_PROXIES": ("127.0.0.1, 10.0.0.0/8", ("127.0.0.1/32", "10.0.0.0/8")),
    "INOURSHOES_ADMIN_PASSWORD": ("open sesame", "open sesame"),
    "INOURSHOES_SECRET_KEY": ("k" * 40, "k" * 40),
    "INOURSHOES_RETENTION_DAYS": ("30", 30),
    "INOURSHOES_ROOM_LIMIT": ("5/minute", "5/minute"),
    "INOURSHOES_DECK_LIMIT": ("3/minute", "3/minute"),
    "INOURSHOES_GUESS_LIMIT": ("50 per day", "50 per day"),
    "INOURSHOES_CONNECTIONS_PER_ADDRESS": ("20", 20),
}


def key_of(env: str) -> str:
    return next(s.key for s in settings.SETTINGS if s.env == env)


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    assert {s.env for s in settings.SETTINGS} == set(DOCUMENTED)
    for setting in settings.SETTINGS:
        assert f"`{setting.env}`" in readme, setting.env
        if setting.flag:
            assert f"`{setting.flag}" in readme, setting.flag


@pytest.mark.parametrize("env", DOCUMENTED)
def test_each_setting_is_read_from_the_environment(env):
    value, expected = DOCUMENTED[env]
    assert settings.load(environ={env: value})[key_of(env)] == expected


def test_flags_win_over_the_environment_and_secrets_have_no_flag():
    parser = argparse.ArgumentParser()
    settings.add_flags(parser)
    args = parser.parse_args(["--db", "flag.db", "--guess-limit", "10/hour", "--trusted-proxies", "::1"])
    loaded = settings.load(settings.from_flags(args), environ={"INOURSHOES_DB": "env.db", "INOURSHOES_PORT": "6000"})
    assert (loaded["DATABASE"], loaded["GUESS_LIMIT"], loaded["PORT"]) == ("flag.db", "10/hour", 6000)
    assert loaded["TRUSTED_PROXIES"] == ("::1/128",)
    with pytest.raises(SystemExit):
        parser.parse_args(["--admin-password", "x"])


@pytest.mark.parametrize(
    "env, value",
    [
        ("INOURSHOES_PORT", "http"),
        ("INOURSHOES_RETENTION_DAYS", "0"),
        ("INOURSHOES_ROOM_LIMIT", "lots"),
        ("INOURSHOES_GUESS_LIMIT", "100/fortnight"),
        ("INOURSHOES_CONNECTIONS_PER_ADDRESS", "-1"),
        ("INOURSHOES_TRUSTED_PROXIES", "my-proxy"),
        ("INOURSHOES_PUBLIC_URL", "ftp://example.org"),
    ],
)
def test_a_bad_value_names_its_setting(env, value):
    with pytest.raises(ValueError, match=env):
        settings.load(environ={env: value})


def test_an_empty_value_counts_as_unset():
    assert settings.load(environ={"INOURSHOES_DB": "", "INOURSHOES_RETENTION_DAYS": ""}) == settings.defaults()


# --- in the app -------------------------------------------------------------------------
@pytest.fixture
def make_app(tmp_path, monkeypatch):
    made = []

    def make(env: dict, **config):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        app = create_app({"DATABASE": str(tmp_path / f"app{len(made)}.db"), "ASYNC_MODE": "threading", **config})
        made.append(app)
        return app

    yield make
    for app in made:
        app.extensions["inourshoes"].store.close()


def test_the_app_reads_the_room_limit_secret_key_and_password_from_the_environment(make_app):
    app = make_app({"INOURSHOES_ROOM_LIMIT": "2/minute", "INOURSHOES_SECRET_KEY": "s" * 32, "INOURSHOES_ADMIN_PASSWORD": "pw"})
    assert app.secret_key == "s" * 32
    client = app.test_client()
    assert client.get("/organise").status_code == 200
    made = [client.post("/api/rooms", json={"title": "T", "deck": "everyday-lives"}).status_code for _ in range(3)]
    assert made[2] == 429 and client.post("/api/rooms", json={}).get_json()["error"]["code"] == "rate_limited"


def test_without_a_secret_key_each_start_makes_its_own(make_app, monkeypatch):
    monkeypatch.delenv("INOURSHOES_SECRET_KEY", raising=False)
    first, second = make_app({}), make_app({})
    assert len(first.secret_key) == 64 and first.secret_key != second.secret_key


# --- a real process started through run.py ----------------------------------------------
def start(env: dict, *args) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "run.py", "--port", str(port), *args],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if requests.get(url + "/healthz", timeout=1).ok:
                return proc, url
        except requests.ConnectionError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"the server did not start: {proc.communicate()[1].decode()[-2000:]}")


def rooms_in(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT code FROM rooms")]


def test_run_py_uses_INOURSHOES_DB_and_db_wins_over_it(tmp_path):
    from_env, from_flag = tmp_path / "from-env.db", tmp_path / "from-flag.db"
    proc, url = start({"INOURSHOES_DB": str(from_env)})
    try:
        code = requests.post(url + "/api/rooms", json={"title": "Env", "deck": "everyday-lives"}, timeout=5).json()["code"]
    finally:
        proc.terminate()
        proc.wait(10)
    assert rooms_in(from_env) == [code]
    proc, url = start({"INOURSHOES_DB": str(from_env)}, "--db", str(from_flag))
    try:
        code = requests.post(url + "/api/rooms", json={"title": "Flag", "deck": "everyday-lives"}, timeout=5).json()["code"]
    finally:
        proc.terminate()
        proc.wait(10)
    assert rooms_in(from_flag) == [code] and len(rooms_in(from_env)) == 1


def test_run_py_stops_on_a_bad_setting_and_says_which(tmp_path):
    done = subprocess.run(
        [sys.executable, "run.py", "--port", str(free_port()), "--db", str(tmp_path / "x.db")],
        cwd=ROOT,
        env={**os.environ, "INOURSHOES_GUESS_LIMIT": "often"},
        capture_output=True,
        timeout=30,
    )
    assert done.returncode != 0 and b"INOURSHOES_GUESS_LIMIT" in done.stderr
