"""The action plan in the reports, and a follow-up's look back at the earlier plan.

`plan_parts` adds two keys to the session summary: `plan` (every action but pledges kept in
the room, owners named as the summary names people) and `look_back` (for a follow-up: each
earlier action with what this workshop's tables said of it; None otherwise). The other
functions add those parts to the Markdown, Word and CSV reports; the printable page
includes `plan.html`.
"""
from __future__ import annotations

from datetime import date, datetime

from ..game.plan import source_view

STATUS_LABELS = {"open": "Not started yet", "started": "Started", "done": "Done", "dropped": "Dropped"}  # as the pages say (web/static/js/plan-words.js)
SOURCE_WORDS = {"pledge": "a pledge", "agreed": "what the table agreed", "not_working": "a \"not working\" item"}
PLAN_COLUMNS = ("status", "due", "progress")


def date_label(value: str | None) -> str:
    """"31 March 2026" for a date or an ISO time; "" for none."""
    if not value:
        return ""
    day = datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def _from_label(room, source: dict | None) -> str:
    shown = source_view(room, source)
    if not shown:
        return ""
    words = f"From {SOURCE_WORDS.get(shown['kind'], shown['kind'])}"
    if shown["table_name"]:
        words += f" at {shown['table_name']}"
    if shown["outcome_name"]:
        words += f" · outcome: {shown['outcome_name']}"
    return words


def _progress(line: dict) -> dict:
    return {"at": line["at"], "date_label": date_label(line["at"]), "text": line["text"], "said_at": line.get("said_at")}


def _actions(room, people, kept: set) -> list[dict]:
    actions = []
    for action in room.plan.values():
        if action.id in kept:
            continue
        table = room.tables.get((action.source or {}).get("table"))
        actions.append({
            "id": action.id,
            "text": action.text,
            "owner": action.owner or (people.name(action.owner_player) if action.owner_player else ""),
            "due": action.due,
            "due_label": date_label(action.due),
            "status": action.status,
            "status_label": STATUS_LABELS[action.status],
            "from_label": _from_label(room, action.source),
            "table": table.name if table else "",
            "at": action.at,
            "progress": [_progress(line) for line in action.progress],
        })  # fmt: skip
    return actions


def anonymous_owners(follows: dict) -> None:
    """A follow-up's copy of the earlier plan, each owner who was a person named by their
    perspective instead (in place)."""
    for action in follows.get("actions", ()):
        if action.get("owner_as"):
            action["owner"] = action["owner_as"]


def _look_back(room, people) -> dict | None:
    if not room.follows:
        return None
    earlier = room.follows
    actions = []
    for action in earlier["actions"]:
        said = [r for r in room.reviews if r["action"] == action["id"]]
        actions.append({
            "text": action["text"],
            "owner": (people.anonymous and action.get("owner_as")) or action.get("owner") or "",
            "due_label": date_label(action.get("due")),
            "status_label": STATUS_LABELS.get(action["status"], action["status"]),
            "said": [
                {"table": room.tables[r["table"]].name, "status": r["status"], "status_label": STATUS_LABELS[r["status"]],
                 "text": r["text"], "at": r["at"], "date_label": date_label(r["at"])}
                for r in said
            ],
        })  # fmt: skip
    return {"title": earlier["title"], "date_label": date_label(earlier["date"]), "actions": actions}


def plan_parts(room, people, kept: set) -> dict:
    return {"plan": _actions(room, people, kept), "look_back": _look_back(room, people)}


def action_line(action: dict) -> str:
    """"Not started yet · who: Ann · by 31 March 2026 · From a pledge at Table 1" (the host page says "Who:" too)."""
    parts = [action["status_label"]]
    if action["owner"]:
        parts.append(f"who: {action['owner']}")
    if action["due_label"]:
        parts.append(f"by {action['due_label']}")
    if action["from_label"]:
        parts.append(action["from_label"])
    return " · ".join(parts)


def progress_line(line: dict) -> str:
    said = f" (said at {line['said_at']})" if line.get("said_at") else ""
    return f"{line['date_label']}: {line['text']}{said}"


def said_line(said: dict) -> str:
    return f"{said['table']}: {said['status_label']}" + (f" — {said['text']}" if said["text"] else "")


# --- renderers ---------------------------------------------------------------------------
def markdown_lines(summary: dict, md_text) -> list[str]:
    out = []
    look_back = summary.get("look_back")
    if look_back:
        out += ["", f"## Looking back at {md_text(look_back['title'])} ({look_back['date_label']})", ""]
        for action in look_back["actions"]:
            owner = f" — {md_text(action['owner'])}" if action["owner"] else ""
            out.append(f"- {md_text(action['text'])}{owner} · was: {action['status_label']}")
            out += [f"  - {md_text(said_line(s))}" for s in action["said"]] or ["  - Nothing was said about it."]
        if not look_back["actions"]:
            out.append("- The earlier workshop had no actions.")
    out += ["", "## Action plan", ""]
    for action in summary["plan"]:
        out.append(f"- **{md_text(action['text'])}** — {md_text(action_line(action))}")
        out += [f"  - {md_text(progress_line(line))}" for line in action["progress"]]
    if not summary["plan"]:
        out.append("- No actions yet.")
    return out


def word_action(doc, action: dict, clean, progress: bool = True) -> None:
    """An action as a Word bullet: its words in bold, how it stands in italics, then (with
    `progress`) what has been done so far."""
    paragraph = doc.add_paragraph(style="List Bullet")
    paragraph.add_run(clean(action["text"])).bold = True
    paragraph.add_run(clean(f" — {action_line(action)}")).italic = True
    for line in action["progress"] if progress else ():
        doc.add_paragraph(clean(progress_line(line)), style="List Bullet 2")


def word_section(doc, summary: dict, clean) -> None:
    look_back = summary.get("look_back")
    if look_back:
        doc.add_heading(clean(f"Looking back at {look_back['title']} ({look_back['date_label']})"), level=2)
        for action in look_back["actions"]:
            paragraph = doc.add_paragraph(style="List Bullet")
            paragraph.add_run(clean(action["text"])).bold = True
            paragraph.add_run(clean(f" — {action['owner']} · was: {action['status_label']}")).italic = True
            for said in action["said"] or [None]:
                doc.add_paragraph(clean(said_line(said)) if said else "Nothing was said about it.", style="List Bullet 2")
    doc.add_heading("Action plan", level=2)
    for action in summary["plan"]:
        word_action(doc, action, clean)
    if not summary["plan"]:
        doc.add_paragraph("No actions yet.")


def csv_rows(summary: dict):
    """One row per action (kind `action`) and per thing a table said of an earlier action
    (kind `review`, with the earlier action's text in `card`)."""
    for action in summary["plan"]:
        yield {
            "room": summary["code"], "table": action["table"], "kind": "action", "card": "", "author": action["owner"],
            "perspective": "", "text": action["text"], "votes": None, "time": action["at"], "entered_by": None,
            "status": action["status"], "due": action["due"] or "",
            "progress": "\n".join(progress_line(line) for line in action["progress"]),
        }  # fmt: skip
    for action in (summary.get("look_back") or {}).get("actions", ()):
        for said in action["said"]:
            yield {
                "room": summary["code"], "table": said["table"], "kind": "review", "card": action["text"], "author": "",
                "perspective": "", "text": said["text"], "votes": None, "time": said["at"], "entered_by": None,
                "status": said["status"], "due": "", "progress": "",
            }  # fmt: skip
