"""Patches between views (server/patches.py) and the browser's copy (web/static/js/patch.js):
applying the diff of two views gives the new one, leaves the old one as it was, and the
browser gets the same result as the server from the same operations."""
import copy
import json
import subprocess
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from server.patches import apply, diff
from server.streams import Streams

ROOT = Path(__file__).resolve().parents[2]

leaves = st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(max_size=8)
json_values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=4), inner, max_size=5),
    max_leaves=30,
)
views = st.dictionaries(st.text(max_size=4), json_values, max_size=6)


@st.composite
def view_and_change(draw):
    """A view and a later one: mostly the same parts, some changed, some lists grown."""
    old = draw(views)
    new = copy.deepcopy(old)
    for key in list(new):
        change = draw(st.sampled_from(["keep", "keep", "replace", "drop", "grow"]))
        if change == "replace":
            new[key] = draw(json_values)
        elif change == "drop":
            del new[key]
        elif change == "grow" and isinstance(new[key], list):
            new[key] = new[key] + draw(st.lists(json_values, min_size=1, max_size=3))
    new.update(draw(st.dictionaries(st.text(max_size=4), json_values, max_size=2)))
    return old, new


@settings(max_examples=300, deadline=None)
@given(view_and_change())
def test_applying_the_diff_gives_the_new_view_and_leaves_the_old_alone(pair):
    old, new = pair
    before = copy.deepcopy(old)
    ops = diff(old, new)
    assert apply(old, ops) == new
    assert old == before
    assert json.loads(json.dumps(ops)) == ops  # plain JSON on the wire


@settings(max_examples=300, deadline=None)
@given(view_and_change())
def test_a_diff_made_in_slices_is_the_same_diff(pair):
    old, new = pair
    pauses = []
    assert diff(old, new, pause=lambda: pauses.append(1)) == diff(old, new)
    compared = [
        len(old[key]) for key, value in new.items()
        if isinstance(value, list) and isinstance(old.get(key), list) and 0 < len(old[key]) <= len(value)
    ]  # fmt: skip
    assert len(pauses) == sum(compared)  # one pause before each top-level list item compared


def test_a_change_prepared_in_slices_is_checked_again_if_the_audience_moved_on():
    streams = Streams()
    key = ("ABCDEF", "h")
    streams.advance(key, {"n": 1, "tables": [1, 2]})
    first = streams.whole(key)
    prepared = streams.prepare(key, {"n": 3, "tables": [1, 2, 3]}, pause=lambda: None)
    message = streams.advance(key, {"n": 3, "tables": [1, 2, 3]}, prepared)
    assert message["ops"] == prepared[1] and apply(first["view"], message["ops"]) == {"n": 3, "tables": [1, 2, 3]}
    # meanwhile (during the pauses) someone else advanced the audience: compared again
    stale = streams.prepare(key, {"n": 5, "tables": [1, 2, 3, 5]}, pause=lambda: None)
    second = streams.advance(key, {"n": 4, "tables": [1, 2, 3, 4]})
    third = streams.advance(key, {"n": 5, "tables": [1, 2, 3, 5]}, stale)
    assert third["from"] == second["v"]
    held = first["view"]
    for sent in (message, second, third):
        held = apply(held, sent["ops"])
    assert held == {"n": 5, "tables": [1, 2, 3, 5]}
    assert streams.prepare(("ABCDEF", "t", "none"), {"n": 1}, pause=lambda: None) is None  # nobody holds it


@given(views)
def test_an_unchanged_view_needs_no_operations(view):
    assert diff(view, copy.deepcopy(view)) == []


def test_a_new_answer_is_sent_as_an_append_not_the_whole_list():
    answers = [{"id": f"r{i}", "text": "x" * 200, "votes": 0} for i in range(5)]
    old = {"n": 1, "table": {"responses": answers, "notes": [{"text": "y" * 2000}]}}
    new = {"n": 2, "table": {"responses": answers + [{"id": "r5", "text": "new", "votes": 0}], "notes": old["table"]["notes"]}}
    assert diff(old, new) == [["set", ["n"], 2], ["add", ["table", "responses"], [{"id": "r5", "text": "new", "votes": 0}]]]
    voted = copy.deepcopy(new)
    voted["table"]["responses"][2]["votes"] = 1
    assert diff(new, voted) == [["set", ["table", "responses", 2, "votes"], 1]]


