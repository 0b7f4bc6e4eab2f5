"""A one-page summary for managers and commissioners: did the workshop meet its outcomes,
what is working and not working, whose voice was heard, and what is being done about it.

Built from the same session summary as the full report (so words kept in the room are
already left out, and the anonymous option names people by their perspective), plus the
board and the voice counts. `GET /api/rooms/<code>/summary.<fmt>` serves it (md, html, docx).
"""
from __future__ import annotations

from collections import Counter

from ..game.board import has_board
from ..game.perspectives import choices, name_of
from ..game.voice import voice
from ..rooms import shown_code
from .markdown import md_text
from .plan import STATUS_LABELS, action_line, word_action
from .summary import left_out, summarise
from .templates import environment
from .word import clean, document, saved


def _outcomes(room) -> list[dict]:
    """Each outcome on the board: at how many of the tables that played it was met."""
    if not has_board(room):
        return []
    played = [t for t in room.tables.values() if t.rounds]
    return [
        {"name": o["name"], "met": sum(1 for t in played if o["id"] in t.met), "tables": len(played)}
        for o in room.deck["outcomes"]
    ]


def _voice(room) -> dict:
    counts = voice(room, leave_out=left_out(room))
    order = list(choices(room.deck))
    rows = [
        {"label": name_of(room.deck, side), **tally}
        for side, tally in sorted(counts["room"].items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
        if any(tally.values())
    ]
    quiet = [row["label"] for row in rows if row["people"] and not row["responses"]]
    return {"rows": rows, "sentences": counts["sentences"]["room"], "quiet": quiet}


#: The reflect stage's three boxes, as the summary shows them.
REFLECT = (("working", "What is working"), ("not_working", "What is not working"), ("matters", "What matters most"))


def _notes(report: dict, kind: str) -> list[dict]:
    return [{"text": n["text"], "table": t["name"]} for t in report["tables"] for n in t["notes"].get(kind, ())]


def managers_summary(room, anonymous: bool = False) -> dict:
    report = summarise(room, anonymous)
    statuses = Counter(action["status"] for action in report["plan"])
    return {
        **{key: report[key] for key in ("code", "title", "date_label", "deck", "people", "perspectives", "anonymous")},
        "outcomes": _outcomes(room),
        **{kind: _notes(report, kind) for kind, _ in REFLECT},
        "voice": _voice(room),
        "actions": report["plan"],
        "action_counts": [{"label": STATUS_LABELS[s], "count": statuses[s]} for s in STATUS_LABELS],
        "look_back": report["look_back"],
    }


# --- renderers -----------------------------------------------------------------------------
def met_line(outcome: dict) -> str:
    if not outcome["tables"]:
        return "no table played yet"
    if not outcome["met"]:
        return "not met yet"
    return f"met at {outcome['met']} of {outcome['tables']} {'table' if outcome['tables'] == 1 else 'tables'}"


_env = environment(action_line=action_line, met_line=met_line)


def render_html(summary: dict) -> str:
    return _env.get_template("managers.html").render(s=summary, reflect=REFLECT)


def _look_back_lines(summary: dict) -> list[str]:
    """A follow-up: each earlier action with what the tables here said of it."""
    look_back = summary["look_back"]
    if not look_back:
        return []
    lines = []
    for action in look_back["actions"]:
        said = "; ".join(f"{s['table']}: {s['status_label']}" for s in action["said"]) or "nothing said"
        lines.append(f"{action['text']} — {said}")
    return lines


def _voice_line(row: dict) -> str:
    people = f"{row['people']} {'person' if row['people'] == 1 else 'people'}"
    return f"{row['label']}: {people}, {row['responses']} answers, {row['votes']} votes, {row['agreed']} agreed"


def render_md(summary: dict) -> str:
    out = [f"# {md_text(summary['title'])}: summary", "", f"{summary['date_label']} · {md_text(summary['deck']['title'])} · "
           f"{summary['people']} people · room {shown_code(summary['code'])}"]  # fmt: skip
    if summary["outcomes"]:
        out += ["", "## Outcomes met", ""]
        out += [f"- {md_text(o['name'])}: {met_line(o)}" for o in summary["outcomes"]]
    for key, heading in REFLECT:
        out += ["", f"## {heading}", ""]
        out += [f"- {md_text(n['text'])} ({md_text(n['table'])})" for n in summary[key]] or ["- Nothing written."]
    out += ["", "## Whose voice was heard", ""]
    out += [f"- {md_text(_voice_line(row))}" for row in summary["voice"]["rows"]] or ["- Nobody took part."]
    out += [f"- {md_text(line)}" for line in summary["voice"]["sentences"]]
    out += ["", "## Actions", "", " · ".join(f"{c['label']}: {c['count']}" for c in summary["action_counts"]), ""]
    out += [f"- {md_text(a['text'])} — {md_text(action_line(a))}" for a in summary["actions"]] or ["- No actions yet."]
    if summary["look_back"]:
        out += ["", f"## Since {md_text(summary['look_back']['title'])} ({summary['look_back']['date_label']})", ""]
        out += [f"- {md_text(line)}" for line in _look_back_lines(summary)]
    if summary["anonymous"]:
        out += ["", "People are named by the perspective they brought."]
    return "\n".join(out) + "\n"


def render_docx(summary: dict) -> bytes:
    doc = document(f"{summary['title']}: summary", size=10)
    doc.add_paragraph(clean(f"{summary['date_label']} · {summary['deck']['title']} · {summary['people']} people · room {shown_code(summary['code'])}"))
    if summary["outcomes"]:
        doc.add_heading("Outcomes met", level=2)
        for o in summary["outcomes"]:
            doc.add_paragraph(clean(f"{o['name']}: {met_line(o)}"), style="List Bullet")
    for key, heading in REFLECT:
        doc.add_heading(heading, level=2)
        for note in summary[key]:
            doc.add_paragraph(clean(f"{note['text']} ({note['table']})"), style="List Bullet")
        if not summary[key]:
            doc.add_paragraph("Nothing written.")
    doc.add_heading("Whose voice was heard", level=2)
    for row in summary["voice"]["rows"]:
        doc.add_paragraph(clean(_voice_line(row)), style="List Bullet")
    for line in summary["voice"]["sentences"]:
        doc.add_paragraph(clean(line), style="List Bullet")
    doc.add_heading("Actions", level=2)
    doc.add_paragraph(" · ".join(f"{c['label']}: {c['count']}" for c in summary["action_counts"]))
    for action in summary["actions"]:
        word_action(doc, action, clean, progress=False)
    if summary["look_back"]:
        doc.add_heading(clean(f"Since {summary['look_back']['title']} ({summary['look_back']['date_label']})"), level=2)
        for line in _look_back_lines(summary):
            doc.add_paragraph(clean(line), style="List Bullet")
    if summary["anonymous"]:
        doc.add_paragraph("People are named by the perspective they brought.")
    return saved(doc)


#: format -> (renderer, media type)
SUMMARY_FORMATS = {
    "html": (render_html, "text/html; charset=utf-8"),
    "md": (render_md, "text/markdown; charset=utf-8"),
    "docx": (render_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
