"""The command line: ``python -m server.decks check [PATH...]`` and ``... icons``."""

from __future__ import annotations

import sys
from pathlib import Path

from .checker import check_deck_text, parse_deck
from .format import DECK_DIR, MAX_DECK_BYTES, icon_names
from .loading import _deck_files

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
