"""The run sheet as a one-page printable guide (a standalone HTML page, no scripts).

Rendered by Jinja with autoescaping on, so the facilitator's own words are escaped."""
from __future__ import annotations

from .templates import environment

_env = environment()


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm: 95 -> "1:35"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def render(room) -> str:
    sheet = room.run_sheet
    steps, start = [], 0
    for step in sheet["steps"]:
        steps.append(dict(step, start=clock(start), end=clock(start + step["minutes"])))
        start += step["minutes"]
    return _env.get_template("run_sheet.html").render(title=room.title, code=room.code, minutes=sheet["minutes"], steps=steps)
