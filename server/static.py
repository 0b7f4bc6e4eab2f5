"""Static files (and the vendored Socket.IO client) compressed, with cache headers, so a
first visit to the join page stays small on a slow phone connection and a second costs
almost nothing.

- Compression: files are compressed once, as small as brotli (or gzip) can make them, and
  kept in memory (a file changed on disk gets a new ETag, so a new entry); pages and JSON
  are compressed as they go by Flask-Compress, chosen from what the browser accepts.
- Caching: links made with `url_for('static', ...)` carry the file's content hash (`?v=`),
  so those are kept for a year; anything else (ES modules imported by relative path, the
  Socket.IO client) is revalidated every time with its ETag: a 304 with no body when unchanged.
"""
from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli
from flask import request
from flask_compress import Compress

YEAR = 365 * 24 * 3600
VENDOR_ENDPOINT = "pages.socket_io_client"
FILE_ENDPOINTS = ("static", VENDOR_ENDPOINT)
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
_compressed: dict[tuple[str, str, str], bytes] = {}  # (path, ETag, encoding) -> body


def _compress_file(response):
    """A file's body compressed once, at the strongest setting (it is sent many times)."""
    accepts = request.accept_encodings
    encoding = "br" if accepts["br"] else "gzip" if accepts["gzip"] else None
    if encoding is None or response.status_code != 200 or not response.mimetype.startswith(TEXT_TYPES):
        return response
    etag, _ = response.get_etag()
    key = (request.path, etag or "", encoding)
    if key not in _compressed:
        response.direct_passthrough = False
        data = response.get_data()
        _compressed[key] = brotli.compress(data, quality=11) if encoding == "br" else gzip.compress(data, 9)
    response.direct_passthrough = False
    response.set_data(_compressed[key])
    response.headers["Content-Encoding"] = encoding
    if etag:  # the same file, another encoding: a weak validator still answers If-None-Match
        response.set_etag(etag, weak=True)
    return response


def init_app(app) -> None:
    Compress(app)  # pages and JSON; files arrive already compressed and are left alone
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
    def files(response):
        if request.endpoint not in FILE_ENDPOINTS or response.status_code not in (200, 304):
            return response
        if request.endpoint == "static" and request.args.get("v"):
            response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        else:
            response.headers["Cache-Control"] = "no-cache"
        return _compress_file(response)
