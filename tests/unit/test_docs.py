"""The README documents every action, event and error code the server knows."""
import re
from pathlib import Path

import pytest

from server.game import HOST_ACTS, PLAYER_ACTS

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()
DESIGN = ROOT.parent / "shared" / "DESIGN.md"


@pytest.mark.parametrize("act", PLAYER_ACTS + HOST_ACTS)
def test_every_act_type_is_documented(act):
    assert f"`{act}" in README


def error_codes() -> set[str]:
    codes = set()
    for path in (ROOT / "server").rglob("*.py"):
        codes |= set(re.findall(r'RuleError\(\s*"([a-z_]+)"', path.read_text()))
        codes |= set(re.findall(r'error\("([a-z_]+)"', path.read_text()))
    return codes


@pytest.mark.parametrize("code", sorted(error_codes()))
def test_every_error_code_is_documented(code):
    assert f"`{code}`" in README


def test_every_act_in_the_design_is_implemented():
    """shared/DESIGN.md (beside the checkout, as in CI) is the agreed wire contract."""
    section = DESIGN.read_text().split("## 3.")[1].split("## 4.")[0]
    listed = set(re.findall(r"`([a-z_]+)(?: \{[^`]*\})?`", section.split("Types a player may send:")[1].split("server→client")[0]))
    assert listed <= set(PLAYER_ACTS + HOST_ACTS)
