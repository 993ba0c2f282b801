"""Candid against WordPress on the same content and the same machine: `make bench` (README, Performance).

    python tests/perf/bench.py                   Candid, page cache on and off, and the physical limits
    python tests/perf/bench.py --vs-wordpress    and the WordPress anchor, both of its themes, in the same run
    python tests/perf/bench.py --quick           a short run of everything but WordPress (CI)

It imports the anchor's export (../shared/bench/wordpress/export.wxr) into a fresh database
(PostgreSQL and Redis when they answer on 127.0.0.1, SQLite and no shared cache otherwise), serves it
with the production stack (gunicorn, whitenoise, DEBUG off) on 127.0.0.1 and measures the anchor's
five pages with wrk, as the anchor's bench.sh does, each cached page next to a minimal Django view
returning its bytes from memory under the same gunicorn config (the physical limit); then posting
comments, the pages without the cache, the post page with 10, 200 and 2,000 comments, and nginx serving
the pages as static files (the other limit). Results go to
var/bench/<time>/ (results.md, results.json, wrk's raw output) and var/bench/latest.md.
"""

import argparse
import datetime
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf import comment_load, report, wrk  # noqa: E402
from tests.perf.bench_site import SCALE_COUNTS, scale_path, scale_slug  # noqa: E402
from tests.servers import answers, free_port  # noqa: E402

ANCHOR = ROOT.parent / "shared" / "bench" / "wordpress"
POST_PATH = "/2013/12/27/bench-discussion/"
PAGES = {  # the anchor's pages: name → path
    "home": "/",
    "post-200-comments": POST_PATH,
    "month-archive": "/2011/03/",
    "category-archive": "/category/python/",
    "rss-feed": "/feed/",
}
WORDPRESS = "http://127.0.0.1:8081"
WORDPRESS_THEMES = ("twentytwentythree", "twentytwentyone")
POSTGRES, REDIS = ("127.0.0.1", 5432), ("127.0.0.1", 6379)
BENCH_DB, BENCH_REDIS_DB = "candid_bench", 14


def log(message):
    print(f"== {message}", flush=True)


