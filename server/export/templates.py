"""The Jinja environment of the printable pages (the report, the summary for managers, the
run sheet): the templates in this folder, with autoescaping on, so every user text is
escaped. Each page extends `page.html`, which allows no scripts at all and carries no link
to anything (a download is opened from disk)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..rooms import shown_code


def environment(**filters) -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(room_code=shown_code, **filters)
    return env
