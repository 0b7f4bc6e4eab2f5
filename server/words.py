"""The participant's words, for the pages the server renders (the home and join pages).

There is one source, ``web/static/js/words-en.js`` (with ``words-en-home.js`` for the home
page): the browser imports them as modules (web/static/js/words.js) and this module reads
the strict-JSON part between their markers, so a page says the same words whether the
server or the browser wrote them. Pages render the standard wording inside
``data-say="key"`` elements; the browser switches them to Easy Read when that is on.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

WORDS_FILES = sorted((Path(__file__).resolve().parents[1] / "web" / "static" / "js").glob("words-en*.js"))
START, END = "/* words-json */", "/* end-words-json */"


def _read() -> dict[str, dict]:
    words: dict[str, dict] = {}
    for path in WORDS_FILES:
        text = path.read_text(encoding="utf-8")
        words.update(json.loads(text.split(START, 1)[1].split(END, 1)[0])["words"])
    return words


WORDS = _read()


def say(key: str, easy: bool = False, **fill) -> str:
    """The words for `key` (standard, or Easy Read), with `{name}` marks filled in."""
    entry = WORDS[key]  # a missing key is a bug: fail loudly in tests
    one = fill.get("n") == 1
    if easy:
        text = (one and entry.get("easy_one")) or entry.get("easy") or (one and entry.get("standard_one")) or entry["standard"]
    else:
        text = (one and entry.get("standard_one")) or entry["standard"]
    return re.sub(r"\{(\w+)\}", lambda m: str(fill.get(m.group(1), m.group(0))), text)


def init_app(app) -> None:
    app.jinja_env.globals["say"] = say
