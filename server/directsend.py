"""Sending a message straight down an idle WebSocket, from the greenlet that sends it.

python-engineio gives every connection a queue and a writer greenlet: each message to each
person is put in that person's queue, and their writer wakes up later to frame and send it.
For a table of six that is six wake-ups (a timer, a switch, a timeout set and cancelled) after
every action, each taking its turn with everything else the server is doing, and it was a
large part of why a tablemate saw a change later than from the Node reference
(bench/load.py).

When a connection's writer is idle (waiting on an empty queue) and nothing is being written to
its socket, nothing can come before this message, so it is written at once with one
non-blocking `send`. Whatever does not fit (a phone reading slowly) is written by a greenlet
of its own that holds the WebSocket's send lock until done, so the writer (and any later
message) waits behind it: the order is always the order of sending, and a slow reader never
holds up the sender or the rest of the table. In any other case (a message already queued, a
write under way, long-polling, TLS terminated by eventlet itself) the message goes by the queue
as before.

Pings always go by the queue. engineio's writer waits on its queue for at most ping_interval +
ping_timeout (30 s) and then closes the connection, taking the silence for a client gone; with
every message written directly, an idle room's connections were closed every 30 s (everyone
saw "Offline" for a moment). A ping every ping_interval, for as long as the client answers,
keeps the writer waiting as engineio intends, and a client that stops answering is still let go.

run.py installs it under eventlet only. tests/unit/test_direct_send.py runs engineio's own
connection and writer over a socket pair with small buffers: order, a slow reader, a peer gone.
"""
from __future__ import annotations

import eventlet
from eventlet.greenio.base import GreenSocket
from engineio import packet
from engineio import socket as eio_socket

_queued_send = eio_socket.Socket.send
_websocket_handler = eio_socket.Socket._websocket_handler


def _handler(self, ws):
    """engineio's WebSocket handler, with the WebSocket kept on the connection meanwhile."""
    self.direct_ws = ws
    try:
        return _websocket_handler(self, ws)
    finally:
        self.direct_ws = None


def send(self, pkt) -> None:
    """engineio's `Socket.send`: straight down the WebSocket when nothing can come before it."""
    ws = getattr(self, "direct_ws", None)
    if (
        ws is None
        or pkt.packet_type == packet.PING  # keeps the writer waiting (see the module's note)
        or self.upgrading
        or not self.upgraded
        or self.closed
        or self.queue.qsize()
        or not self.queue.getting()  # the writer is not waiting: it may hold a message
        or ws._sendlock.locked()
        or type(ws.socket) is not GreenSocket  # eventlet's own TLS: not a plain socket
    ):
        return _queued_send(self, pkt)
    if not self.check_ping_timeout():
        return None
    frame = _frame(ws, pkt)
    ws._sendlock.acquire()  # free (checked above), and nothing runs in between
    try:
        sent = ws.socket.fd.send(frame)
    except BlockingIOError:
        sent = 0
    except OSError:  # the connection is gone: the reader notices and closes it
        ws._sendlock.release()
        return None
    if sent == len(frame):
        ws._sendlock.release()
    else:
        eventlet.spawn_n(_finish, ws, memoryview(frame)[sent:])
    return None


def _finish(ws, rest) -> None:
    """Write the rest of a frame, then let the next message go."""
    try:
        ws.socket.sendall(rest)
    except OSError:
        pass
    finally:
        ws._sendlock.release()


def _frame(ws, pkt) -> bytes:
    """The WebSocket frame of an Engine.IO packet. A message to a room is one packet object for
    everyone in it, so its frame is made once (unless the connection compresses: each
    compressor has its own state)."""
    if ws._get_permessage_deflate_enc() is not None:
        return ws._pack_message(pkt.encode())
    frame = getattr(pkt, "direct_frame", None)
    if frame is None:
        frame = pkt.direct_frame = ws._pack_message(pkt.encode())
    return frame


def install() -> None:
    eio_socket.Socket.send = send
    eio_socket.Socket._websocket_handler = _handler
