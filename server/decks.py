"""Card decks: the TOML deck format, its validator, and the loader.

A deck is one TOML file in ``decks/``.  ``parse_deck`` turns its text into a plain,
JSON-able dict or raises ``DeckError`` listing every problem, one plain-English line each,
naming the file, the card and the field.  The same checks run for the decks we ship
(the server refuses to start on a bad one) and for decks a facilitator uploads, so the
parser treats its input as untrusted: the text is capped in size, the number of cards is
capped, and nothing but ``DeckError`` ever escapes ``parse_deck``.

Command line::

    python -m server.decks check [PATH...]   # no PATH: every decks/*.toml
    python -m server.decks icons             # list the icon names a card may use

The format itself is described in ``decks/README.md``.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
import tomllib
from pathlib import Path

__all__ = [
    "CARD_TYPES",
    "DEFAULT_ICONS",
    "DeckError",
    "ICON_DIR",
    "MAX_CARDS",
    "MAX_DECK_BYTES",
    "MAX_EASY_WORDS",
    "MAX_TEXT_CHARS",
    "check_deck_text",
    "deck_summary",
    "icon_names",
    "load_deck",
    "load_decks",
    "parse_deck",
]

CARD_TYPES = ("scenario", "reflection", "question", "wild", "working")

REPO_ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = REPO_ROOT / "web" / "static" / "icons"
DECK_DIR = REPO_ROOT / "decks"

MAX_DECK_BYTES = 200 * 1024  # a deck's TOML text, in UTF-8 bytes
MAX_CARDS = 500
MAX_TEXT_CHARS = 500  # a card's text and its Easy Read text
MAX_EASY_WORDS = 15  # per Easy Read sentence
MAX_PROBLEMS = 200  # stop listing after this many: enough to fix a file

# The icon a card gets when it names none.
DEFAULT_ICONS = {
    "scenario": "chat",
    "reflection": "quote",
    "question": "question",
    "wild": "shuffle",
    "working": "thumbs-up",
}

# Top-level fields: name -> (required, max length).  All are text.
_META_TEXT = {
    "id": 60,
    "title": 100,
    "language": 35,
    "audience": 300,
    "description": 1000,
    "licence": 300,
    "version": 40,
}
_META_FIELDS = set(_META_TEXT) | {"easy_first", "perspectives", "cards"}
_CARD_FIELDS = ("id", "type", "perspective", "text", "easy", "icon")

_DECK_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_PERSPECTIVE_ID_RE = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
_CARD_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_MAX_LABEL = 80

# An Easy Read sentence ends at . ! ? (or …) followed by a space or the end, or at a line break.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
_WORD_RE = re.compile(r"\w", re.UNICODE)


class DeckError(Exception):
    """A deck that cannot be used.  ``problems`` holds one plain-English line per problem."""

    def __init__(self, problems):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = [str(p) for p in problems] or ["unknown problem with the deck"]
        super().__init__("\n".join(self.problems))

    def __str__(self) -> str:
        return "\n".join(self.problems)


# --------------------------------------------------------------------------- helpers


def icon_names() -> set[str]:
    """The names (without ``.svg``) of the icons a card may use."""
    try:
        return {p.stem for p in ICON_DIR.glob("*.svg") if p.is_file()}
    except OSError:
        return set()


def _kind(value) -> str:
    """A plain-English name for the type of a TOML value."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return "a date or time"
    return type(value).__name__


