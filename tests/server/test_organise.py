"""The organiser's page (/organise): password, listing, deleting for good, and retention."""
from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
import requests

from server import create_app
from server.organise import _keep_purging, purge, retention_days
from server.rooms import Rooms
from server.store import Store

from ..conftest import ServerProcess
from ..unit.story import Story
from .clients import Participant

PASSWORD = "correct horse battery staple"
NOW = datetime.now(timezone.utc)
OLD = (NOW - timedelta(days=40)).isoformat(timespec="milliseconds")
RECENT = (NOW - timedelta(days=2)).isoformat(timespec="milliseconds")
OLD_ENDED, OLD_OPEN, RECENT_ENDED = "BBBBBB", "CCCCCC", "DDDDDD"


def seed(store: Store, code: str, at: str, ended: bool) -> None:
    """A small workshop written straight into the log, every event at time `at`."""
    story = Story()
    story.join("Olwen", "carer", "t1")
    if ended:
        story.do("host", "end")
    story.log[0].data["code"] = code
    for event in story.log:
        event.at = at
    store.append(code, 1, story.log)


def rows_for(db_path, code: str) -> tuple[int, int]:
    with sqlite3.connect(db_path) as db:
        events = db.execute("SELECT COUNT(*) FROM events WHERE room = ?", [code]).fetchone()[0]
        rooms = db.execute("SELECT COUNT(*) FROM rooms WHERE code = ?", [code]).fetchone()[0]
    return events, rooms


@pytest.fixture(scope="module")
def organised(tmp_path_factory):
    """A server of its own with the organiser's page on and a 30-day retention rule,
    started on a log that already holds an old ended, an old open and a recent ended room."""
    db = tmp_path_factory.mktemp("organise") / "organise.db"
    store = Store(db)
    seed(store, OLD_ENDED, OLD, ended=True)
    seed(store, OLD_OPEN, OLD, ended=False)
    seed(store, RECENT_ENDED, RECENT, ended=True)
    store.close()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("INOURSHOES_ADMIN_PASSWORD", PASSWORD)
        env.setenv("INOURSHOES_RETENTION_DAYS", "30")
        env.delenv("INOURSHOES_SECRET_KEY", raising=False)
        proc = ServerProcess(db).start()
    yield proc
    proc.stop()


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def signed_in(server) -> requests.Session:
    browser = requests.Session()
    form = browser.get(f"{server.url}/organise", timeout=5).text
    answer = browser.post(f"{server.url}/organise/login", data={"password": PASSWORD, "csrf": csrf(form)}, timeout=5)
    assert answer.status_code == 200 and "Sign out" in answer.text
    return browser


def test_the_page_is_off_without_a_password(server):
    assert requests.get(f"{server.url}/organise", timeout=5).status_code == 404
    assert requests.post(f"{server.url}/organise/login", data={"password": ""}, timeout=5).status_code == 404


def test_retention_deleted_the_old_ended_workshop_at_start(organised):
    assert rows_for(organised.db, OLD_ENDED) == (0, 0)
    assert rows_for(organised.db, OLD_OPEN) == (3, 1)  # never ended: kept
    assert rows_for(organised.db, RECENT_ENDED) == (4, 1)


def test_a_wrong_password_is_refused(organised):
    browser = requests.Session()
    page = browser.get(f"{organised.url}/organise", timeout=5)
    assert page.status_code == 200 and 'type="password"' in page.text and RECENT_ENDED not in page.text
    token = csrf(page.text)
    answer = browser.post(f"{organised.url}/organise/login", data={"password": PASSWORD + "!", "csrf": token}, timeout=5)
    assert answer.status_code == 403 and "not right" in answer.text and RECENT_ENDED not in answer.text
    assert RECENT_ENDED not in browser.get(f"{organised.url}/organise", timeout=5).text
    assert browser.post(f"{organised.url}/organise/login", data={"csrf": token}, timeout=5).status_code == 403


