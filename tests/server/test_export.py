"""Exports over HTTP from the real server: a scripted two-table session in every format."""
from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
import subprocess
import sys

import pytest

from server.export.eventlog import events_of
from server.export.markdown import md_text
from server.game import host_view, replay
from server.replay import load

from ..conftest import ROOT
from ..unit.test_export import exported_state, read_csv, read_docx, read_html
from .clients import Participant

FORMATS = ("md", "csv", "json", "html", "docx")
PEOPLE = {"Annwen": "person", "Bartholomew": "carer", "Cyrille": "support_worker", "Dorcas": "manager"}
EXTRA = ("Ebenezer", "health")  # no device: Bartholomew and the host enter his words
SHARED = "Ask her what she wants, first of all"
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","y")'
FOR_EXTRA = "Ring the family together"
WORKING = "People listening properly"
NOT_WORKING = "Rotas that never bend"
MATTERS = "Being asked, not told"
FREE = "Bring biscuits next time"
PLEDGES = ("I will ask before I act", "I will share this with my team", "I will call my GP")
SECRETS = ("A private answer at table one", "A private answer that won the vote", "A private reflection", "A private pledge")
PUBLIC = (SHARED, SCRIPT, FORMULA, FOR_EXTRA, WORKING, NOT_WORKING, MATTERS, FREE, *PLEDGES)


def ok(ack: dict) -> dict:
    assert ack.get("ok"), ack
    return ack


def response_id(host: Participant, table: str, text: str) -> str:
    def found(view):
        return any(r["text"] == text for t in view["tables"] if t["id"] == table for r in t["responses"])

    view = host.wait_for(found)
    return next(r["id"] for t in view["tables"] if t["id"] == table for r in t["responses"] if r["text"] == text)


def play_session(server, room: dict) -> dict:
    """Two tables, a round each, reflect notes, pledges, some words kept in the room; ended."""
    code = room["code"]
    host = server.participant()
    ok(host.host(code, room["host_key"]))
    p = {}
    for i, (name, perspective) in enumerate(PEOPLE.items()):
        p[name] = server.participant()
        ok(p[name].join(code, name, perspective))
        ok(p[name].act("sit", table="t1" if i < 2 else "t2"))
    ann, bart, cy, dor = p.values()
    ok(bart.act("add_person", name=EXTRA[0], perspective=EXTRA[1]))
    view = host.wait_for(lambda v: any(x["name"] == EXTRA[0] for x in v["waiting"]))
    extra = next(x["id"] for x in view["waiting"] if x["name"] == EXTRA[0])
    ok(host.act("admit", player=extra))
    ok(host.act("start"))

    ok(ann.act("draw"))
    ok(bart.act("respond", text=SHARED))
    ok(ann.act("respond", text=SCRIPT))
    ok(bart.act("respond", text=FOR_EXTRA, **{"for": extra}))
    ok(ann.act("respond", text=SECRETS[0], private=True))
    shared = response_id(host, "t1", SHARED)
    ok(ann.act("vote", response=shared))
    ok(bart.act("vote", response=shared))
    ok(ann.act("next"))

    ok(cy.act("draw"))
    ok(dor.act("respond", text=FORMULA))
    ok(cy.act("respond", text=SECRETS[1], private=True))
    secret = response_id(host, "t2", SECRETS[1])
    ok(cy.act("vote", response=secret))
    ok(dor.act("vote", response=secret))
    ok(dor.act("next"))

    ok(host.act("stage", stage="reflect"))
    ok(ann.act("note", kind="working", text=WORKING))
    ok(bart.act("note", kind="not_working", text=NOT_WORKING))
    ok(cy.act("note", kind="matters", text=MATTERS))
    ok(dor.act("note", kind="working", text=SECRETS[2], private=True))
    ok(host.act("note", table="t2", text=FREE))
    ok(host.act("stage", stage="pledge"))
    ok(ann.act("pledge", text=PLEDGES[0]))
    ok(cy.act("pledge", text=PLEDGES[1], who="our whole team", by="2026-04-30"))
    ok(host.act("pledge", text=PLEDGES[2], **{"for": extra}))
    ok(bart.act("pledge", text=SECRETS[3], private=True))
    n = ok(host.act("end"))["n"]
    final = host.wait_for(lambda v: v["n"] == n)
    for person in (host, *p.values()):
        person.close()
    return final


def export(server, room: dict, fmt: str, key: str | None = "", **params):
    key = room["host_key"] if key == "" else key
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return server.http.get(f"{server.url}/api/rooms/{room['code']}/export.{fmt}", headers=headers, params=params, timeout=10)


