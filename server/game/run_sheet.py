"""The run sheet: the facilitator's timed plan of the workshop, kept with the room.

Five steps, each tied to a stage: welcome (lobby), play, reflect, pledge, close (closed).
Each has its minutes, a short script in plain words (what to say) and a cue for moving on.
The facilitator picks a length (60, 90 or 120 minutes) or sets their own minutes and words.

The clock starts when the facilitator says so (`run_sheet {begin: true}`), or else when the
workshop starts (then the welcome counts as done). The host page works out from the start
time and the time now where the plan is, and prompts gently; nothing ever moves by itself.
"""
from __future__ import annotations

from .checks import RuleError, clean_text
from .model import Room
from .moves import event

#: step -> (stage it belongs to, title)
STEPS = {
    "welcome": ("lobby", "Welcome"),
    "play": ("play", "Play the cards"),
    "reflect": ("reflect", "Reflect"),
    "pledge": ("pledge", "Pledges"),
    "close": ("closed", "Close"),
}
LENGTHS = {
    60: {"welcome": 5, "play": 30, "reflect": 10, "pledge": 10, "close": 5},
    90: {"welcome": 10, "play": 45, "reflect": 15, "pledge": 10, "close": 10},
    120: {"welcome": 10, "play": 65, "reflect": 20, "pledge": 15, "close": 10},
}
SAY = {
    "welcome": (
        "Welcome, and thank you for coming. Today we play a card game about care and support. "
        "Everyone here knows something the others do not, and every view counts the same. "
        "Join on your phone with the code on the screen, or share with someone near you. "
        "You can pass on any card. If you say something private, choose 'Leave this out of the notes'."
    ),
    "play": (
        "Take turns to draw a card and read it out, or press 'Read aloud'. "
        "Everyone says what they would do and how it would feel. "
        "Then vote for the answers you agree with, and press 'Next card' together."
    ),
    "reflect": (
        "Let's stop the cards and look back. What is working well? What is not working? "
        "What matters most? Add one or two notes at your table."
    ),
    "pledge": (
        "Think of one thing you will do after today, however small. "
        "Start with 'I will'. Write it, choose a picture or say it."
    ),
    "close": (
        "Thank you, everyone. Here is what we agreed and what we will do. "
        "We will share the notes after today. If anything today was hard, please talk to me "
        "or someone you trust."
    ),
}
NEXT = {
    "welcome": "When everyone has joined, press 'Start the workshop'.",
    "play": "Press 'Move everyone to Reflect'.",
    "reflect": "Press 'Move everyone to Pledge'.",
    "pledge": "Press 'Close the tables'.",
    "close": "End the workshop when everyone has finished.",
}
MAX_MINUTES = 240
MAX_SAY = 500


def make_run_sheet(value) -> dict:
    """A run sheet from `{"minutes": 60|90|120}` or `{"steps": [{"step", "minutes", "say"?}]}`
    (the facilitator's own plan). Raises RuleError with words a person can read."""
    if not isinstance(value, dict):
        raise RuleError("bad_request", "'run_sheet' is {\"minutes\": 60, 90 or 120} or {\"steps\": [...]}.")
    if "steps" in value:
        chosen = _own_steps(value["steps"])
    elif value.get("minutes") in LENGTHS and not isinstance(value.get("minutes"), bool):
        chosen = {step: (minutes, SAY[step]) for step, minutes in LENGTHS[value["minutes"]].items()}
    else:
        raise RuleError("bad_request", "A run sheet lasts 60, 90 or 120 minutes, or has your own steps.")
    steps = [
        {"step": step, "stage": STEPS[step][0], "title": STEPS[step][1], "minutes": chosen[step][0],
         "say": chosen[step][1], "next": NEXT[step]}
        for step in STEPS
        if step in chosen
    ]  # fmt: skip
    return {"minutes": sum(s["minutes"] for s in steps), "steps": steps, "begun_at": None, "from": 0}


def _own_steps(raw) -> dict:
    if not isinstance(raw, list) or not 1 <= len(raw) <= len(STEPS):
        raise RuleError("bad_request", f"Your own plan has 1 to {len(STEPS)} steps: {', '.join(STEPS)}.")
    chosen = {}
    for item in raw:
        step = item.get("step") if isinstance(item, dict) else None
        if step not in STEPS or step in chosen:
            raise RuleError("bad_request", f"Each step is one of {', '.join(STEPS)}, once.")
        minutes = item.get("minutes")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= MAX_MINUTES:
            raise RuleError("bad_request", f"Each step lasts a whole number of minutes, 1 to {MAX_MINUTES}.")
        say = item.get("say")
        if say is None or (isinstance(say, str) and not say.strip()):
            say = SAY[step]
        elif not isinstance(say, str):
            raise RuleError("bad_request", "What to say is text.")
        say = clean_text(say).strip()
        if len(say) > MAX_SAY:
            raise RuleError("too_long", f"Please keep what to say to {MAX_SAY} characters.")
        chosen[step] = (minutes, say)
    return chosen


def run_sheet(room: Room, command: dict):
    """`run_sheet {minutes}` or `{steps}`: a new plan; `{begin: true}`: start its clock now
    (`{begin: false}` stops it)."""
    if "minutes" in command or "steps" in command:
        sheet = make_run_sheet({k: command[k] for k in ("minutes", "steps") if k in command})
        if room.run_sheet and room.run_sheet.get("begun_at"):
            sheet.update(begun_at=room.run_sheet["begun_at"], **{"from": room.run_sheet.get("from", 0)})
        return [event(command, "run_sheet_set", run_sheet=sheet)]
    if room.run_sheet is None:
        raise RuleError("bad_request", "This workshop has no run sheet yet: choose a length first.")
    if not isinstance(command.get("begin"), bool):
        raise RuleError("bad_request", "Send {\"begin\": true} to start the run sheet's clock.")
    begun = command["at"] if command["begin"] else None
    return [event(command, "run_sheet_set", run_sheet=dict(room.run_sheet, begun_at=begun, **{"from": 0}))]


def begin_on_start(room: Room, command: dict):
    """Starting the workshop starts a run sheet nobody started: the welcome is over."""
    sheet = room.run_sheet
    if sheet is None or sheet.get("begun_at"):
        return []
    first_play = next((i for i, s in enumerate(sheet["steps"]) if s["stage"] != "lobby"), 0)
    return [event(command, "run_sheet_set", run_sheet=dict(sheet, begun_at=command["at"], **{"from": first_play}))]


def _set(room: Room, d: dict, ev) -> None:
    room.run_sheet = d["run_sheet"]


RUN_SHEET_MOVES = {"run_sheet": run_sheet}
RUN_SHEET_HANDLERS = {"run_sheet_set": _set}
