"""The benchmark's results as Markdown: each run's table, the ratios, and the issue's targets met or missed."""

import re

COLUMNS = ("rps", "p50_ms", "p99_ms", "errors", "lone_ms", "bytes", "gzip_bytes", "queries")
HEADINGS = ("req/s", "p50 ms", "p99 ms", "errors", "lone req ms", "HTML bytes", "gzip bytes", "SQL queries")
TARGET_CACHED, TARGET_UNCACHED, TARGET_OF_LIMIT = 5.0, 1.5, 0.5
POST = "post-200-comments"


def wordpress_queries(body):
    """The query count the anchor's must-use plugin prints at the end of a page."""
    found = re.search(rb"<!-- bench: (\d+) queries", body)
    return int(found.group(1)) if found else None


def table(pages):
    lines = ["| page | path | " + " | ".join(HEADINGS) + " |", "|---|---|" + "---:|" * len(HEADINGS)]
    for name, figures in pages.items():
        cells = [str(figures.get(column, "")) if figures.get(column) is not None else "?" for column in COLUMNS]
        lines.append(f"| {name} | {figures['path']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ratio(a, b):
    return round(a / b, 2) if a and b else None


def ratios(results):
    """Candid's req/s over WordPress's (per theme) and over the minimal view's, per page."""
    candid, wordpress = results["candid"], results.get("wordpress", {})
    limit = results["limits"]["minimal-django-view"]
    rows = {}
    for name in candid["cache-on"]:
        row = {"on / limit": ratio(candid["cache-on"][name]["rps"], limit[name]["rps"])}
        for theme, pages in wordpress.items():
            for state in ("on", "off"):
                row[f"{state} / {theme}"] = ratio(candid[f"cache-{state}"][name]["rps"], pages[name]["rps"])
        rows[name] = row
    return rows


def targets(results, rows):
    """Each of the issue's targets, as (what, met)."""
    candid = results["candid"]
    checks = []
    for name, row in rows.items():
        for key, value in row.items():
            goal = TARGET_CACHED if key.startswith("on") else TARGET_UNCACHED
            goal = TARGET_OF_LIMIT if key == "on / limit" else goal
            checks.append((f"{name}: Candid {key} = {value} (target ≥ {goal})", value is not None and value >= goal))
    post_on = candid["cache-on"][POST]
    checks.append((f"{POST}: {post_on['queries']} SQL queries with the cache on, "
                   f"{candid['cache-off'][POST]['queries']} off (target ≤ 10)",
                   candid["cache-off"][POST]["queries"] <= 10))  # fmt: skip
    checks.append((f"{POST}: p99 {post_on['p99_ms']} ms at 16 connections, cache on (target < 50)",
                   post_on["p99_ms"] is not None and post_on["p99_ms"] < 50))  # fmt: skip
    scaling = candid["scaling"]
    growth = ratio(scaling["2000"]["lone_ms"], scaling["200"]["lone_ms"])
    checks.append((f"post page 200 → 2,000 comments, cache off: {growth}× the time (target ≤ 12×)",
                   growth is not None and growth <= 12))  # fmt: skip
    comments = candid["comments"]
    accepted = comments["answers"].get("302", 0)
    checks.append((f"comments: {accepted} accepted, {comments['stored']} stored (every one exactly once)",
                   accepted == comments["stored"]))  # fmt: skip
    return checks


def errors(results):
    """Errors in Candid's runs (non-2xx answers, socket errors, lost comments): a run with any has failed."""
    candid = results["candid"]
    count = sum(page["errors"] for state in ("cache-on", "cache-off") for page in candid[state].values())
    count += sum(run["errors"] for run in candid["scaling"].values())
    comments = candid["comments"]
    return count + abs(comments["answers"].get("302", 0) - comments["stored"])


def markdown(results):
    machine, settings = results["machine"], results["settings"]
    parts = [
        f"# Candid benchmark, {results['when']}",
        f"{machine['cpus']} CPUs; database {machine['database']}; cache {machine['cache']}; "
        f"wrk {settings['wrk']}, {settings['seconds']} s a page ({settings['post_seconds']} s for the "
        f"200-comment post){'; QUICK RUN, not a result' if settings['quick'] else ''}. "
        # Runs from before the corpus was recorded all served the anchor's export.
        f"Corpus: {results.get('corpus', 'the WordPress anchor export')}, imported in {results['import_seconds']} s.",
    ]
    for state in ("on", "off"):
        parts += [f"## Candid, page cache {state}", table(results["candid"][f"cache-{state}"])]
    for theme, pages in results.get("wordpress", {}).items():
        parts += [f"## WordPress anchor, theme {theme}", table(pages)]
    for limit, pages in results["limits"].items():
        parts += [f"## Physical limit: {limit} (each page's bytes as Candid served them)", table(pages)]
    rows = ratios(results)
    keys = list(next(iter(rows.values())))
    parts += [
        "## Ratios (req/s)",
        "| page | "
        + " | ".join(keys)
        + " |\n|---|"
        + "---:|" * len(keys)
        + "\n"
        + "\n".join(f"| {name} | " + " | ".join(str(row[key]) for key in keys) + " |" for name, row in rows.items()),
    ]
    scaling = results["candid"]["scaling"]
    parts += [
        "## Post page by comment count (page cache off)",
        "| comments | lone req ms | req/s | p99 ms |\n|---:|---:|---:|---:|\n"
        + "\n".join(f"| {n} | {s['lone_ms']} | {s['rps']} | {s['p99_ms']} |" for n, s in scaling.items()),
    ]
    comments = results["candid"]["comments"]
    parts += [
        "## Posting comments (anonymous guests, full anti-spam stack, flood delay off)",
        f"{comments['posts']} comments from {comments['concurrency']} threads in {comments['seconds']} s: "
        f"**{comments['posts_per_s']} POSTs/s**; answers {comments['answers']}; stored {comments['stored']} "
        f"({comments['statuses']}).",
    ]
    checks = targets(results, rows)
    parts += ["## Targets", "\n".join(f"- {'met' if met else '**missed**'}: {what}" for what, met in checks)]
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":  # python tests/perf/report.py var/bench/TIME/results.json: the table again
    import json
    import sys
    from pathlib import Path

    print(markdown(json.loads(Path(sys.argv[1]).read_text())))
