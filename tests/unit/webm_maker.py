"""Build small WebM files the way a browser's MediaRecorder does (streamed: the segment and
its clusters have unknown sizes, and there is no duration), for tests of the upload checks."""
from __future__ import annotations


def _id(value: int) -> bytes:
    return value.to_bytes((value.bit_length() + 7) // 8, "big")


def _size(n: int | None) -> bytes:
    if n is None:
        return bytes([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])  # unknown
    return (n | (1 << 56)).to_bytes(8, "big")


def element(element_id: int, payload: bytes | None = None, *children: bytes, unknown: bool = False) -> bytes:
    body = payload if payload is not None else b"".join(children)
    return _id(element_id) + _size(None if unknown else len(body)) + body


def uint(element_id: int, value: int) -> bytes:
    return element(element_id, value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


def webm(seconds: float = 2.0, codec: str = "A_OPUS", track_type: int = 2, doc_type: str = "webm") -> bytes:
    """A recording of `seconds` (blocks every 20 ms, a new cluster every second)."""
    header = element(0x1A45DFA3, None, element(0x4282, doc_type.encode()))
    info = element(0x1549A966, None, uint(0x2AD7B1, 1_000_000))
    tracks = element(0x1654AE6B, None, element(0xAE, None, uint(0xD7, 1), uint(0x83, track_type), element(0x86, codec.encode())))
    clusters = []
    ms_total = int(seconds * 1000)
    for start in range(0, ms_total, 1000):
        blocks = [
            element(0xA3, b"\x81" + (offset).to_bytes(2, "big", signed=True) + b"\x80" + b"\xfc\xff\xfe")
            for offset in range(0, min(1000, ms_total - start), 20)
        ]
        clusters.append(element(0x1F43B675, None, uint(0xE7, start), *blocks, unknown=True))
    return header + element(0x18538067, None, info, tracks, *clusters, unknown=True)
