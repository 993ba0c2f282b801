"""Measuring one page over HTTP: wrk's load run, lone requests, and waiting for the CPUs to settle.

The same measurements for Candid, the physical limits and the WordPress anchor, with the settings of
the anchor's bench.sh (../shared/bench/wordpress/): `wrk -t2 -c16 --timeout 30s --latency`.
"""

import re
import shutil
import statistics
import subprocess
import time
import urllib.request

THREADS, CONNECTIONS = 2, 16
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def require_wrk():
    """wrk, from Debian's package (installed here when missing and allowed)."""
    if shutil.which("wrk") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")


def fetch(url, headers=None):
    """(status, body) of one GET."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (our own loopback URLs)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def lone_request_ms(url, times=5):
    """The median time of `times` requests one after another, in ms (they warm the server up too)."""
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        fetch(url)
        durations.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(durations), 2)


def wait_idle(limit=60):
    """Wait until the CPUs are at least 90 % idle over half a second (the last run's stragglers are done)."""

    def sample():
        with open("/proc/stat") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields)

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        idle_a, total_a = sample()
        time.sleep(0.5)
        idle_b, total_b = sample()
        if (idle_b - idle_a) * 10 >= (total_b - total_a) * 9:
            return


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)([a-z]+)", text).groups()
    return round(float(number) * UNITS_MS[unit], 2)


def parse(output):
    """The figures of wrk's --latency output."""
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": float(re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M).group(1)),
        # No latency lines when no request finished within the run.
        "p50_ms": to_ms(latency["50"]) if latency else None,
        "p99_ms": to_ms(latency["99"]) if latency else None,
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0),
    }


def run(url, seconds):
    """A wrk run against `url`; the figures and wrk's own output."""
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s", "--latency", url],
        capture_output=True, text=True, check=True, timeout=seconds + 60,
    ).stdout  # fmt: skip
    return parse(output), output


def measure(url, seconds):
    """Everything the anchor's table has for one page, but the SQL queries (each site counts its own)."""
    wait_idle()
    status, body = fetch(url)
    if status != 200:
        raise SystemExit(f"{url} answered {status}: is the site serving the bench corpus?")
    _, gzipped = fetch(url, {"Accept-Encoding": "gzip"})
    lone = lone_request_ms(url)
    figures, output = run(url, seconds)
    return {**figures, "lone_ms": lone, "bytes": len(body), "gzip_bytes": len(gzipped)}, output