class Site:
    """Candid with the bench corpus, in a database of its own, run by gunicorn as in production."""

    def __init__(self, out, export):
        self.out, self.export = out, export
        self.var = out / "site"
        self.env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "VAR_DIR": str(self.var),
            "STAFF_2FA": "0",
        }
        self.env.pop("DJANGO_SETTINGS_MODULE", None)
        if answers(*POSTGRES):
            self.database = "PostgreSQL"
            self.env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{BENCH_DB}"
        else:
            self.database = "SQLite"
            self.env["DATABASE_URL"] = f"sqlite:///{self.var / 'bench.sqlite3'}"
        self.cache = "Redis" if answers(*REDIS) else "none shared (local memory per process)"
        if answers(*REDIS):
            self.env["REDIS_URL"] = f"redis://127.0.0.1:6379/{BENCH_REDIS_DB}"

    def manage(self, *arguments, **kwargs):
        return subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=self.env, check=True, **kwargs)

    def script(self, *arguments):
        command = [sys.executable, "tests/perf/bench_site.py", *arguments]
        return json.loads(subprocess.run(command, cwd=ROOT, env=self.env, check=True, capture_output=True).stdout)

    def build(self):
        log(f"importing {self.export.name} into a fresh {self.database} database")
        self.var.mkdir(parents=True, exist_ok=True)
        if self.database == "PostgreSQL":
            import psycopg

            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
                db.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
                db.execute(f"CREATE DATABASE {BENCH_DB}")
        if "REDIS_URL" in self.env:
            import redis

            redis.Redis.from_url(self.env["REDIS_URL"]).flushdb()
        self.manage("migrate", "--noinput", "-v0")
        started = time.perf_counter()
        self.manage("import_wordpress", str(self.export), stdout=subprocess.DEVNULL)
        self.import_seconds = round(time.perf_counter() - started, 1)
        subprocess.run([sys.executable, "tests/perf/bench_site.py", "prepare"], cwd=ROOT, env=self.env, check=True)
        self.manage("collectstatic", "--noinput", "-v0")

    def save_pages(self, base):
        """Keep each measured page as Candid served it, under limit/ at its own path, for the physical limits."""
        self.pages = self.out / "limit"
        for path in PAGES.values():
            page = self.pages / path.strip("/") / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_bytes(wrk.fetch(base + path)[1])

    def serve(self, app="config.wsgi", **env):
        """Start gunicorn with config/gunicorn.py; return (process, base URL) once it answers."""
        port = free_port()
        log_file = open(self.out / f"gunicorn-{port}.log", "w")  # noqa: SIM115 (open for the process's life)
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", app],
            cwd=ROOT, env={**self.env, "PORT": str(port), **env}, stdout=log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not answers("127.0.0.1", port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not start: see {log_file.name}")
            time.sleep(0.2)
        base = f"http://127.0.0.1:{port}"
        # Each worker loads Django at its first request: have them all do it before anything is measured.
        wrk.run(base + "/", 2)
        return process, base


def stop(process):
    process.terminate()
    process.wait(timeout=60)


def measure_pages(base, seconds, post_seconds, out, label, pages=PAGES):
    results = {}
    for name, path in pages.items():
        figures, raw = wrk.measure(base + path, post_seconds if name == "post-200-comments" else seconds)
        (out / f"{label}-{name}.wrk").write_text(raw)
        results[name] = {"path": path, **figures}
        log(f"{label} {name}: {figures['rps']} req/s, p99 {figures['p99_ms']} ms, {figures['errors']} errors")
    return results


def measure_candid(site, args):
    results = {}
    queries = site.script("queries", *PAGES.values())
    for state, seconds in (("on", "600"), ("off", "0")):
        process, base = site.serve(PAGE_CACHE_SECONDS=seconds)
        try:
            if state == "on":
                site.save_pages(base)
                pages, results["minimal-django-view"] = measure_beside_the_limit(site, base, args)
                results["comments"] = measure_comment_posting(site, base, args)
            else:
                pages = measure_pages(base, args.seconds, args.post_seconds, site.out, "candid-cache-off")
                results["scaling"] = measure_scaling(base, args)
            for name, path in PAGES.items():
                pages[name]["queries"] = queries[path][state]
            results[f"cache-{state}"] = pages
        finally:
            stop(process)
    return results


def measure_beside_the_limit(site, base, args):
    """Each page with the cache on, then its bytes from the minimal Django view, page after page.

    A shared machine's speed drifts by a fifth over minutes: measured side by side, the two figures of a
    ratio come from the same minute.
    """
    process, limit = site.serve(app="tests.perf.minimal_site:application", BENCH_PAGES=str(site.pages))
    candid, minimal = {}, {}
    try:
        for name, path in PAGES.items():
            page = {name: path}
            candid |= measure_pages(base, args.seconds, args.post_seconds, site.out, "candid-cache-on", page)
            minimal |= measure_pages(limit, args.seconds, args.seconds, site.out, "limit-django", page)
    finally:
        stop(process)
    return candid, minimal


def measure_comment_posting(site, base, args):
    path = scale_path(SCALE_COUNTS[0])
    before = site.script("comments", scale_slug(SCALE_COUNTS[0]))
    result = comment_load.run(base, path, count=args.comments)
    after = site.script("comments", scale_slug(SCALE_COUNTS[0]))
    stored = sum(after.values()) - sum(before.values())
    result.update(stored=stored, statuses={k: after.get(k, 0) - before.get(k, 0) for k in after})
    log(f"comments: {result['posts_per_s']} POSTs/s, answers {result['answers']}, {stored} stored")
    return result


def measure_scaling(base, args):
    """The post page's time (cache off) with 10, 200 and 2,000 comments."""
    counts = sorted((*SCALE_COUNTS, 200))
    paths = {count: POST_PATH if count == 200 else scale_path(count) for count in counts}
    results = {}
    for count, path in paths.items():
        wrk.wait_idle()
        lone = wrk.lone_request_ms(base + path, times=7)
        figures, _ = wrk.run(base + path, args.seconds)
        results[str(count)] = {"path": path, "lone_ms": lone, **figures}
        log(f"{count} comments: lone {lone} ms, {figures['rps']} req/s")
    return results


def measure_nginx(site, args):
    """Each page's bytes as Candid served them, from nginx as a static file: the other physical limit."""
    if not shutil.which("nginx"):
        return {}
    with nginx(site.pages) as base:
        return {"nginx-static": measure_pages(base, args.seconds, args.seconds, site.out, "limit-nginx")}


class nginx:
    """nginx (Debian's) serving a copy of `folder` on a free loopback port, as Debian's defaults would: 2 workers.

    The copy is in a folder of its own that nginx's unprivileged workers may read, wherever the checkout is.
    """

    def __init__(self, folder):
        self.folder, self.port = folder, free_port()

    def __enter__(self):
        self.served = Path(tempfile.mkdtemp(prefix="candid-bench-"))
        self.served.chmod(0o755)
        shutil.copytree(self.folder, self.served / "pages")
        for path in self.served.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        conf = self.served / "nginx.conf"
        conf.write_text(
            f"worker_processes auto; pid {self.served}/nginx.pid; error_log {self.served}/nginx.log;\n"
            "events { worker_connections 768; }\n"
            f"http {{ access_log off; sendfile on; server {{ listen 127.0.0.1:{self.port}; "
            f"root {self.served / 'pages'}; }} }}\n"
        )
        self.process = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"])
        while not answers("127.0.0.1", self.port):
            time.sleep(0.1)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        stop(self.process)
        shutil.rmtree(self.served, ignore_errors=True)


def measure_wordpress(args, out):
    """The anchor, set up by its own script, with each of its themes."""
    results = {}
    for theme in WORDPRESS_THEMES:
        log(f"WordPress anchor, theme {theme}: setting up (../shared/bench/wordpress/setup.sh)")
        subprocess.run(["bash", str(ANCHOR / "setup.sh")], env={**os.environ, "THEME": theme}, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        pages = measure_pages(WORDPRESS, args.seconds, args.post_seconds, out, f"wordpress-{theme}")
        for name, path in PAGES.items():
            _, body = wrk.fetch(WORDPRESS + path, {"X-Bench-Queries": "1"})
            pages[name]["queries"] = report.wordpress_queries(body)
        results[theme] = pages
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vs-wordpress", action="store_true", help="also set up and measure the WordPress anchor")
    parser.add_argument("--quick", action="store_true", help="2 s per page and 40 comments: a check, not a result")
    parser.add_argument("--export", type=Path, default=ANCHOR / "export.wxr")
    args = parser.parse_args()
    args.seconds, args.post_seconds, args.comments = (2, 2, 40) if args.quick else (15, 60, 300)
    if not args.export.exists():
        raise SystemExit(f"{args.export} is missing: it comes with the WordPress anchor in ../shared/bench/wordpress/")
    wrk.require_wrk()

    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    out = ROOT / "var" / "bench" / stamp
    out.mkdir(parents=True)
    site = Site(out, args.export)
    site.build()
    results = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "database": site.database, "cache": site.cache},
        "settings": {
            "seconds": args.seconds,
            "post_seconds": args.post_seconds,
            "quick": args.quick,
            "wrk": f"-t{wrk.THREADS} -c{wrk.CONNECTIONS} --timeout 30s --latency",
        },  # fmt: skip
        "import_seconds": site.import_seconds,
        "candid": measure_candid(site, args),
    }
    results["limits"] = {
        "minimal-django-view": results["candid"].pop("minimal-django-view"),
        **measure_nginx(site, args),
    }
    if args.vs_wordpress:
        results["wordpress"] = measure_wordpress(args, out)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    table = report.markdown(results)
    (out / "results.md").write_text(table)
    (ROOT / "var" / "bench" / "latest.md").write_text(table)
    print(table)
    log(f"results: {out.relative_to(ROOT)}/results.md and results.json")
    return report.errors(results)


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
