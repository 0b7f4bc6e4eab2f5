"""The README's "Wire contract" is the contract: it and the code agree, both ways.

Every act, Socket.IO event and error code the server knows is in the README, and every one
the README lists exists in the code. Only files inside the repository are read.
"""
import re
from pathlib import Path

from server.game import HOST_ACTS, PLAYER_ACTS
from server.sockets import CLIENT_EVENTS

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()
CONTRACT = README.split("## Wire contract", 1)[1].split("\n## ", 1)[0]
SERVER_CODE = [path.read_text() for path in (ROOT / "server").rglob("*.py")]

_NAMES = r"`([a-z_]+)(?: \{[^`]*\})?`"
_BULLET_NAMES = re.compile(rf"^- ((?:{_NAMES[:-1]}`(?:, | or )?)+)", re.M)


def block(heading: str) -> str:
    """The lines under a heading such as 'Host acts:', up to the next blank line."""
    return CONTRACT.split(f"\n{heading}", 1)[1].split("\n\n", 1)[0]


def listed(heading: str) -> set[str]:
    """Names that begin a bullet under `heading` (`a {x}`, `b` and `c or d` forms)."""
    names = set()
    for match in _BULLET_NAMES.finditer(block(heading)):
        names |= set(re.findall(_NAMES, match.group(1)))
    return names


def test_participant_acts_match_the_code():
    assert listed("Participant acts") == set(PLAYER_ACTS)


def test_host_acts_match_the_code():
    assert listed("Host acts:") == set(HOST_ACTS)


def test_client_events_match_the_code():
    assert listed("Client → server events:") == set(CLIENT_EVENTS)


def test_server_events_match_the_code():
    emitted = set()
    for text in SERVER_CODE:
        emitted |= set(re.findall(r'emit\(\s*"([a-z_]+)"', text))
    assert listed("Server → client events:") == emitted


def error_codes_in_code() -> set[str]:
    codes = set()
    for text in SERVER_CODE:
        codes |= set(re.findall(r'RuleError\(\s*"([a-z_]+)"', text))
        codes |= set(re.findall(r'error\(\s*"([a-z_]+)"', text))
        codes |= set(re.findall(r'\(\s*[45]\d\d,\s*"([a-z_]+)"', text))  # HTTP: fail(400, "bad_deck", ...)
    return codes


def test_error_codes_match_the_code():
    documented = set(re.findall(r"`([a-z_]+)`", CONTRACT.split("Error codes:", 1)[1].split("\n\n", 1)[0]))
    assert documented == error_codes_in_code()
