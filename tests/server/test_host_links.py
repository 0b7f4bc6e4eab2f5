"""Keeping the host link: the QR code of one's own host link (for the printed sheet), which
link a host page was opened with, and the organiser's new host link for a lost one."""
from __future__ import annotations

import re

import pytest

PASSWORD = "a long organiser password"


@pytest.fixture
def server(app_server):
    return app_server  # `people` are made on this server


@pytest.fixture(scope="module")
def organiser(app_server):
    """The in-process server with the organiser's page on, and a signed-in organiser."""
    app_server.app.config["ADMIN_PASSWORD"] = PASSWORD
    browser = app_server.app.test_client()
    token = re.search(r'name="csrf" value="([^"]+)"', browser.get("/organise").get_data(as_text=True)).group(1)
    answer = browser.post("/organise/login", data={"password": PASSWORD, "csrf": token})  # the form's CSRF token
    assert answer.status_code == 303
    yield browser
    app_server.app.config["ADMIN_PASSWORD"] = None


def qr(server, code, key):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return server.http.post(f"/api/rooms/{code}/host-qr.svg", headers=headers)


def test_the_host_link_qr_code_needs_the_host_key(app_server):
    room = app_server.create_room("QR")
    drawn = qr(app_server, room["code"], room["host_key"])
    assert drawn.status_code == 200
    assert drawn.headers["Content-Type"].startswith("image/svg+xml")
    assert drawn.headers["Cache-Control"] == "no-store"
    assert "<svg" in drawn.text and f"Host link for workshop {room['code']}" in drawn.text
    wrong = qr(app_server, room["code"], "not-the-key")
    unknown = qr(app_server, "BCDFGH" if room["code"] != "BCDFGH" else "BCDFGJ", room["host_key"])
    missing = qr(app_server, room["code"], None)
    assert wrong.status_code == unknown.status_code == missing.status_code == 403
    assert wrong.json() == unknown.json()  # an unknown room looks like a wrong key
    assert app_server.http.get(f"/api/rooms/{room['code']}/host-qr.svg").status_code == 405


def test_the_host_acknowledgement_says_which_link_was_used(app_server, people):
    room = app_server.create_room("Links")
    main = people()
    assert main.host(room["code"], room["host_key"])["link"] == "main"
    added = main.act("cohost_add", label="Sam")
    helper = people()
    ack = helper.host(room["code"], added["host_key"])
    assert ack["ok"] and ack["link"] == ack["view"]["cohosts"][0]["id"]
    assert qr(app_server, room["code"], added["host_key"]).status_code == 200


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_the_organiser_issues_a_new_host_link_and_the_old_one_stops(app_server, organiser, people):
    room = app_server.create_room("Lost my link")
    code, old_key = room["code"], room["host_key"]
    old_page = people()
    assert old_page.host(code, old_key)["ok"]
    cohost_key = old_page.act("cohost_add")["host_key"]

    listing = organiser.get("/organise").get_data(as_text=True)
    assert f"/organise/rooms/{code}/host-link" in listing
    confirm = organiser.get(f"/organise/rooms/{code}/host-link")
    assert confirm.status_code == 200 and "stops working at once" in confirm.get_data(as_text=True)
    url = f"/organise/rooms/{code}/host-link"
    assert organiser.post(url).status_code == 400  # no form token: nothing changes
    assert people().host(code, old_key)["ok"]

    done = organiser.post(url, data={"csrf": csrf(confirm.get_data(as_text=True))})
    page = done.get_data(as_text=True)
    assert done.status_code == 200 and done.headers["Cache-Control"] == "no-store"
    link = re.search(r'id="new-host-link"[^>]*value="([^"]+)"', page).group(1)
    assert link.startswith(f"http://localhost/host/{code}#key=")
    new_key = link.split("#key=")[1]

    old_page.wait_until(lambda: old_page.removed)  # the open page with the old link is told
    assert people().host(code, old_key)["error"]["code"] == "forbidden"
    assert people().host(code, new_key)["link"] == "main"
    assert people().host(code, cohost_key)["ok"]  # co-facilitators keep their links
    assert qr(app_server, code, old_key).status_code == 403
    assert app_server.http.get(f"/api/rooms/{code}/export.md", headers={"Authorization": f"Bearer {new_key}"}).ok


def test_a_new_host_link_needs_a_signed_in_organiser(app_server, organiser):
    room = app_server.create_room("Not yours")
    stranger = app_server.app.test_client()
    answer = stranger.post(f"/organise/rooms/{room['code']}/host-link", data={"csrf": "x"})
    assert answer.status_code == 303  # to the sign-in page; nothing issued
    assert organiser.get("/organise/rooms/NOT-A-CODE/host-link").status_code == 404
