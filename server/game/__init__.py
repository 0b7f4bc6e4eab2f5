"""The pure rules of a workshop: state in, events out, no I/O (see DESIGN.md section 2)."""
from .checks import RuleError
from .fold import EVENT_TYPES, apply, replay
from .model import PERSPECTIVES, STAGES, Event, Room
from .rules import HOST_ACTS, PLAYER_ACTS, command_key, decide
from .views import host_view, table_view

__all__ = [
    "EVENT_TYPES",
    "HOST_ACTS",
    "PERSPECTIVES",
    "PLAYER_ACTS",
    "STAGES",
    "Event",
    "Room",
    "RuleError",
    "apply",
    "command_key",
    "decide",
    "host_view",
    "replay",
    "table_view",
]
