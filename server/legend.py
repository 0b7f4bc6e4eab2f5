"""The legend of perspectives: each side's colour, pattern and footprint, the same on the
server (decks, exports, the join page) and in the browser (web/static/js/legend.js).

There is one source, ``web/static/js/legend-data.js``: the browser imports it as a module
and this module reads the strict-JSON part between its markers, so the two can never
disagree. A deck gets its legend when it is loaded (``assign``): well-known ids always get
the same slot ("a family carer" is always sky blue with stripes), a deck's own ids take the
free slots in order, `anyone` has no colour and `other` (always a join choice) is grey.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parents[1] / "web" / "static" / "js" / "legend-data.js"
START, END = "/* legend-json */", "/* end-legend-json */"
NO_COLOUR = "anyone"
OTHER = "other"


def _read() -> dict:
    text = DATA_FILE.read_text(encoding="utf-8")
    return json.loads(text.split(START, 1)[1].split(END, 1)[0])


DATA = _read()
SLOTS: list[dict] = DATA["slots"]
#: How many perspectives with a colour a deck may declare (besides `anyone` and `other`).
MAX_COLOURS = len(SLOTS) - 1


def _style(slot: dict) -> dict:
    return {
        "colour": slot["colour"],
        "ink": slot["ink"],
        "pattern": slot["pattern"],
        "colour_name": slot["colour_name"],
        "pattern_name": DATA["patterns"][slot["pattern"]]["name"],
    }


def assign(ids) -> dict[str, dict]:
    """`{id: {"colour", "ink", "pattern", "colour_name", "pattern_name"}}` for a deck's
    perspective ids (in the order declared), plus `other`. Pure: same ids, same legend."""
    ids = list(dict.fromkeys([*ids, OTHER]))
    taken: dict[str, int] = {}
    for perspective in ids:
        home = DATA["home"].get(perspective)
        if home is not None and home not in taken.values():
            taken[perspective] = home
    free = [i for i in range(len(SLOTS)) if i not in taken.values()]
    legend = {}
    for perspective in ids:
        if perspective == NO_COLOUR:
            legend[perspective] = _style(DATA["none"])
        elif perspective in taken:
            legend[perspective] = _style(SLOTS[taken[perspective]])
        elif free:
            legend[perspective] = _style(SLOTS[free.pop(0)])
        else:  # more sides than slots: the deck checker refuses this; never crash here
            legend[perspective] = _style(SLOTS[-1])
    return legend


def style_of(legend: dict | None, perspective: str | None) -> dict:
    """A perspective's style from a room's legend; a well-known id without one (an older
    room) gets its home slot, anything else no colour."""
    if legend and perspective in legend:
        return legend[perspective]
    if perspective in DATA["home"]:
        return _style(SLOTS[DATA["home"][perspective]])
    return _style(DATA["none"])


def describe(style: dict) -> str:
    """The legend in words, so colour is never the only signal: "sky blue with stripes"."""
    if style["pattern"] == "none":
        return "no colour"
    return f"{style['colour_name']} with {style['pattern_name']}"


# --- drawing (the HTML export and the join page; legend.js draws the same in the browser)
def _attrs(values: dict) -> str:
    return " ".join(f'{name}="{html.escape(str(value))}"' for name, value in values.items())


def _pattern(pattern_id: str, style: dict) -> str:
    spec = DATA["patterns"][style["pattern"]]
    paint = (
        {"fill": style["ink"], "stroke": "none"}
        if spec["paint"] == "fill"
        else {"fill": "none", "stroke": style["ink"], "stroke-width": spec["width"], "stroke-linecap": "square"}
    )
    shapes = "".join(f"<{tag} {_attrs({**attrs, **paint})}/>" for tag, attrs in spec["shapes"])
    return (
        f'<pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{style["colour"]}"/>{shapes}</pattern>'
    )


def footprint_svg(style: dict, key: str, size: int = 24, title: str | None = None) -> str:
    """An inline SVG footprint in a perspective's colour and pattern. `key` makes the
    pattern's id unique in the page; with a `title` it is an image with that name, without
    one it is decoration (the name is written next to it)."""
    shape = DATA["footprint"]
    width = round(size * shape["width"] / shape["height"], 1)
    pattern_id = f"fp-{html.escape(key)}"
    dashed = ' stroke-dasharray="3 2"' if style["pattern"] == "none" else ""
    label = (
        f'role="img" aria-label="{html.escape(title)}"><title>{html.escape(title)}</title>'
        if title
        else 'aria-hidden="true" focusable="false">'
    )
    return (
        f'<svg class="footprint" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{size}" '
        f'viewBox="0 0 {shape["width"]} {shape["height"]}" {label}'
        f"<defs>{_pattern(pattern_id, style)}</defs>"
        f'<path d="{shape["path"]}" fill="url(#{pattern_id})" stroke="{DATA["outline"]}" '
        f'stroke-width="1.5"{dashed}/></svg>'
    )


# --- contrast (WCAG 2.2 relative luminance), for the tests and for anyone adding a slot
def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    low, high = sorted((luminance(a), luminance(b)))
    return (high + 0.05) / (low + 0.05)


def join_choices(deck: dict) -> list[dict]:
    """The "I am here as ..." choices of a room's deck (and `other`), each with its label
    ("A family carer"), Easy Read name and footprint, for the join page."""
    from markupsafe import Markup

    from .game.perspectives import legend

    choices = []
    for entry in legend(deck):
        if entry["choice"]:
            style = entry if entry.get("colour") else style_of(None, entry["id"])
            choices.append(
                {
                    "id": entry["id"],
                    "label": entry["name"][:1].upper() + entry["name"][1:],
                    "easy": entry["easy"] if not _says_again(entry["easy"], entry["name"]) else "",
                    "icon": entry["icon"],
                    "words": describe(style),
                    "footprint": Markup(footprint_svg(style, f"join-{entry['id']}", size=24)),
                }
            )
    return choices


def _says_again(detail: str, title: str) -> bool:
    """Whether a choice's Easy Read line only repeats its title ("Someone else who cares
    about this" / "someone else"): its words, in order, ignoring case, punctuation and
    "a", "an", "the". Such a line is left out rather than read twice."""

    def words(text: str) -> str:
        kept = [w for w in re.findall(r"[^\W_]+", text.lower()) if w not in ("a", "an", "the")]
        return " " + " ".join(kept) + " "

    return words(detail) in words(title)
