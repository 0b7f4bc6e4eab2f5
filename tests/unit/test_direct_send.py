"""Messages written straight down an idle WebSocket (server/directsend.py) arrive whole and in
the order they were sent, also when the reader is slow and a frame only partly fits.

Run in a fresh Python under eventlet (as the server runs), over a socket pair with small
buffers, with engineio's own connection and writer greenlet on one end and a reader that
parses the WebSocket frames on the other."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, socket, struct, warnings
warnings.simplefilter("ignore")
import eventlet
from eventlet.greenio.base import GreenSocket
from eventlet.websocket import RFC6455WebSocket
import engineio
from engineio import packet
from server import directsend

directsend.install()
finished = []
finish = directsend._finish
directsend._finish = lambda ws, rest: (finished.append(len(rest)), finish(ws, rest))

ours, theirs = socket.socketpair()
for s, opt in ((ours, socket.SO_SNDBUF), (theirs, socket.SO_RCVBUF)):
    s.setsockopt(socket.SOL_SOCKET, opt, 4096)
ws = RFC6455WebSocket(GreenSocket(ours), {}, version=13)
server = engineio.Server(async_mode="eventlet")
conn = engineio.socket.Socket(server, "sid")
queued = []
put = conn.queue.put
conn.queue.put = lambda item, *a, **k: (queued.append(item), put(item, *a, **k))
handler = eventlet.spawn(conn._websocket_handler, ws)  # the writer waits; the reader waits for frames
eventlet.sleep(0.05)

reader = GreenSocket(theirs)
buffer = b""
def frames():
    global buffer
    while True:
        while len(buffer) < 2:
            buffer += reader.recv(65536)
        length, at = buffer[1] & 0x7F, 2
        if length == 126:
            length, at = struct.unpack("!H", buffer[2:4])[0], 4
        elif length == 127:
            length, at = struct.unpack("!Q", buffer[2:10])[0], 10
        while len(buffer) < at + length:
            buffer += reader.recv(65536)
        yield buffer[at:at + length].decode()
        buffer = buffer[at + length:]

conn.send(packet.Packet(packet.MESSAGE, data=json.dumps({"i": 0})))  # idle: written at once
assert queued == [] and finished == [], (queued, finished)
got = frames()
assert json.loads(next(got)[1:]) == {"i": 0}

# a slow reader: these do not fit, so the rest of one goes by its own greenlet, later ones queue
sizes = [200, 30000, 50, 120000, 10, 5000] * 3
for i, size in enumerate(sizes, start=1):
    conn.send(packet.Packet(packet.MESSAGE, data=json.dumps({"i": i, "pad": "x" * size})))
assert queued, "while a frame was being finished, the next ones waited in the queue"
for i in range(1, len(sizes) + 1):
    message = json.loads(next(got)[1:])
    assert message["i"] == i and len(message["pad"]) == sizes[i - 1], (i, message["i"])
assert finished, "a frame that did not fit was finished by a greenlet of its own"

eventlet.sleep(0.05)  # everything written: the writer is idle again, and so direct again
queued.clear()
conn.send(packet.Packet(packet.MESSAGE, data=json.dumps({"i": "last"})))
assert queued == []
assert json.loads(next(got)[1:]) == {"i": "last"}

theirs.close()  # the reader has gone, before the connection has noticed: no error escapes
conn.send(packet.Packet(packet.MESSAGE, data="gone"))
assert not ws._sendlock.locked()
print("ok")
"""


IDLE = r"""
import json, os, socket, struct, time, warnings
warnings.simplefilter("ignore")
import eventlet
from eventlet.greenio.base import GreenSocket
from eventlet.websocket import RFC6455WebSocket
import engineio
from engineio import packet
from server import directsend

directsend.install()
ours, theirs = socket.socketpair()
ws = RFC6455WebSocket(GreenSocket(ours), {}, version=13)
server = engineio.Server(async_mode="eventlet", ping_interval=0.3, ping_timeout=0.6)  # the writer waits 0.9 s
conn = engineio.socket.Socket(server, "sid")
handler = eventlet.spawn(conn._websocket_handler, ws)
eventlet.sleep(0.05)
conn.schedule_ping()

client = GreenSocket(theirs)
answering = [True]
got = []
def client_frame(text):  # a client masks what it sends
    data, mask = text.encode(), os.urandom(4)
    return bytes([0x81, 0x80 | len(data)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data))
def read():
    buffer = b""
    while True:
        chunk = client.recv(65536)
        if not chunk:
            got.append("closed")
            return
        buffer += chunk
        while len(buffer) >= 2 and len(buffer) >= 2 + (buffer[1] & 0x7F):
            text, buffer = buffer[2:2 + (buffer[1] & 0x7F)].decode(), buffer[2 + (buffer[1] & 0x7F):]
            got.append(text)
            if text == "2" and answering[0]:
                client.sendall(client_frame("3"))
reader = eventlet.spawn(read)

began = time.monotonic()
while time.monotonic() - began < 3.0:  # over three times the writer's wait, messages written directly
    conn.send(packet.Packet(packet.MESSAGE, data="hello"))
    eventlet.sleep(0.1)
assert "closed" not in got and not conn.closed, got[-5:]
assert got.count("2") >= 4 and got.count("4hello") >= 20, (got.count("2"), got.count("4hello"))

answering[0] = False  # the client stops answering: the connection is let go
eventlet.sleep(3.0)
assert "closed" in got or conn.closed, got[-5:]
print("ok")
"""


def test_messages_written_straight_down_the_socket_arrive_whole_and_in_order():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().endswith("ok"), done.stdout + done.stderr


def test_an_idle_connection_that_answers_pings_stays_open():
    """engineio's writer closes a connection when nothing has been queued for ping_interval +
    ping_timeout; pings go by the queue, so a quiet room is not disconnected every 30 s."""
    done = subprocess.run([sys.executable, "-c", IDLE], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().endswith("ok"), done.stdout + done.stderr
