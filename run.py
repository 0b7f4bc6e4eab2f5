"""Start the In Our Shoes server: `python run.py [--host H] [--port P] [--db PATH]`.

The only eventlet-specific code lives here: monkey-patching, and a listening socket with
TCP_NODELAY set so a view and its acknowledgement are not held back by delayed ACKs.
"""
import warnings

# eventlet is the design card's server; its deprecation notice is known (DESIGN section 5)
# and the code keeps everything eventlet-specific here, so it is not repeated at every start.
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")

import eventlet  # noqa: E402

eventlet.monkey_patch()

import argparse  # noqa: E402
import logging  # noqa: E402
import socket  # noqa: E402
from pathlib import Path  # noqa: E402

import eventlet.wsgi  # noqa: E402

from server import create_app  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the In Our Shoes workshop server.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0 for your network)")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--db", default=str(Path("data") / "inourshoes.db"), help="SQLite file (created if missing)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    app = create_app({"DATABASE": args.db, "ASYNC_MODE": "eventlet"})
    listener = eventlet.listen((args.host, args.port))
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    shown = "localhost" if args.host in ("127.0.0.1", "0.0.0.0") else args.host
    print(f"In Our Shoes is running: open http://{shown}:{args.port}/ (Ctrl+C to stop)", flush=True)
    eventlet.wsgi.server(listener, app, log_output=False)


if __name__ == "__main__":
    main()
