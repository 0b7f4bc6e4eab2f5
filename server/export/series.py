"""A series: workshops linked by follow-ups (a team, or a network of teams, meeting over
time), as one report for the organiser: the workshops in order, how their actions stand,
the outcomes each met, whose voice each heard, and the "not working" items that keep
coming back, grouped by outcome. Rendered as Markdown, Word and CSV, and on /organise.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter

from ..game.plan import outcome_of
from .managers import managers_summary, met_line
from .markdown import md_text
from .plan import STATUS_LABELS, action_line, progress_line, word_action
from .spreadsheet import csv_bytes
from .summary import private_ids
from .word import clean, document, saved

NO_OUTCOME = "Not linked to an outcome"
_WORD = re.compile(r"[a-z0-9']+")
_SMALL = frozenset("a an and the to of for in on at is are was it we our they them be not too with by".split())


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _SMALL}


def similar(a: str, b: str) -> bool:
    """Two "not working" items say much the same thing: most of their words are shared,
    or the words read nearly alike."""
    wa, wb = _words(a), _words(b)
    if wa and wb and len(wa & wb) / len(wa | wb) >= 0.5:
        return True
    return difflib.SequenceMatcher(None, " ".join(sorted(wa)), " ".join(sorted(wb))).ratio() >= 0.8


def _not_working(room) -> list[dict]:
    """Each shared "not working" item with the outcome it speaks to (by name: decks differ)."""
    kept = private_ids(room)
    names = {o["id"]: o["name"] for o in room.deck.get("outcomes", ())}
    return [
        {"text": note.text, "outcome": names.get(outcome_of(room, table, note)) or NO_OUTCOME, "table": table.name}
        for table in room.tables.values()
        for note in table.notes
        if note.kind == "not_working" and note.id not in kept
    ]


def recurring(workshops: list[dict]) -> list[dict]:
    """Items that came back in more than one workshop, grouped by the outcome most of their
    mentions were about: `[{"outcome", "items": [{"text", "times", "workshops", "said"}]}]`."""
    clusters: list[dict] = []
    for workshop in workshops:
        for item in workshop["not_working_items"]:
            home = next((c for c in clusters if similar(c["text"], item["text"])), None)
            if home is None:
                home = {"text": item["text"], "workshops": [], "said": [], "outcomes": Counter()}
                clusters.append(home)
            if workshop["title"] not in home["workshops"]:
                home["workshops"].append(workshop["title"])
            home["said"].append(item["text"])
            if item["outcome"] != NO_OUTCOME:
                home["outcomes"][item["outcome"]] += 1
    groups: dict[str, list[dict]] = {}
    for cluster in clusters:
        if len(cluster["workshops"]) > 1:
            outcome = cluster.pop("outcomes").most_common(1)
            groups.setdefault(outcome[0][0] if outcome else NO_OUTCOME, []).append(dict(cluster, times=len(cluster["workshops"])))
    return [
        {"outcome": outcome, "items": sorted(items, key=lambda c: -c["times"])}
        for outcome, items in sorted(groups.items(), key=lambda g: (g[0] == NO_OUTCOME, g[0]))
    ]


def series_summary(rooms: list, anonymous: bool = False) -> dict:
    """`rooms`: the workshops of one series, earliest first."""
    workshops = []
    for room in rooms:
        summary = managers_summary(room, anonymous)
        counts = Counter(action["status"] for action in summary["actions"])
        workshops.append({
            **summary,
            "follows": (room.follows or {}).get("code"),
            "counts": {status: counts[status] for status in STATUS_LABELS},
            "outcomes_met": sum(1 for o in summary["outcomes"] if o["met"]),
            "not_working_items": _not_working(room),
        })  # fmt: skip
    totals = Counter()
    for workshop in workshops:
        totals.update(workshop["counts"])
    return {
        "id": workshops[0]["code"],
        "title": workshops[0]["title"],
        "anonymous": anonymous,
        "workshops": workshops,
        "totals": [{"status": s, "label": label, "count": totals[s]} for s, label in STATUS_LABELS.items()],
        "recurring": recurring(workshops),
    }


def counts_line(counts: dict) -> str:
    return ", ".join(f"{counts[s]} {STATUS_LABELS[s].lower()}" for s in STATUS_LABELS)


def _many(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


def voice_line(rows: list[dict]) -> str:
    return "; ".join(
        f"{r['label']}: {_many(r['people'], 'person', 'people')}, {_many(r['responses'], 'answer', 'answers')}" for r in rows
    ) or "nobody took part"


def outcomes_line(outcomes: list[dict]) -> str:
    met = [o["name"] for o in outcomes if o["met"]]
    return ", ".join(met) if met else ("none yet" if outcomes else "no board (open play)")


# --- renderers -----------------------------------------------------------------------------
def render_md(series: dict) -> str:
    out = [f"# Series: {md_text(series['title'])}", "", f"{len(series['workshops'])} workshops. Actions: "
           + ", ".join(f"{t['label'].lower()} {t['count']}" for t in series["totals"]) + "."]  # fmt: skip
    for number, w in enumerate(series["workshops"], 1):
        out += ["", f"## {number}. {md_text(w['title'])} ({w['date_label']}, room {w['code']})", ""]
        out.append(f"- **Actions:** {counts_line(w['counts'])}")
        out.append(f"- **Outcomes met:** {md_text(outcomes_line(w['outcomes']))}")
        out.append(f"- **Voices:** {md_text(voice_line(w['voice']['rows']))}")
        for action in w["actions"]:
            out.append(f"  - {md_text(action['text'])} — {md_text(action_line(action))}")
            out += [f"    - {md_text(progress_line(line))}" for line in action["progress"]]
    out += ["", "## \"Not working\" items that keep coming back", ""]
    for group in series["recurring"]:
        out += [f"### {md_text(group['outcome'])}", ""]
        out += [f"- {md_text(i['text'])} — in {i['times']} workshops: {md_text(', '.join(i['workshops']))}" for i in group["items"]]
        out.append("")
    if not series["recurring"]:
        out.append("- Nothing has come back yet.")
    return "\n".join(out) + "\n"


COLUMNS = ("series", "workshop", "title", "date", "kind", "outcome", "text", "owner", "due", "status", "progress")


def rows(series: dict):
    for w in series["workshops"]:
        base = {"series": series["id"], "workshop": w["code"], "title": w["title"], "date": w["date_label"]}
        for outcome in w["outcomes"]:
            yield {**base, "kind": "outcome", "outcome": outcome["name"], "text": met_line(outcome)}
        for row in w["voice"]["rows"]:
            yield {**base, "kind": "voice", "text": voice_line([row])}
        for item in w["not_working_items"]:
            yield {**base, "kind": "not_working", "outcome": item["outcome"], "text": item["text"]}
        for action in w["actions"]:
            progress = "\n".join(progress_line(line) for line in action["progress"])
            yield {**base, "kind": "action", "text": action["text"], "owner": action["owner"], "due": action["due"] or "",
                   "status": action["status"], "progress": progress}  # fmt: skip


def render_csv(series: dict) -> bytes:
    return csv_bytes(COLUMNS, rows(series))


def render_docx(series: dict) -> bytes:
    doc = document(f"Series: {series['title']}")
    doc.add_paragraph(f"{len(series['workshops'])} workshops. Actions: "
                      + ", ".join(f"{t['label'].lower()} {t['count']}" for t in series["totals"]) + ".")  # fmt: skip
    for number, w in enumerate(series["workshops"], 1):
        doc.add_heading(clean(f"{number}. {w['title']} ({w['date_label']}, room {w['code']})"), level=2)
        for label, value in (("Actions", counts_line(w["counts"])), ("Outcomes met", outcomes_line(w["outcomes"])),
                             ("Voices", voice_line(w["voice"]["rows"]))):  # fmt: skip
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(clean(value))
        for action in w["actions"]:
            word_action(doc, action, clean)
    doc.add_heading("\"Not working\" items that keep coming back", level=2)
    for group in series["recurring"]:
        doc.add_heading(clean(group["outcome"]), level=3)
        for item in group["items"]:
            doc.add_paragraph(clean(f"{item['text']} — in {item['times']} workshops: {', '.join(item['workshops'])}"), style="List Bullet")
    if not series["recurring"]:
        doc.add_paragraph("Nothing has come back yet.")
    return saved(doc)


SERIES_FORMATS = {
    "md": (render_md, "text/markdown; charset=utf-8"),
    "csv": (render_csv, "text/csv; charset=utf-8"),
    "docx": (render_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