def test_the_sign_in_form_needs_its_token(organised):
    browser = requests.Session()
    token = csrf(browser.get(f"{organised.url}/organise", timeout=5).text)
    url = f"{organised.url}/organise/login"
    assert browser.post(url, data={"password": PASSWORD}, timeout=5).status_code == 400
    assert browser.post(url, data={"password": PASSWORD, "csrf": "forged"}, timeout=5).status_code == 400
    assert requests.post(url, data={"password": PASSWORD, "csrf": token}, timeout=5).status_code == 400  # not its cookie
    assert browser.post(url, data={"password": PASSWORD, "csrf": token}, timeout=5).status_code == 200


def test_the_list_shows_each_workshop(organised):
    page = signed_in(organised).get(f"{organised.url}/organise", timeout=5)
    assert page.headers["Cache-Control"] == "no-store"
    row = re.search(rf"<tr>\s*<th scope=\"row\" class=\"code\">{RECENT_ENDED}</th>(.*?)</tr>", page.text, re.S).group(1)
    cells = [re.sub(r"<[^>]+>|&hellip;", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    started = datetime.fromisoformat(RECENT)
    # as people write it (the page says the times are UTC), and the deck by its title
    assert cells[:3] == ["A test workshop", "test", f"{started.day} {started:%b %Y}, {started:%H:%M}"]
    assert cells[4:6] == ["1", "4"]  # people, log entries
    assert 'data-label="Started"' in row  # named, for the phone's layout of a row as a card
    assert OLD_OPEN in page.text and OLD_ENDED not in page.text


def test_delete_asks_first_needs_the_form_token_and_erases_every_row(organised):
    room = organised.create_room("Delete me")
    code = room["code"]
    ann = Participant(organised.url)
    assert ann.join(code, "Annwen", "carer")["ok"]
    browser = signed_in(organised)
    confirm = browser.get(f"{organised.url}/organise/rooms/{code}/delete", timeout=5)
    assert confirm.status_code == 200 and f"Delete {code} for good" in confirm.text
    assert rows_for(organised.db, code) == (2, 1)  # asking changes nothing
    url = f"{organised.url}/organise/rooms/{code}/delete"
    assert browser.post(url, timeout=5).status_code == 400
    assert browser.post(url, data={"csrf": "forged"}, timeout=5).status_code == 400
    assert requests.post(url, data={"csrf": csrf(confirm.text)}, timeout=5).status_code == 200  # no session: sign-in page
    assert rows_for(organised.db, code) == (2, 1)
    done = browser.post(url, data={"csrf": csrf(confirm.text)}, timeout=5)
    assert done.status_code == 200 and "deleted for good" in done.text
    assert rows_for(organised.db, code) == (0, 0)
    headers = {"Authorization": f"Bearer {room['host_key']}"}
    assert requests.get(f"{organised.url}/api/rooms/{code}/export.md", headers=headers, timeout=5).status_code == 403
    late = Participant(organised.url)
    assert late.join(code, "Bartholomew", "person")["error"]["code"] == "not_found"
    assert ann.act("sit", table="t1")["error"]["code"] == "not_found"
    for person in (ann, late):
        person.close()
    assert rows_for(organised.db, code) == (0, 0)
    assert browser.get(url, timeout=5).status_code == 404


def test_signing_out_needs_the_token_and_ends_the_session(organised):
    browser = signed_in(organised)
    page = browser.get(f"{organised.url}/organise", timeout=5).text
    assert browser.post(f"{organised.url}/organise/logout", timeout=5).status_code == 400
    copied = requests.Session()  # the same cookie, kept by someone who saw it
    copied.cookies.update(browser.cookies)
    assert OLD_OPEN in copied.get(f"{organised.url}/organise", timeout=5).text
    assert browser.post(f"{organised.url}/organise/logout", data={"csrf": csrf(page)}, timeout=5).status_code == 200
    assert OLD_OPEN not in browser.get(f"{organised.url}/organise", timeout=5).text
    assert OLD_OPEN not in copied.get(f"{organised.url}/organise", timeout=5).text  # signing out ended it
    url = f"{organised.url}/organise/rooms/{OLD_OPEN}/delete"
    assert "Sign in" in copied.post(url, data={"csrf": csrf(page)}, timeout=5).text
    assert rows_for(organised.db, OLD_OPEN) == (3, 1)


# --- wrong passwords: per address, only the wrong ones count -----------------------------
@pytest.fixture(scope="module")
def behind_proxy(tmp_path_factory):
    """In-process, behind a trusted proxy (the test client's 127.0.0.1), so each test can
    speak from its own address with X-Forwarded-For."""
    app = create_app(
        {
            "DATABASE": str(tmp_path_factory.mktemp("organise-proxy") / "o.db"),
            "ASYNC_MODE": "threading",
            "ADMIN_PASSWORD": PASSWORD,
            "TRUSTED_PROXIES": ("127.0.0.1",),
        }
    )
    yield app
    app.extensions["inourshoes"].store.close()


def sign_in_from(app, address: str, password: str) -> int:
    browser = app.test_client()
    headers = {"X-Forwarded-For": address}
    token = csrf(browser.get("/organise", headers=headers).get_data(as_text=True))
    return browser.post("/organise/login", data={"password": password, "csrf": token}, headers=headers).status_code


def test_a_stranger_guessing_the_password_does_not_lock_the_organiser_out(behind_proxy):
    assert [sign_in_from(behind_proxy, "203.0.113.7", "guess") for _ in range(10)] == [403] * 10
    assert sign_in_from(behind_proxy, "203.0.113.7", PASSWORD) == 429  # that address waits a minute
    assert sign_in_from(behind_proxy, "198.51.100.2", PASSWORD) == 303  # the organiser, elsewhere


def test_only_wrong_passwords_count(behind_proxy):
    assert [sign_in_from(behind_proxy, "198.51.100.9", PASSWORD) for _ in range(12)] == [303] * 12
    assert sign_in_from(behind_proxy, "198.51.100.9", "typo") == 403
    assert sign_in_from(behind_proxy, "198.51.100.9", PASSWORD) == 303


# --- the retention rule in-process --------------------------------------------------------
def test_purge_deletes_only_workshops_that_ended_before_the_cutoff(tmp_path):
    store = Store(tmp_path / "purge.db")
    services = SimpleNamespace(store=store, rooms=Rooms(store))
    seed(store, OLD_ENDED, OLD, ended=True)
    seed(store, RECENT_ENDED, RECENT, ended=True)
    assert services.rooms.get(OLD_ENDED) is not None
    assert purge(services, 30) == [OLD_ENDED]
    assert OLD_ENDED not in services.rooms.live and services.rooms.get(OLD_ENDED) is None
    assert purge(services, 1) == [RECENT_ENDED]
    assert store.rooms() == []
    store.close()


def test_the_retention_task_sleeps_purges_and_survives_a_failure():
    calls = []

    class Stop(Exception):
        pass

    def sleep(seconds):
        calls.append(("sleep", seconds))
        if len(calls) > 4:
            raise Stop

    def ended_before(cutoff):
        calls.append(("purge", cutoff[:4]))
        if len(calls) == 2:
            raise OSError("disk busy")
        return []

    services = SimpleNamespace(socketio=SimpleNamespace(sleep=sleep), store=SimpleNamespace(ended_before=ended_before))
    with pytest.raises(Stop):
        _keep_purging(services, 30, 3600)
    assert [c[0] for c in calls] == ["sleep", "purge", "sleep", "purge", "sleep"]


@pytest.mark.parametrize("value, days", [(None, None), ("", None), ("30", 30), ("1", 1)])
def test_retention_days_reads_the_setting(value, days):
    assert retention_days(value) == days


@pytest.mark.parametrize("value", ["0", "-3", "thirty", "1.5"])
def test_a_bad_retention_setting_stops_the_server_starting(value):
    with pytest.raises(ValueError):
        retention_days(value)
