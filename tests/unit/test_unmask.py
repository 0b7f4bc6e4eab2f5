"""server/unmask.py gives exactly what eventlet's own unmasking gives."""
import warnings

from hypothesis import given
from hypothesis import strategies as st

from server.unmask import apply_mask

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # eventlet's deprecation notice (DESIGN section 5)
    from eventlet.websocket import RFC6455WebSocket

original = RFC6455WebSocket.__dict__["_apply_mask"].__func__  # as eventlet ships it


@given(st.binary(max_size=300), st.binary(min_size=4, max_size=4), st.integers(0, 400), st.integers(0, 9))
def test_the_same_bytes_as_eventlets_unmasking(data, mask, cut, offset):
    length = min(cut, len(data))
    assert apply_mask(data, mask, length, offset) == original(data, mask, length, offset)
    assert apply_mask(data, mask) == original(data, mask)
