"""In Our Shoes: a multiplayer workshop game for health and social care.

`create_app()` builds the Flask app, its Socket.IO server, the event store and the live
rooms, and wires the HTTP routes and the socket handlers to them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from flask_socketio import SocketIO

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


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, static_folder=str(WEB / "static"), template_folder=str(WEB / "templates"))
    app.config.from_mapping(
        DATABASE=os.environ.get("INOURSHOES_DB", str(ROOT / "data" / "inourshoes.db")),
        DECKS_DIR=str(ROOT / "decks"),
        ASYNC_MODE=None,  # let Flask-SocketIO pick: eventlet under run.py
        ROOM_CREATE_LIMIT=os.environ.get("INOURSHOES_ROOM_LIMIT", "30/minute"),
        MAX_MESSAGE_BYTES=64 * 1024,
        MAX_CONTENT_LENGTH=512 * 1024,
    )
    if test_config:
        app.config.update(test_config)

    from .decks import load_decks  # here, so `python -m server.decks` imports it only once

    store = Store(app.config["DATABASE"])
    socketio = SocketIO(
        app,
        async_mode=app.config["ASYNC_MODE"],
        max_http_buffer_size=app.config["MAX_MESSAGE_BYTES"],
        ping_interval=10,
        ping_timeout=20,
    )
    services = Services(store=store, rooms=Rooms(store), decks=load_decks(app.config["DECKS_DIR"]), socketio=socketio)
    app.extensions["inourshoes"] = services

    from . import api, audio_routes, headers, pages
    from . import export, hostlink, organise
    from .sockets import Transport

    headers.init_app(app)
    api.init_app(app)
    pages.init_app(app)
    export.init_app(app)
    hostlink.init_app(app)
    organise.init_app(app)
    audio_routes.init_app(app)
    services.transport = Transport(socketio, services.rooms)
    services.transport.register()
    return app
