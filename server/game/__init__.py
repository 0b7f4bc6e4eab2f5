"""The pure rules of a workshop: state in, events out, no I/O (see DESIGN.md section 2)."""
from .audiences import Audiences, audiences, presence_audiences
from .checks import RuleError
from .fold import EVENT_TYPES, apply, replay
from .model import PERSPECTIVES, STAGES, Event, Room
from .rules import HOST_ACTS, PLAYER_ACTS, decide
from .views import host_view, table_view

__all__ = [
    "Audiences",
    "EVENT_TYPES",
    "HOST_ACTS",
    "PERSPECTIVES",
    "PLAYER_ACTS",
    "STAGES",
    "Event",
    "Room",
    "RuleError",
    "apply",
    "audiences",
    "decide",
    "host_view",
    "presence_audiences",
    "replay",
    "table_view",
]
