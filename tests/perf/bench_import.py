"""Benchmark: importing a large generated WordPress export, for its time and peak memory.

    make bench-import                 # about 60 MB of export (4,000 posts, 40,000 comments)
    POSTS=20000 make bench-import     # larger

The export is generated here (text written by this script), imported into a fresh
SQLite database in a child process, and the import process's peak resident memory is read
from /proc while it runs. A streaming import keeps it flat as the file grows.
"""

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.blog.wordpress.wxr_builder import comment, item, wxr  # noqa: E402

WORDS = [
    "garden", "seed", "bean", "compost", "rain", "kitchen", "supper", "bread", "tool", "bench", "chisel", "clamp",
    "hazel", "willow", "market", "morning", "evening", "river", "lane", "neighbour", "soup", "jar", "shelf", "library",
]  # fmt: skip


def paragraph(rng, words=80):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate(path, posts, comments_per_post):
    rng = random.Random(7)
    items = []
    for n in range(1, posts + 1):
        body = "\n\n".join(paragraph(rng) for _ in range(6))
        thread = [
            comment(
                n * 100 + c,
                parent=(n * 100 + c - 1) if c % 3 else 0,
                content=paragraph(rng, 40),
                email=f"reader{c}@example.org",
            )  # fmt: skip
            for c in range(1, comments_per_post + 1)
        ]
        day = f"20{10 + n % 12:02d}-{1 + n % 12:02d}-{1 + n % 28:02d} 10:00:00"
        items.append(item(n, title=f"Post {n}", content=body.replace("\n\n", "\n\n<!--more-->\n\n", 1), date=day,
                          categories=[("garden", "Garden")], comments=thread))  # fmt: skip
    path.write_text(wxr(authors=[{"id": 1, "login": "alice", "name": "Alice"}], items=items), encoding="utf-8")


def main():
    posts = int(os.environ.get("POSTS", 4000))
    comments_per_post = int(os.environ.get("COMMENTS", 10))
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export.xml"
        generate(export, posts, comments_per_post)
        size_mb = export.stat().st_size / 1e6
        env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50, "VAR_DIR": folder,
               "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3"}  # fmt: skip
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        started = time.monotonic()
        importer = subprocess.Popen([*manage, "import_wordpress", str(export)], env=env, stdout=subprocess.DEVNULL)
        peak_kb = 0
        while importer.poll() is None:
            peak_kb = max(peak_kb, high_water_mark_kb(importer.pid))
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        assert importer.returncode == 0, "the import failed"
    print(f"import_wordpress: {size_mb:.1f} MB export, {posts} posts, {posts * comments_per_post} comments")
    print(f"  time {elapsed:.1f} s, peak memory of the import process {peak_kb / 1024:.0f} MB")


def high_water_mark_kb(pid):
    """The process's peak resident memory so far (Linux), read while it runs."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((line for line in status.splitlines() if line.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1])


if __name__ == "__main__":
    main()
