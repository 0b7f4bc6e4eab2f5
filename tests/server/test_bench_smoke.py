"""The benchmark still works (a few clients for a few seconds): fan-out is measured, nothing
acknowledged is missing from the log, and people are back in their seats after kill -9.

CI runs this against our server and the Python baseline only: the Node reference compiles
better-sqlite3 from source (about a minute of CPU), so it is left to `make bench`."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_benchmark_runs_and_loses_nothing(tmp_path):
    out = tmp_path / "smoke.json"
    done = subprocess.run(
        [sys.executable, "bench/load.py", "--people", "12", "--seconds", "2", "--interval", "0.5", "--workers", "1",
         "--servers", "baseline,ours", "--restart", "12", "--rebuild", "300", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    result = json.loads(out.read_text())
    rows = {row["server"]: row for row in result["rows"]}
    assert set(rows) == {"baseline", "ours"}
    for row in rows.values():
        assert row["actions"] > 20 and row["errors"] == 0 and row["refused"] == 0
        assert row["fanout_ms"]["p99"] is not None and row["fanout_unseen"] == 0
        assert row["missing_from_log"] == 0
        assert row["cpu_percent"] > 0 and row["peak_rss_mb"] > 10
    assert rows["ours"]["x_baseline"]["fanout_p99"] is not None
    assert result["restart"]["in_seat_with_current_view"] == 12
    assert result["rebuild"]["events"] >= 300 and result["rebuild"]["same_n_and_players"]
    assert "| ours |" in done.stdout  # the Markdown table the README shows
