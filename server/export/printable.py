"""The report as one standalone HTML page that a browser prints to PDF.

Rendered by Jinja with autoescaping on, so every user text is escaped. The page carries its
own stylesheet (it is a download, opened from disk) and a Content-Security-Policy that
allows no scripts at all.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .summary import byline

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["byline"] = byline


def render(summary: dict) -> str:
    return _env.get_template("printable.html").render(s=summary)