def _short(text: str, limit: int = 40) -> str:
    """Text shortened for quoting in a problem line, on one line."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _join(names) -> str:
    return ", ".join(sorted(names)) if names else "(none)"


def easy_sentences(easy: str) -> list[str]:
    """Split Easy Read text into sentences (at . ! ? followed by a space, and at line breaks)."""
    return [s.strip() for s in _SENTENCE_END_RE.split(easy) if s and s.strip()]


def easy_word_count(sentence: str) -> int:
    """Words in a sentence; a lone dash or symbol is not a word."""
    return sum(1 for token in sentence.split() if _WORD_RE.search(token))


def _syntax_error_line(text: str, err: tomllib.TOMLDecodeError) -> tuple[int | None, str]:
    """The line number of a TOML error, and its message without the "(at line ...)" tail."""
    message = str(err)
    lineno = getattr(err, "lineno", None)
    match = re.search(r"\s*\(at line (\d+), column \d+\)\s*$", message)
    if match:
        lineno = lineno or int(match.group(1))
        message = message[: match.start()]
    elif lineno is None:
        match = re.search(r"\s*\(at end of document\)\s*$", message)
        if match:
            lineno = text.count("\n") + 1
            message = message[: match.start()]
    return lineno, message.strip() or "invalid TOML"


def _card_near_line(text: str, lineno: int) -> str | None:
    """The id of the [[cards]] entry that a line falls in, if it can be seen."""
    lines = text.splitlines()[: max(0, lineno)]
    card_id = None
    in_card = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("["):
            in_card = stripped.replace(" ", "").startswith("[[cards]]")
            card_id = None
            continue
        if in_card:
            m = re.match(r"""id\s*=\s*["']([^"']{1,64})["']""", stripped)
            if m:
                card_id = m.group(1)
    return card_id


def _field_on_line(text: str, lineno: int) -> str | None:
    """The key being set on a line ("type" for 'type = scenario'), if there is one."""
    lines = text.splitlines()
    if not 0 < lineno <= len(lines):
        return None
    m = re.match(r"\s*([A-Za-z0-9_-]{1,40})\s*=", lines[lineno - 1])
    return m.group(1) if m else None


_SYNTAX_HINTS = (
    ("invalid value", 'text must be in double quotes, e.g. type = "scenario"'),
    ("unterminated string", 'a text is missing its closing quote; use """ for text over several lines'),
    ("illegal character", 'a line break inside a text is allowed only between triple quotes (""")'),
    ("cannot overwrite a value", "the same field is set twice"),
    ("cannot declare", "the same table or field is declared twice"),
    ("expected '=' after a key", 'each line should look like: name = "value"'),
)


def _syntax_hint(message: str) -> str | None:
    lower = message.lower()
    for needle, hint in _SYNTAX_HINTS:
        if needle in lower:
            return hint
    return None


# --------------------------------------------------------------------------- checking