def readable(fmt: str, body: bytes) -> str:
    """What a person reading the file sees, as one string."""
    if fmt == "md":
        return body.decode().replace("\\", "")
    if fmt == "csv":
        return "\n".join(v for row in read_csv(body) for v in row.values())
    if fmt == "json":
        document = json.loads(body)
        names = [e["data"]["name"] for e in document["events"] if e["type"] == "player_joined"]
        return "\n".join(str(e["data"].get("text")) for e in document["events"]) + "\n".join(names)
    if fmt == "html":
        return read_html(body.decode())[0]
    return "\n".join(read_docx(body)[0])


@pytest.fixture(scope="module")
def server(app_server):
    """In-process; the restart test below uses a real process of its own."""
    return app_server


@pytest.fixture(scope="module")
def session(server):
    room = server.create_room("Winter pressures: a workshop")
    final_view = play_session(server, room)
    return room, final_view


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_downloads_with_the_shared_words_and_none_kept_in_the_room(server, session, fmt):
    room, _ = session
    answer = export(server, room, fmt)
    assert answer.status_code == 200
    assert re.fullmatch(rf'attachment; filename="inourshoes-{room["code"]}-\d{{4}}-\d\d-\d\d\.{fmt}"', answer.headers["Content-Disposition"])
    assert answer.headers["Cache-Control"] == "no-store"
    text = readable(fmt, answer.content)
    for words in PUBLIC:
        shown = "'" + words if fmt == "csv" and words == FORMULA else words
        assert shown in text, (fmt, words)
    for words in SECRETS:
        assert words not in text, (fmt, words)
    for name in PEOPLE:
        assert name in text or fmt == "json" and name in answer.text


def test_the_report_lists_people_cards_votes_and_who_entered_what(server, session):
    room, _ = session
    md = export(server, room, "md").text
    assert md.startswith("# Winter pressures: a workshop\n")
    assert "- **Deck:** Everyday lives" in md and "- **People:** 5 people" in md
    assert "  - a family carer: 1" in md and "  - a health professional: 1" in md
    assert f"- {FOR_EXTRA} — Ebenezer (a health professional), entered by Bartholomew · 0 votes" in md
    assert f"- {PLEDGES[2]} — Ebenezer (a health professional), entered by the facilitator" in md
    assert f"- {PLEDGES[1]} — Cyrille (a support worker) · who: our whole team · by 30 April 2026" in md
    assert re.search(rf"- {re.escape(md_text(SHARED))} — Bartholomew \(a family carer\) · 2 votes · \*\*agreed\*\*", md)
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings[:4] == [
        "# Winter pressures: a workshop",
        "## Who was here: the legend",
        "### Whose voice was heard (all tables)",
        "## Table 1",
    ]
    assert "### Cards" in headings and "### What is not working" in headings and "## All pledges" == headings[-1]


def test_the_report_shows_each_tables_path_voice_and_how_it_agreed(server, session):
    room, final_view = session
    md = export(server, room, "md").text.replace("\\", "")
    assert "- a family carer: sky blue with stripes" in md
    assert "**The path:** 0 of 12 outcomes met across 2 tables." in md  # one card each: nothing met yet
    assert "### The path: 0 of 6 outcomes met" in md
    card = final_view["tables"][0]["notes"][0]  # table 1's agreed note, and the card it came from
    teller = next(e["name"] for e in final_view["room"]["legend"] if e["id"] == card["card_perspective"])
    assert f"{SHARED} — Bartholomew (a family carer) · 2 votes · agreed by votes · card told by {teller}: {card['card_text']}" in md
    placed = [o for o in final_view["tables"][0]["board"]["outcomes"] if o["tiles"]]
    outcome = placed[0]
    colours = len({t["perspective"] for t in outcome["tiles"]} - {"anyone"})  # an `anyone` card has none
    assert f"- {outcome['name']} — “{outcome['statement']}” · {colours} of 4 perspectives" in md
    for sentence in final_view["voice"]["sentences"]["tables"]["t1"]:
        assert f"- {sentence}" in md
    rows = read_csv(export(server, room, "csv").content)
    assert [r["text"] for r in rows if r["kind"] == "path"] == [
        "0 of 6 outcomes met", "0 of 6 outcomes met", "0 of 12 outcomes met across 2 tables.",
    ]  # fmt: skip
    footprint = next(r for r in rows if r["kind"] == "footprint")
    assert footprint["outcome"] == outcome["name"] and footprint["table"] == "Table 1"
    agreed = next(r for r in rows if r["kind"] == "agreed")
    assert agreed["how"] == "agreed by votes" and agreed["card"] == card["card_text"] and agreed["card_teller"] == teller
    document = export(server, room, "json").json()
    assert document["boards"]["t1"] == final_view["tables"][0]["board"]
    # Cyrille's winning answer at table 2 was kept in the room: the host saw it counted,
    # the exports do not count it
    assert final_view["voice"]["tables"]["t2"]["support_worker"]["agreed"] == 1
    assert document["voice"]["tables"]["t2"]["support_worker"] == {"people": 1, "responses": 0, "votes": 0, "agreed": 0}


