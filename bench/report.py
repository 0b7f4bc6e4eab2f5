"""What the benchmark prints and writes: percentiles, ratios to the Node reference and to the
Python baseline, a Markdown table for the README, bench/results/*.json and the chart."""
from __future__ import annotations

import json
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def percentiles(values: list[float]) -> dict:
    if not values:
        return {"p50": None, "p95": None, "p99": None, "max": None}
    ordered = sorted(values)

    def at(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 2)

    return {"p50": at(50), "p95": at(95), "p99": at(99), "max": round(ordered[-1], 2)}


def _ms(value) -> str:
    return "-" if value is None else f"{value:.1f}"


def print_row(row: dict) -> None:
    f, a = row["fanout_ms"], row["ack_ms"]
    print(
        f"{row['people']:5d} {row['server']:15} fan-out p50 {_ms(f['p50'])} p95 {_ms(f['p95'])} p99 {_ms(f['p99'])} "
        f"max {_ms(f['max'])} ms | ack p50 {_ms(a['p50'])} p99 {_ms(a['p99'])} ms | {row['actions_per_s']} acts/s "
        f"{row['events_per_s']} events/s | CPU {row['cpu_percent']}% RSS {row['peak_rss_mb']} MB | "
        f"missing {row['missing_from_log']} refused {row['refused']} errors {row['errors']} unseen {row['fanout_unseen']}",
        flush=True,
    )


def ratio(row: dict, ref: dict | None, key: str, p: str) -> float | None:
    if ref is None or not row[key][p] or not ref[key][p]:
        return None
    return round(row[key][p] / ref[key][p], 2)


def add_ratios(rows: list[dict]) -> None:
    """Each row's fan-out and ack percentiles, CPU and memory over the Node reference's and
    the Python baseline's at the same count."""
    refs = {(r["people"], r["server"]): r for r in rows}
    for row in rows:
        for ref_name in ("node", "baseline"):
            ref = refs.get((row["people"], ref_name))
            row[f"x_{ref_name}"] = {
                **{f"fanout_{p}": ratio(row, ref, "fanout_ms", p) for p in ("p50", "p95", "p99", "max")},
                **{f"ack_{p}": ratio(row, ref, "ack_ms", p) for p in ("p50", "p95", "p99", "max")},
                "cpu": round(row["cpu_percent"] / ref["cpu_percent"], 2) if ref and ref["cpu_percent"] else None,
                "rss": round(row["peak_rss_mb"] / ref["peak_rss_mb"], 2) if ref and ref["peak_rss_mb"] else None,
            }


def print_ratios(rows: list[dict]) -> None:
    add_ratios(rows)
    for row in rows:
        parts = []
        for ref in ("node", "baseline"):
            x = row[f"x_{ref}"]
            if x["fanout_p99"] is not None:
                parts.append(
                    f"vs {ref}: fan-out p50 x{x['fanout_p50']} p95 x{x['fanout_p95']} p99 x{x['fanout_p99']} "
                    f"max x{x['fanout_max']}, ack p99 x{x['ack_p99']}, CPU x{x['cpu']}, RSS x{x['rss']}"
                )
        if parts:
            print(f"      {row['server']:15} " + "; ".join(parts), flush=True)


def markdown(rows: list[dict]) -> str:
    lines = [
        "| people | server | fan-out p50 / p95 / p99 / max (ms) | ack p50 / p99 (ms) | p99 × Node | p99 × Python | actions/s | events/s | CPU | peak RSS | missing |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        f, a = r["fanout_ms"], r["ack_ms"]
        xn, xb = r.get("x_node", {}).get("fanout_p99"), r.get("x_baseline", {}).get("fanout_p99")
        lines.append(
            f"| {r['people']} | {r['server']} | {_ms(f['p50'])} / {_ms(f['p95'])} / {_ms(f['p99'])} / {_ms(f['max'])} "
            f"| {_ms(a['p50'])} / {_ms(a['p99'])} | {'-' if xn is None else f'{xn:.2f}'} | {'-' if xb is None else f'{xb:.2f}'} "
            f"| {r['actions_per_s']} | {r['events_per_s']} | {r['cpu_percent']:.0f} % | {r['peak_rss_mb']:.0f} MB | {r['missing_from_log']} |"
        )
    return "\n".join(lines)


def under_100ms(rows: list[dict], server: str = "ours") -> int | None:
    """The largest participant count whose fan-out p99 stays under 100 ms."""
    counts = [r["people"] for r in rows if r["server"] == server and r["fanout_ms"]["p99"] is not None and r["fanout_ms"]["p99"] < 100]
    return max(counts) if counts else None


def chart(rows: list[dict], path: Path) -> None:
    """Fan-out p99 (solid) and p50 (dotted) against participants, one colour per server."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4.8), dpi=100)
    for server in dict.fromkeys(r["server"] for r in rows):
        mine = [r for r in rows if r["server"] == server and r["fanout_ms"]["p99"] is not None]
        xs = [r["people"] for r in mine]
        line = ax.plot(xs, [r["fanout_ms"]["p99"] for r in mine], marker="o", label=f"{server} p99")[0]
        ax.plot(xs, [r["fanout_ms"]["p50"] for r in mine], linestyle=":", color=line.get_color(), label=f"{server} p50")
    ax.axhline(100, color="grey", linewidth=0.8, linestyle="--", label="100 ms")
    ax.set_yscale("log")
    ax.set_xlabel("participants (tables of 6, one action each every 3 s)")
    ax.set_ylabel("fan-out latency (ms, log scale)")
    ax.set_title("Send until every tablemate has the view")
    ax.legend(fontsize=8, bbox_to_anchor=(1.02, 1), loc="upper left")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def render(document: dict) -> None:
    """(Re)write latest.json, latest.md and latest.png from one run's results."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(document, indent=1))
    (RESULTS / "latest.md").write_text(markdown(document["rows"]) + "\n")
    chart(document["rows"], RESULTS / "latest.png")


def finish(rows: list[dict], extra: dict, args, sweep: bool, out: str) -> None:
    add_ratios(rows)
    print("\n" + markdown(rows))
    best = under_100ms(rows)
    if best is not None:
        print(f"\nlargest count with our fan-out p99 under 100 ms: {best}")
    for name, figures in extra.items():
        print(f"{name}: {figures}")
    document = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "settings": {"seconds": args.seconds, "interval": args.interval, "workers": args.workers, "repeat": args.repeat, "table_size": 6},
        "rows": rows,
        "largest_under_100ms": best,
        **extra,
    }
    if sweep:
        RESULTS.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        (RESULTS / f"sweep-{stamp}.json").write_text(json.dumps(document, indent=1))
        render(document)
        print(f"wrote {RESULTS}/sweep-{stamp}.json, latest.json, latest.md and latest.png")
    if out:
        Path(out).write_text(json.dumps(document, indent=1))


if __name__ == "__main__":  # re-render the table and chart from a saved sweep
    import sys

    saved = json.loads(Path(sys.argv[1]).read_text())
    add_ratios(saved["rows"])
    saved["largest_under_100ms"] = under_100ms(saved["rows"])
    render(saved)
    print(markdown(saved["rows"]))
