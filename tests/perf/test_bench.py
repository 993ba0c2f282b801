"""The benchmark's short run (`tests/perf/bench.py --quick`): every page answers under wrk, no error, no lost comment.

A check that `make bench` works from a fresh clone, not a result: its figures come from 2-second runs.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPORT = ROOT.parent / "shared" / "bench" / "wordpress" / "export.wxr"  # the content the bench serves
pytestmark = [
    pytest.mark.skipif(not EXPORT.exists(), reason=f"the bench's content is missing: {EXPORT} (outside the checkout)"),
    pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed: apt-get install wrk"),
    # The bench builds its own database (PostgreSQL when it answers, else SQLite): one run of the suite is enough.
    pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="the benchmark runs once, in the SQLite run"),
    pytest.mark.timeout(900),
]


def test_the_short_benchmark_runs_clean():
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    run = subprocess.run(
        [sys.executable, "tests/perf/bench.py", "--quick"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    out = ROOT / run.stdout.strip().splitlines()[-1].split("results: ")[1].split("/results.md")[0]
    results = json.loads((out / "results.json").read_text())
    candid = results["candid"]
    for state in ("cache-on", "cache-off"):
        assert set(candid[state]) == {"home", "post-200-comments", "month-archive", "category-archive", "rss-feed"}
        assert all(page["requests"] > 0 and page["errors"] == 0 for page in candid[state].values())
    assert candid["cache-on"]["post-200-comments"]["queries"] == 0  # served whole from the cache
    assert candid["comments"]["answers"] == {"302": candid["comments"]["posts"]}
    assert candid["comments"]["stored"] == candid["comments"]["posts"]
    assert set(candid["scaling"]) == {"10", "200", "2000"}
    assert "## Targets" in (out / "results.md").read_text()
    limit = results["limits"]["minimal-django-view"]
    assert set(limit) == set(candid["cache-on"]) and all(page["errors"] == 0 for page in limit.values())