def test_dangerous_text_comes_out_inert(server, session):
    room, _ = session
    page = export(server, room, "html").text
    text, tags, attrs = read_html(page)
    assert SCRIPT in text and "script" not in tags and not any(a.startswith("on") for a in attrs)
    rows = read_csv(export(server, room, "csv").content)
    assert "'" + FORMULA in [r["text"] for r in rows]
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    paragraphs, headings = read_docx(export(server, room, "docx").content)
    assert any(p.startswith(SCRIPT + " — Annwen") for p in paragraphs)
    assert ("Heading 1", "Winter pressures: a workshop") in headings
    assert "<script>" not in export(server, room, "md").text


@pytest.mark.parametrize("fmt", FORMATS)
def test_anonymous_exports_hide_every_name(server, session, fmt):
    room, _ = session
    answer = export(server, room, fmt, anonymous="1")
    assert answer.status_code == 200 and "-anonymous." in answer.headers["Content-Disposition"]
    raw = answer.content if fmt == "docx" else answer.text
    text = readable(fmt, answer.content) + ("" if fmt == "docx" else raw)
    for name in (*PEOPLE, EXTRA[0]):
        assert name not in text, (fmt, name)
    assert "a family carer" in text and "a health professional" in text


def test_the_json_log_replays_to_the_server_state(server, session, tmp_path):
    room, final_view = session
    document = export(server, room, "json").json()
    with sqlite3.connect(server.db) as db:
        rows = [
            {"at": at, "actor": actor, "type": type_, "data": json.loads(data)}
            for at, actor, type_, data in db.execute(
                "SELECT at, actor, type, data FROM events WHERE room = ? ORDER BY n", [room["code"]]
            )
        ]
    truth = replay(events_of(rows))
    assert dataclasses.asdict(load(document)) == exported_state(truth)
    assert not re.search(r'"(host_key_hash|token_hash)": "[^"]', json.dumps(document))
    # the server's live state, as the host last saw it, is the state the log folds to
    assert _plain(host_view(truth, set(), "")) == _plain(final_view)
    path = tmp_path / "log.json"
    path.write_bytes(export(server, room, "json").content)
    run = subprocess.run([sys.executable, "-m", "server.replay", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert f"Winter pressures: a workshop ({room['code']})" in run.stdout and "5 people, 2 tables" in run.stdout


def _plain(view: dict):
    """A view without what depends on the moment: presence and the clock."""
    if isinstance(view, dict):
        return {k: _plain(v) for k, v in view.items() if k not in ("now", "connected")}
    if isinstance(view, list):
        return [_plain(v) for v in view]
    return view


def test_only_the_host_key_opens_an_export(server, session):
    room, _ = session
    other = server.create_room()
    assert export(server, room, "md", key=None).status_code == 403
    assert export(server, room, "md", key="not-the-key").status_code == 403
    assert export(server, room, "md", key=other["host_key"]).status_code == 403
    basic = server.http.get(f"{server.url}/api/rooms/{room['code']}/export.md", auth=("host", room["host_key"]), timeout=5)
    assert basic.status_code == 403
    answer = export(server, room, "md", key="nope")
    assert answer.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize(
    "path, status",
    [
        ("BCDFGH/export.md", 403),  # an unknown room answers like a wrong key (README: Exports)
        ("not-a-code/export.md", 403),
        ("{code}/export.pdf", 404),
        ("{code}/export.", 404),
        ("{code}/export", 404),
    ],
)
def test_unknown_rooms_are_forbidden_and_unknown_formats_not_found(server, session, path, status):
    room, _ = session
    url = f"{server.url}/api/rooms/{path.format(code=room['code'])}"
    answer = server.http.get(url, headers={"Authorization": f"Bearer {room['host_key']}"}, timeout=5)
    assert answer.status_code == status


def test_exports_work_during_the_workshop_and_after_a_restart(fresh_server):
    fresh_server.start()
    room = fresh_server.create_room("Before and after")
    ann = fresh_server.participant()
    ok(ann.join(room["code"], "Annwen", "carer"))
    ok(ann.act("sit", table="t1"))
    ok(ann.act("note", text="Written before the restart"))
    ann.close()
    before = export(fresh_server, room, "md")
    assert before.status_code == 200 and "Written before the restart" in before.text
    fresh_server.kill()
    fresh_server.start()
    after = export(fresh_server, room, "md")
    assert after.status_code == 200 and after.text == before.text
    assert export(fresh_server, room, "md", key="wrong").status_code == 403
