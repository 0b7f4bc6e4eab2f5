"""Answers without typing: a picture on a three-point scale, or a spoken recording.

Talking Mats-style symbols let a person show a view by placing a picture: good, not sure or
not good, with words only if they want them. A spoken answer is a short recording kept with
the workshop: the server stores the sound and tells the rules about it (`record_audio`,
actor "system"), so the rules know who recorded which clip and for how long, and replaying
the log gives the same room. Either may stand alone or come with words.
"""
from __future__ import annotations

from .checks import RuleError, clean_text, require_system, seated_player, table_of, text_field
from .model import MAX_TEXT, Event, Room
from .moves import event

#: The three-point scale, in the order people see it.
SYMBOLS = ("good", "unsure", "not_good")
MAX_AUDIO_SECONDS = 60


def said_fields(room: Room, command: dict, person, entered_by: str | None, symbols: bool = True) -> dict:
    """`text`, `symbol` and `audio` of something said. Words are needed only when there is
    neither a symbol nor a recording. Raises `RuleError` with words a person can read."""
    symbol = command.get("symbol")
    if symbol is not None and (not symbols or symbol not in SYMBOLS):
        raise RuleError("bad_request", "Choose a picture: good, not sure or not good.")
    audio = _audio(room, command, person, entered_by)
    raw = command.get("text", "")
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        raise RuleError("bad_request", "Words must be text.")
    text = clean_text(raw).strip()
    if not text and symbol is None and audio is None:
        raise RuleError("bad_request", "Please write something, choose a picture or record your voice first.")
    if len(text) > MAX_TEXT:
        raise RuleError("too_long", f"That is too long: please keep it to {MAX_TEXT} characters.")
    fields = {"text": text}
    if symbol is not None:
        fields["symbol"] = symbol
    if audio is not None:
        fields["audio"] = audio
    return fields


def _audio(room: Room, command: dict, person, entered_by: str | None) -> dict | None:
    """The recording named by `audio`: made by the sender, for this person, not used yet."""
    audio_id = command.get("audio")
    if audio_id is None:
        return None
    clip = room.audio.get(audio_id) if isinstance(audio_id, str) else None
    recorder = entered_by or (person.id if person else None)
    if clip is None or clip["player"] != recorder:
        raise RuleError("not_found", "We could not find that recording. Please record it again.")
    if clip.get("used"):
        raise RuleError("bad_request", "That recording is already part of an answer.")
    return {"id": audio_id, "seconds": clip["seconds"]}


def record_audio(room: Room, command: dict):
    """The server has stored a recording (`audio`, `seconds`) that `player` made."""
    require_system(command)
    player = room.players.get(command.get("player")) if isinstance(command.get("player"), str) else None
    if player is None or player.removed or player.waiting or player.token_hash is None:
        raise RuleError("forbidden", "Only people taking part can record an answer.")
    audio_id, seconds = command.get("audio"), command.get("seconds")
    if not isinstance(audio_id, str) or audio_id in room.audio:
        raise RuleError("bad_request", "That recording has no proper name.")
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not 0 < seconds <= MAX_AUDIO_SECONDS + 1:
        raise RuleError("bad_request", f"A recording can be up to {MAX_AUDIO_SECONDS} seconds long.")
    return [event(command, "audio_recorded", audio=audio_id, player=player.id, seconds=round(float(seconds), 1))]


def add_words(room: Room, command: dict):
    """Words for a spoken or picture answer on the card in play, added afterwards by anyone
    at the table (the host names the `table`): the person who gave it, or a tablemate who
    heard it. Words already there are changed only by whoever gave the answer."""
    if command.get("actor") == "host":
        actor, table = "host", table_of(room, command.get("table"))
    else:
        player, table = seated_player(room, command)
        actor = player.id
    current = table.current
    response = next((r for r in current.responses if r.id == command.get("response")), None) if current else None
    if response is None:
        raise RuleError("not_found", "That answer is not on this card.")
    own = actor in (response.author, response.entered_by)
    if not (response.audio or response.symbol):
        raise RuleError("bad_request", "Words can be added to a spoken or picture answer.")
    if response.text and not own:
        raise RuleError("forbidden", "This answer has words already. Only the person who gave it can change them.")
    if room.hide_until_reveal and not current.revealed and not own:
        raise RuleError("wrong_stage", "You can add words once the answers are shown.")
    text = text_field(command)
    return [event(command, "words_added", table=table.id, response=response.id, text=text, by=actor)]


def spread(responses) -> dict[str, int]:
    """How many answers on a card chose each picture: {"good": 3, "unsure": 1, "not_good": 0}."""
    counts = dict.fromkeys(SYMBOLS, 0)
    for response in responses:
        if response.symbol in counts:
            counts[response.symbol] += 1
    return counts


def mark_used(room: Room, d: dict) -> None:
    """Fold: a recording that became part of an answer, note or pledge is used."""
    audio = d.get("audio")
    if audio and audio["id"] in room.audio:
        room.audio[audio["id"]]["used"] = True


def _words_added(room: Room, d: dict, event: Event) -> None:
    response = next(r for r in room.tables[d["table"]].current.responses if r.id == d["response"])
    response.text = d["text"]
    response.words_by = d["by"] if d["by"] not in (response.author, response.entered_by) else None


def _recorded(room: Room, d: dict, event: Event) -> None:
    room.audio[d["audio"]] = {"player": d["player"], "seconds": d["seconds"], "at": event.at, "used": False}


ANSWER_MOVES = {"record_audio": record_audio}
ANSWER_HANDLERS = {"audio_recorded": _recorded, "words_added": _words_added}
