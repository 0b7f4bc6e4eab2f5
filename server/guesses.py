"""Room codes are found by guessing, one miss at a time: count the misses per address.

A miss is a well-formed room code that names no workshop, or a host key that is not right
(for a room that exists or not: both count, so the count itself tells nothing). Joining a real
room is not a miss, so a whole venue behind one address can join freely; a guesser uses up
GUESS_LIMIT misses and then every room look-up from that address waits for the window to pass
(refusing only the misses would tell the guesser which codes are real).

HTTP (`/j/<code>`, the QR code, exports) and Socket.IO (`join`, `host`) share one count.
"""
from __future__ import annotations

from limits import parse, strategies
from limits.storage import MemoryStorage

from .addresses import client_key


class Guesses:
    def __init__(self, limit: str):
        self.item = parse(limit)
        # limits' memory storage forgets a window once it is over, so an address that stops
        # guessing leaves nothing behind
        self.limiter = strategies.FixedWindowRateLimiter(MemoryStorage())

    def blocked(self, address: str | None) -> bool:
        """True when this address has used up its misses for now. (No address at all: a
        test client in the server's own process, nothing to count by.)"""
        return bool(address) and not self.limiter.test(self.item, "miss", client_key(address))

    def missed(self, address: str | None) -> None:
        if address:
            self.limiter.hit(self.item, "miss", client_key(address))
