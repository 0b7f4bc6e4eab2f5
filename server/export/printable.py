"""The report as one standalone HTML page that a browser prints to PDF.

Rendered by Jinja with autoescaping on, so every user text is escaped (templates.py). The
page carries its own stylesheet (it is a download, opened from disk) and a
Content-Security-Policy that allows no scripts at all (page.html).
"""
from __future__ import annotations

from .people import byline, card_line
from .templates import environment

_env = environment(byline=byline, card_line=card_line)


def render(summary: dict) -> str:
    return _env.get_template("printable.html").render(s=summary)
