"""Start the In Our Shoes server: `python run.py [--host H] [--port P] [--db PATH]`.

The only eventlet-specific code lives here: monkey-patching, a listening socket with
TCP_NODELAY set so a view and its acknowledgement are not held back by delayed ACKs, a
faster unmasking of incoming WebSocket frames (server/unmask.py), and messages to an idle
connection written at once by their sender (server/directsend.py).
`--async-mode gevent` or `threading` runs the same server on those instead (the benchmark
compares them); eventlet stays the default.
"""
import argparse
import sys
import warnings

# eventlet is the design card's server; its deprecation notice is known (DESIGN section 5)
# and the code keeps everything eventlet-specific here, so it is not repeated at every start.
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")

MODES = ("eventlet", "gevent", "threading")
# Read before anything else is imported: eventlet and gevent must patch the standard library first.
_early = argparse.ArgumentParser(add_help=False)
_early.add_argument("--async-mode", choices=MODES, default="eventlet")
ASYNC_MODE = _early.parse_known_args(sys.argv[1:])[0].async_mode
if ASYNC_MODE == "eventlet":
    import eventlet

    eventlet.monkey_patch()
elif ASYNC_MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()

import errno  # noqa: E402
import fcntl  # noqa: E402
import logging  # noqa: E402
import socket  # noqa: E402
from pathlib import Path  # noqa: E402

from server import create_app, heap, settings  # noqa: E402


def hold_database(path: str):
    """One server per event log. Two servers on one file each keep their own rooms in memory,
    so both write the same event numbers and everyone's actions fail (seen when a server was
    started twice). The lock goes with the process, kill -9 included."""
    if path == ":memory:":
        return None
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    lock = open(f"{path}.lock", "w")  # noqa: SIM115 (held for the life of the process)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise SystemExit(f"Another In Our Shoes server is already using {path}. Stop it first, or give this one its own --db.") from None
    return lock


def port_free(host: str, port: int) -> bool:
    """Whether this server could listen on the port (asked before it makes its database)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server's own (a restart after a crash)
        try:
            probe.bind((host, port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def serve(app, host: str, port: int, ready) -> None:
    """Listen with TCP_NODELAY (inherited by every accepted socket), say so (`ready()`: only
    once the port is ours), and serve forever."""
    heap.start()  # short garbage collections under load (server/heap.py)
    if ASYNC_MODE == "eventlet":
        import eventlet.wsgi
        from eventlet.websocket import RFC6455WebSocket
        from server import directsend
        from server.unmask import apply_mask

        RFC6455WebSocket._apply_mask = staticmethod(apply_mask)
        directsend.install()  # a message to an idle connection is written at once
        listener = eventlet.listen((host, port), reuse_port=False)  # a second server on the port is refused
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        ready()
        eventlet.wsgi.server(listener, app, log_output=False)
    elif ASYNC_MODE == "gevent":
        from gevent import pywsgi

        server = pywsgi.WSGIServer((host, port), app, log=None)
        server.init_socket()
        server.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        ready()
        server.serve_forever()
    else:
        from werkzeug.serving import make_server

        server = make_server(host, port, app, threaded=True)
        server.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        ready()
        server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Run the In Our Shoes workshop server. Every setting can also come from the "
        "environment (flags win); see the README's Settings.",
    )
    settings.add_flags(parser)  # --db, --host, --port, --public-url, --trusted-proxies, ...
    parser.add_argument("--async-mode", choices=MODES, default="eventlet", help="server loop (eventlet is the default)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    try:
        config = settings.from_flags(args)
        wanted = settings.load(config)
    except ValueError as err:  # a bad setting: say which, and stop
        parser.error(str(err))
    port_in_use = SystemExit(f"Port {wanted['PORT']} is already in use (is In Our Shoes already running?). Stop it first, or use --port.")
    if not port_free(wanted["HOST"], wanted["PORT"]):
        raise port_in_use  # before anything is made on disk for a server that cannot start
    held = hold_database(wanted["DATABASE"])  # noqa: F841 (kept open while the server runs)
    try:
        app = create_app({**config, "ASYNC_MODE": args.async_mode})
    except ValueError as err:
        parser.error(str(err))
    host, port = app.config["HOST"], app.config["PORT"]

    def ready() -> None:
        shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
        print(f"In Our Shoes is running: open http://{shown}:{port}/ (Ctrl+C to stop)", flush=True)
        if host in ("0.0.0.0", "::") and network_address():
            print(f"People on your network can join at http://{network_address()}:{port}/", flush=True)

    try:
        serve(app, host, port, ready)
    except OSError as err:
        if err.errno != errno.EADDRINUSE:
            raise
        raise port_in_use from None  # taken between the check and now


def network_address() -> str | None:
    """This machine's address on its network (the one a route out would use; nothing is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: no packet leaves for it
            return probe.getsockname()[0]
        except OSError:  # no network
            return None


if __name__ == "__main__":
    main()