class _Checker:
    """Collects problems for one deck and builds the clean dict at the same time."""

    def __init__(self, source: str):
        self.source = str(source)
        self.problems: list[str] = []
        self.deck: dict = {}

    def add(self, message: str, card: str | None = None, field: str | None = None) -> None:
        parts = [self.source]
        if card is not None:
            parts.append(f"card {card}")
        if field is not None:
            parts.append(f"field '{field}'")
        parts.append(message)
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(": ".join(parts))
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(f"{self.source}: too many problems; fix these and check again")

    # -- the whole text

    def check_text(self, text) -> None:
        if isinstance(text, (bytes, bytearray)):
            if len(text) > MAX_DECK_BYTES:
                self.add(
                    f"the file is too big ({len(text) // 1024} KB or more); a deck may be at "
                    f"most {MAX_DECK_BYTES // 1024} KB"
                )
                return
            try:
                text = bytes(text).decode("utf-8")
            except UnicodeDecodeError:
                self.add("the file is not UTF-8 text; save it as UTF-8 and try again")
                return
        if not isinstance(text, str):
            self.add(f"expected the text of a TOML file, got {_kind(text)}")
            return
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError:
            self.add("the text has characters that are not valid Unicode; save it as UTF-8")
            return
        if size > MAX_DECK_BYTES:
            self.add(
                f"the file is too big ({size // 1024} KB); a deck may be at most "
                f"{MAX_DECK_BYTES // 1024} KB"
            )
            return
        if text.startswith("\ufeff"):
            text = text[1:]  # a byte-order mark some editors add
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            lineno, message = _syntax_error_line(text, err)
            parts = []
            if lineno:
                parts.append(f"line {lineno}")
                card = _card_near_line(text, lineno)
                if card:
                    parts.append(f"card {card}")
                field = _field_on_line(text, lineno)
                if field:
                    parts.append(f"field '{field}'")
            hint = _syntax_hint(message)
            parts.append(f"this is not valid TOML: {message}" + (f" ({hint})" if hint else ""))
            self.add(": ".join(parts))
            return
        except RecursionError:
            self.add("this is not valid TOML: it is nested too deeply")
            return
        except Exception as err:  # noqa: BLE001 - untrusted input; report, never raise
            self.add(f"this could not be read as TOML ({type(err).__name__})")
            return
        self.check_data(data)

    # -- the parsed data

    def check_data(self, data: dict) -> None:
        for key in data:
            if key not in _META_FIELDS:
                self.add(
                    f"unknown field (a deck's fields are: {_join(_META_FIELDS)})",
                    field=_short(key),
                )

        for field, limit in _META_TEXT.items():
            value = self.text_field(data, field, limit, required=True)
            self.deck[field] = value
        if self.deck["id"] and not _DECK_ID_RE.match(self.deck["id"]):
            self.add(
                f"deck id {_short(self.deck['id'])!r} should be a short name in lowercase "
                "letters, digits and dashes, e.g. \"everyday-lives\"",
                field="id",
            )
        if self.deck["language"] and not _LANGUAGE_RE.match(self.deck["language"]):
            self.add(
                f"{_short(self.deck['language'])!r} is not a language tag; use one like \"en-GB\"",
                field="language",
            )

        easy_first = data.get("easy_first", False)
        if not isinstance(easy_first, bool):
            self.add(f"should be true or false, not {_kind(easy_first)}", field="easy_first")
            easy_first = False
        self.deck["easy_first"] = easy_first

        perspectives = self.check_perspectives(data.get("perspectives"))
        self.deck["perspectives"] = perspectives or {}
        self.deck["cards"] = self.check_cards(data.get("cards"), perspectives)

    def text_field(self, table: dict, field: str, limit: int, required: bool,
                   card: str | None = None) -> str:
        """A text value from a table, checked; "" when missing or wrong."""
        if field not in table:
            if required:
                self.add("is missing", card=card, field=field)
            return ""
        value = table[field]
        if not isinstance(value, str):
            self.add(
                f"should be text in quotes, not {_kind(value)}", card=card, field=field
            )
            return ""
        value = value.strip()
        if not value:
            if required:
                self.add("is empty", card=card, field=field)
            return ""
        if len(value) > limit:
            self.add(
                f"is {len(value)} characters long; the most allowed is {limit}",
                card=card,
                field=field,
            )
        return value

    def check_perspectives(self, value) -> dict[str, str] | None:
        """The perspectives table, or None when it is missing or not a table."""
        if value is None:
            self.add(
                "is missing: add a [perspectives] table, e.g. person = \"A person who uses "
                "services\"",
                field="perspectives",
            )
            return None
        if not isinstance(value, dict):
            self.add(
                f"should be a table ([perspectives]), not {_kind(value)}", field="perspectives"
            )
            return None
        if not value:
            self.add("is empty: declare at least one perspective", field="perspectives")
        result: dict[str, str] = {}
        for key, label in value.items():
            name = f"perspectives.{_short(key)}"
            if not _PERSPECTIVE_ID_RE.match(key):
                self.add(
                    f"perspective id {_short(key)!r} should be lowercase letters, digits, "
                    "'_' or '-', starting with a letter",
                    field=name,
                )
            if not isinstance(label, str):
                self.add(f"the label should be text in quotes, not {_kind(label)}", field=name)
                label = key
            elif not label.strip():
                self.add("the label is empty", field=name)
                label = key
            elif len(label.strip()) > _MAX_LABEL:
                self.add(
                    f"the label is {len(label.strip())} characters long; the most allowed is "
                    f"{_MAX_LABEL}",
                    field=name,
                )
            result[key] = label.strip()
        return result

    def check_cards(self, value, perspectives: dict[str, str] | None) -> list[dict]:
        if value is None:
            self.add("the deck has no cards: add at least one [[cards]] entry", field="cards")
            return []
        if not isinstance(value, list):
            self.add(
                f"should be a list of [[cards]] entries, not {_kind(value)}", field="cards"
            )
            return []
        if not value:
            self.add("the deck has no cards: add at least one [[cards]] entry", field="cards")
            return []
        if len(value) > MAX_CARDS:
            self.add(
                f"the deck has {len(value)} cards; the most allowed is {MAX_CARDS}",
                field="cards",
            )
            value = value[:MAX_CARDS]

        icons = icon_names()
        seen: dict[str, int] = {}
        cards = []
        for position, raw in enumerate(value, start=1):
            card = self.check_card(position, raw, perspectives, icons, seen)
            if card is not None:
                cards.append(card)
        return cards

    def check_card(self, position: int, raw, perspectives, icons: set[str],
                   seen: dict[str, int]) -> dict | None:
        label = f"#{position}"
        if not isinstance(raw, dict):
            self.add(f"should be a [[cards]] table, not {_kind(raw)}", card=label)
            return None

        # The card's name in problem lines: its id when it has a usable one.
        raw_id = raw.get("id")
        if isinstance(raw_id, str) and _CARD_ID_RE.match(raw_id.strip()):
            label = raw_id.strip()

        for key in raw:
            if key not in _CARD_FIELDS:
                self.add(
                    f"unknown field (a card's fields are: {', '.join(_CARD_FIELDS)})",
                    card=label,
                    field=_short(key),
                )

        card_id = self.text_field(raw, "id", 64, required=True, card=label)
        if card_id:
            if not _CARD_ID_RE.match(card_id):
                self.add(
                    f"card id {_short(card_id)!r} should be letters, digits, '-', '_' or '.', "
                    "with no spaces",
                    card=label,
                    field="id",
                )
            elif card_id in seen:
                self.add(
                    f"the id {card_id!r} is used more than once (card #{seen[card_id]} "
                    f"and card #{position}); each card needs its own id",
                    card=label,
                    field="id",
                )
            else:
                seen[card_id] = position

        card_type = self.text_field(raw, "type", 40, required=True, card=label)
        if card_type and card_type not in CARD_TYPES:
            self.add(
                f"unknown card type {_short(card_type)!r} (use one of: {', '.join(CARD_TYPES)})",
                card=label,
                field="type",
            )

        perspective = self.text_field(raw, "perspective", 40, required=True, card=label)
        if perspective and perspectives is not None and perspective not in perspectives:
            self.add(
                f"unknown perspective {_short(perspective)!r} (this deck's [perspectives] are: "
                f"{_join(perspectives)})",
                card=label,
                field="perspective",
            )

        text = self.text_field(raw, "text", MAX_TEXT_CHARS, required=True, card=label)

        easy = self.text_field(raw, "easy", MAX_TEXT_CHARS, required=True, card=label)
        for sentence in easy_sentences(easy):
            words = easy_word_count(sentence)
            if words > MAX_EASY_WORDS:
                self.add(
                    f"an Easy Read sentence has {words} words; keep each sentence to "
                    f"{MAX_EASY_WORDS} words or fewer: \"{_short(sentence, 48)}\"",
                    card=label,
                    field="easy",
                )

        if "icon" in raw:
            icon = self.text_field(raw, "icon", 60, required=False, card=label)
            if icon and icon not in icons:
                self.add(
                    f"unknown icon {_short(icon)!r} (there is no web/static/icons/"
                    f"{_short(icon)}.svg; list the icons with: python -m server.decks icons)",
                    card=label,
                    field="icon",
                )
        else:
            icon = DEFAULT_ICONS.get(card_type, "chat")
        if not icon:
            icon = DEFAULT_ICONS.get(card_type, "chat")

        return {
            "id": card_id,
            "type": card_type,
            "perspective": perspective,
            "text": text,
            "easy": easy,
            "icon": icon,
        }


