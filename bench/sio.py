"""A lean asyncio Socket.IO v5 (Engine.IO v4) client over WebSocket, for the load generator.

A thousand python-socketio clients in two processes cost the 2-core machine enough CPU to
blur what the server costs. This one does only what the benchmark needs: connect, answer
pings, `call` (emit with acknowledgement) and a `view` hook that gets the raw frame and its
arrival time. A view is decoded only when the benchmark reads it (`latest`), and its event
number `n` is read from the frame's first bytes (every server under test puts it first).
Views sent as patches (`patches: true`, as the web client asks) are applied then too.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
import time

import sys
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from server.patches import apply  # noqa: E402

VIEW_N = re.compile(r'42\["(?:view|patch)",\{"n":(\d+)')


class Closed(Exception):
    """The connection ended before an acknowledgement came."""


class Client:
    def __init__(self, session: aiohttp.ClientSession, url: str):
        self.session = session
        self.url = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
        self.ws = None
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future] = {}
        self.on_view = None  # callback(n, arrival time) for each view
        self.on_close = None  # callback() when the connection ends
        self.raw_view = None  # the newest view frame, decoded on demand
        self.patches: list[str] = []  # patch frames since, applied on demand
        self.held = None  # the view the patches apply to
        self.reader = None

    async def connect(self, timeout: float = 60) -> None:
        self.ws = await self.session.ws_connect(self.url, timeout=aiohttp.ClientWSTimeout(ws_close=timeout), max_msg_size=0)
        opened = await self.ws.receive(timeout=timeout)
        if opened.type != aiohttp.WSMsgType.TEXT or not opened.data.startswith("0"):
            raise Closed(f"no Engine.IO handshake: {opened!r}")
        await self.ws.send_str("40")
        joined = await self.ws.receive(timeout=timeout)
        if joined.type != aiohttp.WSMsgType.TEXT or not joined.data.startswith("40"):
            raise Closed(f"namespace refused: {joined!r}")
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for msg in self.ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    continue
                data = msg.data
                if data == "2":
                    await self.ws.send_str("3")
                elif data.startswith("43"):
                    head, _, body = data[2:].partition("[")
                    future = self.waiting.pop(int(head), None)
                    if future is not None and not future.done():
                        future.set_result(json.loads("[" + body)[0])
                elif data.startswith('42["view"') or data.startswith('42["patch"'):
                    arrived = time.perf_counter()
                    if data[4] == "v":
                        self.raw_view, self.patches = data, []
                    else:
                        self.patches.append(data)
                    match = VIEW_N.match(data, 0, 40)
                    if match and self.on_view is not None:
                        self.on_view(int(match.group(1)), arrived)
        except (aiohttp.ClientError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            for future in self.waiting.values():
                if not future.done():
                    future.set_exception(Closed("connection closed"))
            self.waiting.clear()
            if self.on_close is not None:
                self.on_close()

    async def call(self, event: str, data, timeout: float = 60):
        if self.ws is None or self.ws.closed:
            raise Closed("not connected")
        ack_id = next(self.ids)
        future = asyncio.get_running_loop().create_future()
        self.waiting[ack_id] = future
        await self.ws.send_str(f"42{ack_id}" + json.dumps([event, data], separators=(",", ":")))
        return await asyncio.wait_for(future, timeout)

    def latest(self) -> dict | None:
        """The newest view this client was sent, decoded."""
        if self.raw_view:
            self.held, self.raw_view = json.loads(self.raw_view[2:])[1], None
        for frame in self.patches:
            message = json.loads(frame[2:])[1]
            self.held = message["view"] if "view" in message else apply(self.held, message["ops"])
        self.patches = []
        return self.held

    async def close(self) -> None:
        if self.ws is not None and not self.ws.closed:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.gather(self.reader, return_exceptions=True)
