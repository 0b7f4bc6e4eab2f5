"""In Our Shoes: a multiplayer workshop game for health and social care.

`create_app()` builds the Flask app, its Socket.IO server, the event store and the live
rooms, and wires the HTTP routes and the socket handlers to them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported in create_app, so a deck worker (server.decks.isolated) starts fast
    from flask import Flask
    from flask_socketio import SocketIO

    from .connections import Connections
    from .guesses import Guesses
    from .rooms import Rooms
    from .store import Store

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"


@dataclass
class Services:
    """What the routes and handlers share, kept on `app.extensions["inourshoes"]`."""

    store: Store
    rooms: Rooms
    decks: dict
    socketio: SocketIO
    transport: object = None  # the Socket.IO transport, to tell open pages about an HTTP-made change
    guesses: Guesses | None = None  # wrong room codes and host keys per address (server/guesses.py)
    connections: Connections | None = None  # open Socket.IO connections per address


def create_app(test_config: dict | None = None) -> Flask:
    from flask import Flask
    from flask_socketio import SocketIO

    from . import settings
    from .addresses import CheckHost, HostNames, TrustedProxies
    from .connections import Connections
    from .guesses import Guesses
    from .rooms import Rooms
    from .store import Store

    app = Flask(__name__, static_folder=str(WEB / "static"), template_folder=str(WEB / "templates"))
    app.config.from_mapping(
        DECKS_DIR=str(ROOT / "decks"),
        ASYNC_MODE=None,  # let Flask-SocketIO pick: eventlet under run.py
        MAX_MESSAGE_BYTES=64 * 1024,
        MAX_CONTENT_LENGTH=512 * 1024,
    )
    app.config.update(settings.load(test_config))  # defaults < environment < run.py's flags or a test's
    names = HostNames(app.config["HOST"], app.config["PUBLIC_URL"])

    from .decks import load_decks  # here, so `python -m server.decks` imports it only once

    store = Store(app.config["DATABASE"])
    socketio = SocketIO(
        app,
        async_mode=app.config["ASYNC_MODE"],
        max_http_buffer_size=app.config["MAX_MESSAGE_BYTES"],
        cors_allowed_origins=names.origin_allowed,
        ping_interval=10,
        ping_timeout=20,
        # each message is handled by the greenlet that read it, in the order it came: no
        # greenlet spawned per message, and one person's join is done before their next action
        async_handlers=False,
    )
    services = Services(store=store, rooms=Rooms(store), decks=load_decks(app.config["DECKS_DIR"]), socketio=socketio)
    services.guesses = Guesses(app.config["GUESS_LIMIT"])
    services.connections = Connections(app.config["CONNECTIONS_PER_ADDRESS"])
    services.connections.watch(socketio)
    app.extensions["inourshoes"] = services
    from .checkpoints import keep_checkpointing

    socketio.start_background_task(keep_checkpointing, store, socketio.sleep)  # off every commit (server/store.py)

    from . import api, audio_routes, headers, http, pages, static
    from . import export, facilitate, hostlink, organise, plan_routes, series
    from .sockets import Transport

    headers.init_app(app)
    http.init_app(app)  # the answers to a refusal and to too many tries
    api.init_app(app)
    pages.init_app(app)
    static.init_app(app)  # compression and cache headers for files (issue 16)
    export.init_app(app)
    hostlink.init_app(app)
    organise.init_app(app)
    plan_routes.init_app(app)
    series.init_app(app)
    audio_routes.init_app(app)
    services.transport = Transport(socketio, services.rooms, services.guesses)
    services.transport.register()
    facilitate.init_app(app)  # the big screen, the run sheet, the practice rooms' loop (uses the transport)
    services.rooms.tell = services.transport.send  # a follow-up's look back reaches the earlier room's hosts
    # outermost, so Socket.IO requests are covered too: the real client address, then the name
    app.wsgi_app = TrustedProxies(CheckHost(app.wsgi_app, names), app.config["TRUSTED_PROXIES"])
    return app
