"""Every bad shape sent to the JSON API gets a 400 with a readable message, never a 500
(`POST /api/rooms {"deck": {"$x": 1}}` once answered 500). Hypothesis makes the shapes."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server import create_app
from server.decks import DeckError
from server.decks.isolated import parse_uploaded

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
FIELDS = ["title", "deck", "deck_toml", "hide_until_reveal", "play", "follows", "follows_key", "$x"]
GOOD = {"title": "A workshop", "deck": "everyday-lives"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app(
        {
            "DATABASE": str(tmp_path_factory.mktemp("payloads") / "p.db"),
            "ASYNC_MODE": "threading",
            "ROOM_CREATE_LIMIT": "100000/minute",
            "DECK_LIMIT": "100000/minute",
        }
    )
    yield app.test_client()
    app.extensions["inourshoes"].store.close()


def refused_clearly(answer, status: int = 400) -> bool:
    body = answer.get_json(silent=True) or {}
    right_status = answer.status_code == status if status else 400 <= answer.status_code < 500
    return right_status and bool(body.get("error", {}).get("message"))


@pytest.mark.parametrize(
    "body",
    [
        {"title": "T", "deck": {"$x": 1}},
        {"title": "T", "deck": ["everyday-lives"]},
        {"title": "T", "deck": 7},
        {"title": "T", "deck_toml": {"cards": []}},
        {"title": "T", "deck_toml": None},
        {"title": {"$x": 1}, "deck": "everyday-lives"},
        {"title": ["T"], "deck": "everyday-lives"},
        {"title": "T", "deck": "everyday-lives", "hide_until_reveal": {"$x": 1}},
        [GOOD],
        "a workshop",
        None,
    ],
)
def test_known_bad_shapes_are_refused_with_a_message(client, body):
    assert refused_clearly(client.post("/api/rooms", json=body))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=JSON | st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=5))
def test_any_shape_is_a_room_or_a_clear_refusal(client, body):
    if isinstance(body, dict) and isinstance(body.get("deck_toml"), str):
        body["deck_toml"] = body["deck_toml"][:0]  # deck texts are covered below, once each
    answer = client.post("/api/rooms", json=body)  # e.g. "follows" with no key is a 403: refused, with a reason
    assert answer.status_code == 201 or refused_clearly(answer, None), (answer.status_code, answer.get_data(as_text=True)[:300])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=4).map(lambda extra: {**GOOD, **extra}))
def test_a_good_request_with_any_extra_fields_never_fails_badly(client, body):
    answer = client.post("/api/rooms", json=body)  # e.g. "follows" with no key is a 403: refused, with a reason
    assert answer.status_code == 201 or refused_clearly(answer, None), (answer.status_code, answer.get_data(as_text=True)[:300])


@pytest.mark.parametrize("body", [{"toml": 5}, {"toml": None}, {"toml": ["x"]}, [1, 2], "x = 1", {}])
def test_deck_checks_of_any_json_shape_answer_with_problems(client, body):
    answer = client.post("/api/decks/check", json=body)
    assert answer.status_code == 200 and answer.get_json()["ok"] is False and answer.get_json()["problems"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("\ud800 = 1", "not valid Unicode"),  # refused before any worker starts
        ("x" * (201 * 1024), "too big"),
        ("k = 1\n" + "a" * 4001 + " = 1", "line 2"),
        ("this is = not [valid", "not valid TOML"),  # read by the worker
    ],
)
def test_an_uploaded_deck_is_refused_with_a_reason(text, words):
    with pytest.raises(DeckError) as refused:
        parse_uploaded(text)
    assert words in " ".join(refused.value.problems)


def test_a_deck_that_takes_too_long_is_stopped():
    slow = "\n".join(".".join([f"k{i}"] + ["a"] * 1_990) + " = 1" for i in range(45))  # 175 KB, about a second
    with pytest.raises(DeckError) as refused:
        parse_uploaded(slow, seconds=0.2)
    assert "took too long" in refused.value.problems[0]