# --------------------------------------------------------------------------- public API


def _check(text, source: str) -> _Checker:
    checker = _Checker(source)
    try:
        checker.check_text(text)
    except RecursionError:
        checker.add("the deck is nested too deeply to read")
    except Exception as err:  # noqa: BLE001 - a bug here must not crash the caller
        checker.add(f"the deck could not be checked ({type(err).__name__}: {_short(err, 80)})")
    return checker


def check_deck_text(text: str, source: str) -> list[str]:
    """Every problem with a deck's TOML text, one plain-English line each; [] if it is good."""
    return list(_check(text, source).problems)


def parse_deck(text: str, source: str) -> dict:
    """The validated deck as a plain JSON-able dict.  Raises DeckError (only) if anything is wrong."""
    checker = _check(text, source)
    if checker.problems:
        raise DeckError(checker.problems)
    return checker.deck


def load_deck(path) -> dict:
    """Read a deck file and parse it; problems name the path as given."""
    source = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_DECK_BYTES + 1)
    except OSError as err:
        raise DeckError([f"{source}: the file could not be read ({err.strerror or err})"]) from None
    if len(data) > MAX_DECK_BYTES:
        raise DeckError(
            [f"{source}: the file is too big; a deck may be at most {MAX_DECK_BYTES // 1024} KB"]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DeckError(
            [f"{source}: the file is not UTF-8 text; save it as UTF-8 and try again"]
        ) from None
    return parse_deck(text, source)


def _deck_files(directory) -> list[Path]:
    return sorted((p for p in Path(directory).glob("*.toml") if p.is_file()), key=lambda p: p.name)


def load_decks(directory) -> dict[str, dict]:
    """Every ``*.toml`` deck in a directory, keyed by deck id, in file-name order.

    Raises DeckError for the first bad deck (with all its problems), for two files with the
    same deck id, and for a directory that is not there.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DeckError([f"{directory}: the deck folder is not there"])
    decks: dict[str, dict] = {}
    files: dict[str, Path] = {}
    for path in _deck_files(directory):
        deck = load_deck(path)
        if deck["id"] in decks:
            raise DeckError(
                [
                    f"{path}: field 'id': the deck id {deck['id']!r} is already used by "
                    f"{files[deck['id']]}; each deck needs its own id"
                ]
            )
        decks[deck["id"]] = deck
        files[deck["id"]] = path
    return decks


def deck_summary(deck: dict) -> dict:
    """The short description of a deck the deck picker shows."""
    return {
        "id": deck["id"],
        "title": deck["title"],
        "cards": len(deck["cards"]),
        "language": deck["language"],
        "description": deck["description"],
        "audience": deck["audience"],
    }


# --------------------------------------------------------------------------- command line

_USAGE = """\
usage: python -m server.decks check [PATH...]
       python -m server.decks icons

check   check deck files (or folders of them); with no PATH, every decks/*.toml.
        Prints one line per problem and exits 1 if there is any, else one "ok" line per file.
icons   list the icon names a card's 'icon' field may use.
"""


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _cli_check(args: list[str]) -> int:
    if args:
        targets: list[tuple[Path, str]] = []
        for arg in args:
            path = Path(arg)
            if path.is_dir():
                targets.extend((p, str(p)) for p in _deck_files(path))
            else:
                targets.append((path, arg))
    else:
        targets = [(p, _display(p)) for p in _deck_files(DECK_DIR)]
        if not targets:
            print(f"{_display(DECK_DIR)}: no deck files (*.toml) found")
            return 1

    failed = False
    ids: dict[str, str] = {}
    for path, shown in targets:
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_DECK_BYTES + 1)
        except OSError as err:
            print(f"{shown}: the file could not be read ({err.strerror or err})")
            failed = True
            continue
        problems = check_deck_text(raw, shown)
        if problems:
            failed = True
            for line in problems:
                print(line)
            continue
        deck = parse_deck(raw, shown)
        if deck["id"] in ids:
            print(
                f"{shown}: field 'id': the deck id {deck['id']!r} is already used by "
                f"{ids[deck['id']]}; each deck needs its own id"
            )
            failed = True
            continue
        ids[deck["id"]] = shown
        count = len(deck["cards"])
        print(f"{shown}: ok ({count} card{'' if count == 1 else 's'})")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(_USAGE, end="")
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "check":
        return _cli_check(rest)
    if command == "icons":
        for name in sorted(icon_names()):
            print(name)
        return 0
    print(f"unknown command {command!r}\n\n{_USAGE}", end="", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
