"""Static files (and the vendored Socket.IO client) compressed, with cache headers, so a
first visit to the join page stays small on a slow phone connection and a second costs
almost nothing.

- Compression: Flask-Compress (zstd, brotli or deflate for files, gzip too for pages),
  chosen from what the browser accepts.
- Caching: links made with `url_for('static', ...)` carry the file's content hash (`?v=`),
  so those are kept for a year; anything else (ES modules imported by relative path, the
  Socket.IO client) is revalidated every time with its ETag: a 304 with no body when unchanged.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from flask import request
from flask_compress import Compress

YEAR = 365 * 24 * 3600
VENDOR_ENDPOINT = "pages.socket_io_client"


def init_app(app) -> None:
    app.config.setdefault("COMPRESS_STREAMING_ENDPOINT_CONDITIONAL", ["static", VENDOR_ENDPOINT])
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)
    Compress(app)
    hashes: dict[str, str] = {}
    folder = Path(app.static_folder)

    @app.url_defaults
    def versioned(endpoint, values):
        if endpoint == "static" and "filename" in values and "v" not in values:
            name = values["filename"]
            if name not in hashes:
                path = folder / name
                hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else ""
            if hashes[name]:
                values["v"] = hashes[name]

    @app.after_request
    def cache_headers(response):
        if request.endpoint in ("static", VENDOR_ENDPOINT) and response.status_code in (200, 304):
            if request.endpoint == "static" and request.args.get("v"):
                response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
            else:
                response.headers["Cache-Control"] = "no-cache"
        return response
