"""The benchmark's short run (`tests/perf/bench.py --quick`): every page answers under wrk, no error, no lost comment.

A check that `make bench` works from a fresh clone, not a result: its figures come from 2-second runs. It
serves the generated corpus (tests/perf/corpus.py) even where the WordPress anchor's export is beside the
checkout, so that it checks the same thing on every machine.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.perf import corpus

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"home", "post-200-comments", "month-archive", "category-archive", "rss-feed"}
pytestmark = [
    pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed: apt-get install wrk"),
    # The bench builds its own database (PostgreSQL when it answers, else SQLite): one run of the suite is enough.
    pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="the benchmark runs once, in the SQLite run"),
    pytest.mark.timeout(900),
]


def test_the_short_benchmark_runs_clean(tmp_path):
    export = tmp_path / "corpus.wxr"
    corpus.write(export)
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    command = [sys.executable, "tests/perf/bench.py", "--quick", "--export", str(export)]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    out = ROOT / run.stdout.strip().splitlines()[-1].split("results: ")[1].split("/results.md")[0]
    results = json.loads((out / "results.json").read_text())
    assert results["corpus"] == str(export)
    candid = results["candid"]
    for state in ("cache-on", "cache-off"):  # every page answers, with no error
        assert set(candid[state]) == PAGES
        assert all(page["requests"] > 0 and page["errors"] == 0 for page in candid[state].values())
    assert candid["cache-on"]["post-200-comments"]["queries"] == 0  # served whole from the cache
    # The post measured as the 200-comment one shows them (and not the corpus's 3 held ones), as Candid served it.
    post = out / "limit" / candid["cache-on"]["post-200-comments"]["path"].strip("/") / "index.html"
    assert post.read_text().count('id="comment-') == 200
    comments = candid["comments"]  # every comment posted is accepted and stored exactly once
    assert comments["posts"] > 0
    assert comments["answers"] == {"302": comments["posts"]}
    assert comments["stored"] == comments["posts"]
    assert set(candid["scaling"]) == {"10", "200", "2000"}
    assert all(figures["requests"] > 0 and figures["errors"] == 0 for figures in candid["scaling"].values())
    assert "## Targets" in (out / "results.md").read_text()
    limit = results["limits"]["minimal-django-view"]
    assert set(limit) == set(candid["cache-on"]) and all(page["errors"] == 0 for page in limit.values())