def test_streams_give_newcomers_the_whole_view_and_others_the_change():
    streams = Streams()
    key = ("ABCDEF", "t", "t1")
    assert streams.advance(key, {"n": 1, "a": [1]}) is None  # nobody held one before
    first = streams.whole(key)
    assert first["view"] == {"n": 1, "a": [1]}
    message = streams.advance(key, {"n": 2, "a": [1, 2]})
    assert message["from"] == first["v"] and message["v"] > first["v"]
    assert apply(first["view"], message["ops"]) == {"n": 2, "a": [1, 2]}
    assert streams.advance(key, {"n": 2, "a": [1, 2]}) is None
    streams.prune({})
    assert key not in streams.last


def test_a_host_view_reuses_the_change_its_table_worked_out(monkeypatch):
    import server.patches as patches

    streams, code = Streams(), "ABCDEF"
    old = {"id": "t1", "stage": "play", "responses": [{"text": "a", "votes": 0}]}
    other = {"id": "t2", "stage": "play", "responses": []}
    streams.advance((code, "t", "t1"), {"n": 1, "table": old})
    streams.advance((code, "h"), {"n": 1, "tables": [old, other]})
    new = {"id": "t1", "stage": "play", "responses": [{"text": "a", "votes": 1}, {"text": "b", "votes": 0}]}
    streams.advance((code, "t", "t1"), {"n": 2, "table": new})
    compared = []
    real = patches._diff
    monkeypatch.setattr(patches, "_diff", lambda o, n, path, ops: compared.append(path) or real(o, n, path, ops))
    host_new = {"n": 2, "tables": [new, other]}
    prepared = streams.prepare((code, "h"), host_new, pause=lambda: None)
    assert not any(path[:2] == ["tables", 0] for path in compared)  # the table's own change, reused
    monkeypatch.setattr(patches, "_diff", real)
    assert prepared[1] == diff({"n": 1, "tables": [old, other]}, host_new)
    message = streams.advance((code, "h"), host_new, prepared)
    assert apply({"n": 1, "tables": [old, other]}, message["ops"]) == host_new


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), views, st.booleans()), min_size=1, max_size=25))
def test_a_host_view_built_from_its_tables_changes_is_the_host_view(steps):
    """Tables change (each by its own stream), the host view now and then: whatever the
    host holds after applying its patches is the host view, reused changes or not."""
    streams, code = Streams(), "ABCDEF"
    details = [{"id": f"t{i}", "v": 0} for i in range(3)]
    for i, detail in enumerate(details):
        streams.advance((code, "t", f"t{i}"), {"n": 0, "table": detail})
    streams.advance((code, "h"), {"n": 0, "tables": list(details)})
    held = streams.whole((code, "h"))["view"]
    for n, (i, change, host_now) in enumerate(steps, start=1):
        details[i] = dict(change, id=f"t{i}")
        streams.advance((code, "t", f"t{i}"), {"n": n, "table": details[i]})
        if host_now:
            view = {"n": n, "tables": list(details)}
            message = streams.advance((code, "h"), view, streams.prepare((code, "h"), view, pause=lambda: None))
            if message is not None:
                held = apply(held, message["ops"])
            assert held == view


@settings(max_examples=20, deadline=None)
@given(st.lists(view_and_change(), min_size=1, max_size=60))
def test_the_browser_applies_operations_as_the_server_does(pairs):
    cases = [{"old": old, "ops": diff(old, new)} for old, new in pairs]
    script = (
        "import('./web/static/js/patch.js').then(m => {"
        " const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        " console.log(JSON.stringify(cases.map(c => m.applyOps(c.old, c.ops)))); })"
    )
    result = subprocess.run(
        ["node", "-e", script], cwd=ROOT, input=json.dumps(cases), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [json.loads(json.dumps(new)) for _, new in pairs]


def test_the_browser_keeps_odd_keys_as_plain_keys():
    old = {"voice": {"tables": {}}}
    ops = diff(old, {"voice": {"tables": {"__proto__": {"people": 1}, "constructor": 2}}})
    script = (
        "import('./web/static/js/patch.js').then(m => {"
        f" const v = m.applyOps({json.dumps(old)}, {json.dumps(ops)});"
        " console.log(JSON.stringify([Object.keys(v.voice.tables), v.voice.tables.people === undefined])); })"
    )
    result = subprocess.run(["node", "-e", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [["__proto__", "constructor"], True]
