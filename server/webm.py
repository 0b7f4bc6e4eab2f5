"""Check that an upload is what a browser's MediaRecorder makes for a spoken answer: WebM
holding one Opus audio track, and how long it lasts.

Browsers stream these files, so the header often has no duration: it is read from the
timecodes of the last audio blocks instead. This reads only the few EBML elements it needs
and never trusts a size it cannot check; no Python library reads a streamed WebM's length.
"""
from __future__ import annotations

import struct

EBML, DOC_TYPE = 0x1A45DFA3, 0x4282
SEGMENT, INFO, TRACKS, TRACK_ENTRY, CLUSTER, BLOCK_GROUP = 0x18538067, 0x1549A966, 0x1654AE6B, 0xAE, 0x1F43B675, 0xA0
TIMECODE_SCALE, DURATION, TRACK_TYPE, CODEC_ID, TIMECODE, SIMPLE_BLOCK, BLOCK = (
    0x2AD7B1, 0x4489, 0x83, 0x86, 0xE7, 0xA3, 0xA1,
)  # fmt: skip
#: Containers whose children we read in turn (their own sizes may be "unknown" when streamed).
CONTAINERS = frozenset({SEGMENT, INFO, TRACKS, TRACK_ENTRY, CLUSTER, BLOCK_GROUP})
AUDIO_TRACK = 2
OPUS_FRAME = 0.02  # the last block's own length, about one Opus frame


class NotSpokenAnswer(ValueError):
    """The upload is not a WebM recording with Opus audio; the message says why."""


def _vint(data: bytes, pos: int, keep_marker: bool) -> tuple[int, int]:
    """An EBML variable-length integer at `pos`: (value, position after it). Sizes with
    every value bit set mean "unknown" and come back as -1."""
    if pos >= len(data):
        raise NotSpokenAnswer("The recording ends too soon.")
    first = data[pos]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8 or pos + length > len(data):
        raise NotSpokenAnswer("The recording is not in the expected form.")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[pos + 1 : pos + length]:
        value = (value << 8) | byte
    if not keep_marker and value == (1 << (7 * length)) - 1:
        value = -1
    return value, pos + length


def _uint(payload: bytes) -> int:
    return int.from_bytes(payload, "big") if payload else 0


def _float(payload: bytes) -> float:
    if len(payload) == 4:
        return struct.unpack(">f", payload)[0]
    if len(payload) == 8:
        return struct.unpack(">d", payload)[0]
    raise NotSpokenAnswer("The recording is not in the expected form.")


def elements(data: bytes):
    """Every (id, payload) in file order, stepping into containers instead of over them."""
    pos = 0
    while pos < len(data):
        element, pos = _vint(data, pos, keep_marker=True)
        size, pos = _vint(data, pos, keep_marker=False)
        if element in CONTAINERS or element == EBML:
            if element == EBML:
                if size < 0 or pos + size > len(data):
                    raise NotSpokenAnswer("The recording is not in the expected form.")
                yield element, data[pos : pos + size]
                pos += size
            continue  # read its children next
        if size < 0 or pos + size > len(data):
            if element in (SIMPLE_BLOCK, BLOCK) and size >= 0:
                return  # a recording cut off in its last block: what came before still counts
            raise NotSpokenAnswer("The recording is not in the expected form.")
        yield element, data[pos : pos + size]
        pos += size


def _doc_type(header: bytes) -> str:
    for element, payload in elements(header):
        if element == DOC_TYPE:
            return payload.decode("ascii", "replace")
    return ""


def inspect(data: bytes) -> float:
    """Seconds of audio in a WebM/Opus recording; raises `NotSpokenAnswer` otherwise."""
    if data[:4] != EBML.to_bytes(4, "big"):
        raise NotSpokenAnswer("That is not a WebM recording.")
    scale, duration, cluster, last = 1_000_000, 0.0, 0, 0
    tracks: list[dict] = []
    for index, (element, payload) in enumerate(elements(data)):
        if index == 0:
            if _doc_type(payload) != "webm":
                raise NotSpokenAnswer("That is not a WebM recording.")
        elif element == TRACK_TYPE:
            tracks.append({"type": _uint(payload)})
        elif element == CODEC_ID and tracks:
            tracks[-1]["codec"] = payload.decode("ascii", "replace")
        elif element == TIMECODE_SCALE:
            scale = _uint(payload) or scale
        elif element == DURATION:
            duration = _float(payload)
        elif element == TIMECODE:
            cluster = _uint(payload)
        elif element in (SIMPLE_BLOCK, BLOCK):
            _, at = _vint(payload, 0, keep_marker=False)
            if at + 2 <= len(payload):
                last = max(last, cluster + int.from_bytes(payload[at : at + 2], "big", signed=True))
    if not tracks or any(t["type"] != AUDIO_TRACK for t in tracks):
        raise NotSpokenAnswer("The recording must be sound only.")
    if any(t.get("codec") != "A_OPUS" for t in tracks):
        raise NotSpokenAnswer("The recording must use the Opus sound format.")
    seconds = max(duration * scale, last * scale) / 1e9
    return seconds + OPUS_FRAME if last else seconds
