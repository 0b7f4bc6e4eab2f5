"""Every setting in one place: its config key, environment variable, run.py flag, default.

Later wins: the defaults here, then the environment (`INOURSHOES_*`), then run.py's flags,
then the mapping given to `create_app` (tests). A bad value stops the server at start with a
message naming the setting. Secrets (the organiser's password, the cookie key) have no flag,
so they never show in the list of running processes.
"""
from __future__ import annotations

import argparse
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from limits import parse as parse_rate

ROOT = Path(__file__).resolve().parent.parent


def _text(value: str) -> str:
    return value


def _port(value) -> int:
    port = int(value)
    if not 0 < port < 65536:
        raise ValueError("a port is a number from 1 to 65535")
    return port


def _count(value) -> int:
    number = int(value)
    if number < 1:
        raise ValueError("must be a whole number, 1 or more")
    return number


def _rate(value: str) -> str:
    """A rate such as "30/minute" or "100 per hour" (the `limits` library's notation)."""
    parse_rate(value)
    return value


def retention_days(value) -> int | None:
    """Whole days, 1 or more; None (unset, or empty) means never delete."""
    if value in (None, ""):
        return None
    try:
        days = int(value)
    except (TypeError, ValueError):
        days = 0
    if days < 1:
        raise ValueError(f"INOURSHOES_RETENTION_DAYS must be a whole number of days (1 or more), not {value!r}.")
    return days


def _items(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).replace(" ", ",").split(",") if part.strip()]


def _urls(value) -> tuple[str, ...]:
    """Comma-separated addresses people type, e.g. "https://workshop.example.org"; kept as
    origins ("scheme://host[:port]", lowercase)."""
    origins = []
    for item in _items(value):
        parts = urlsplit(item if "://" in item else "http://" + item)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{item!r} is not a web address such as https://workshop.example.org")
        origins.append(f"{parts.scheme}://{parts.netloc.lower()}")
    return tuple(origins)


def _networks(value) -> tuple[str, ...]:
    """Comma-separated addresses or networks, e.g. "127.0.0.1, 10.0.0.0/8"."""
    return tuple(str(ipaddress.ip_network(item, strict=False)) for item in _items(value))


@dataclass(frozen=True)
class Setting:
    key: str  # in app.config
    env: str
    default: object
    read: Callable
    help: str
    secret: bool = False
    metavar: str = "VALUE"

    @property
    def flag(self) -> str | None:
        return None if self.secret else "--" + self.env.removeprefix("INOURSHOES_").lower().replace("_", "-")


SETTINGS = (
    Setting("DATABASE", "INOURSHOES_DB", str(ROOT / "data" / "inourshoes.db"), _text, "the SQLite file, created if missing", metavar="FILE"),
    Setting("HOST", "INOURSHOES_HOST", "127.0.0.1", _text, "the address to listen on; 0.0.0.0 for your network too", metavar="ADDRESS"),
    Setting("PORT", "INOURSHOES_PORT", 5000, _port, "the port to listen on", metavar="PORT"),
    Setting(
        "PUBLIC_URL", "INOURSHOES_PUBLIC_URL", (), _urls,
        "the address(es) people use to reach the server, comma-separated (e.g. https://workshop.example.org); "
        "other host names are refused", metavar="URL",
    ),  # fmt: skip
    Setting(
        "TRUSTED_PROXIES", "INOURSHOES_TRUSTED_PROXIES", (), _networks,
        "reverse proxies (addresses or networks, comma-separated) whose X-Forwarded-For, -Proto and -Host are believed",
        metavar="ADDRESSES",
    ),  # fmt: skip
    Setting("ADMIN_PASSWORD", "INOURSHOES_ADMIN_PASSWORD", None, _text, "turns on /organise with this password", secret=True),
    Setting("SECRET_KEY", "INOURSHOES_SECRET_KEY", None, _text, "signs the organiser's cookie (random per start if unset)", secret=True),
    Setting("RETENTION_DAYS", "INOURSHOES_RETENTION_DAYS", None, retention_days, "delete ended workshops this many days after they ended", metavar="DAYS"),
    Setting("ROOM_CREATE_LIMIT", "INOURSHOES_ROOM_LIMIT", "30/minute", _rate, "workshops opened per address", metavar="RATE"),
    Setting("DECK_LIMIT", "INOURSHOES_DECK_LIMIT", "20/minute", _rate, "deck checks and uploads per address", metavar="RATE"),
    Setting(
        "GUESS_LIMIT", "INOURSHOES_GUESS_LIMIT", "100/hour", _rate,
        "wrong room codes and host keys per address; after that, every room look-up from it waits", metavar="RATE",
    ),  # fmt: skip
    Setting("CONNECTIONS_PER_ADDRESS", "INOURSHOES_CONNECTIONS_PER_ADDRESS", 200, _count, "open Socket.IO connections per address", metavar="N"),
)


def _read(setting: Setting, value, source: str):
    try:
        return setting.read(value)
    except ValueError as err:
        raise ValueError(f"{source}: {err}") from None


def defaults() -> dict:
    return {s.key: s.default for s in SETTINGS}


def from_environment(environ=None) -> dict:
    """The settings given in the environment (an empty value counts as unset)."""
    environ = os.environ if environ is None else environ
    return {s.key: _read(s, environ[s.env], s.env) for s in SETTINGS if environ.get(s.env, "") != ""}


def add_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per setting that is not a secret, e.g. `--db` for INOURSHOES_DB."""
    for setting in SETTINGS:
        if setting.flag:
            default = setting.default if setting.default not in ((), None) else "none"
            parser.add_argument(
                setting.flag,
                dest=setting.key,
                default=None,
                metavar=setting.metavar,
                help=f"{setting.help}; or {setting.env}; default: {default}",
            )


def from_flags(args: argparse.Namespace) -> dict:
    """The settings given as flags (they win over the environment)."""
    return {
        s.key: _read(s, getattr(args, s.key), s.flag)
        for s in SETTINGS
        if s.flag and getattr(args, s.key, None) is not None
    }


def load(overrides: dict | None = None, environ=None) -> dict:
    """Defaults, then the environment, then `overrides` (flags, or a test's mapping)."""
    return {**defaults(), **from_environment(environ), **(overrides or {})}
