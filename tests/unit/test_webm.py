"""Spoken answers must be WebM with Opus sound; their length is read from the blocks."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.webm import NotSpokenAnswer, inspect

from .webm_maker import webm


@pytest.mark.parametrize("seconds", [0.5, 2.0, 42.0, 60.0])
def test_the_length_of_a_streamed_recording_comes_from_its_blocks(seconds):
    assert inspect(webm(seconds)) == pytest.approx(seconds, abs=0.05)


@pytest.mark.parametrize(
    "data, why",
    [
        (b"", "not a WebM"),
        (b"RIFF....WAVEfmt ", "not a WebM"),
        (webm(doc_type="matroska"), "not a WebM"),
        (webm(track_type=1, codec="V_VP8"), "sound only"),
        (webm(codec="A_VORBIS"), "Opus"),
        (webm()[:30], "ends too soon|expected form"),
    ],
)
def test_anything_else_is_refused_with_a_reason(data, why):
    with pytest.raises(NotSpokenAnswer, match=why):
        inspect(data)


def test_a_recording_cut_off_in_its_last_block_still_counts_what_came_before():
    data = webm(3.0)
    assert inspect(data[:-3]) == pytest.approx(3.0, abs=0.1)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.integers(0, 200))
def test_random_bytes_never_crash_the_check(noise, cut):
    for data in (noise, webm(1.0)[:cut] + noise, b"\x1a\x45\xdf\xa3" + noise):
        try:
            inspect(data)
        except NotSpokenAnswer:
            pass
