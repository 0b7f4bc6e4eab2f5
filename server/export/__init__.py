"""Exports of a workshop's notes: renderers over its event log (DESIGN.md section 2).

`summary` projects a room into plain data; `markdown`, `spreadsheet` (csv), `printable`
(html) and `word` (docx) render that summary; `eventlog` writes the replayable JSON log;
`routes` serves them to the host.
"""
from __future__ import annotations


def init_app(app) -> None:
    from .routes import bp

    app.register_blueprint(bp)
