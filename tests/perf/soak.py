"""Soak: readers and commenters at once against the production stack on loopback.

    make soak                          # 60 s, 8 clients, on the database DATABASE_URL names
    SOAK_SECONDS=600 make soak         # longer

Each client reads pages and posts comments with unique texts. At the end: no 5xx,
every comment the site accepted is in the database exactly once, and the workers'
memory did not keep growing. `tests/perf/test_soak.py` runs a short version in CI.
"""

import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

FIELDS = re.compile(r'name="(csrfmiddlewaretoken|issued)" value="([^"]+)"')


@dataclass
class Tally:
    requests: int = 0
    server_errors: list = field(default_factory=list)
    accepted: list = field(default_factory=list)  # bodies of comments answered with a redirect
    lock: threading.Lock = field(default_factory=threading.Lock)


def client_loop(base, post_url, post_id, deadline, tally, number):
    session = requests.Session()
    n = 0
    while time.monotonic() < deadline:
        n += 1
        page = session.get(base + post_url, timeout=30)
        home = session.get(base + "/", timeout=30)
        data = {**dict(FIELDS.findall(page.text)), "post": post_id, "name": f"Soak {number}",
                "email": f"soak{number}@example.org", "body": f"Soak comment {number}-{n}"}  # fmt: skip
        posted = session.post(base + "/comments/post/", data=data, headers={"Referer": base + "/"},
                              allow_redirects=False, timeout=30)  # fmt: skip
        with tally.lock:
            tally.requests += 3
            for response in (page, home, posted):
                if response.status_code >= 500:
                    tally.server_errors.append(f"{response.status_code} {response.url}")
            if posted.status_code == 302:
                tally.accepted.append(data["body"])


def worker_memory_kb(master_pid):
    """Resident memory of gunicorn's workers (the master's children), from /proc."""
    total = 0
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])
    return total


def soak(base, master_pid, post_url, post_id, seconds, clients):
    """Run the clients for `seconds`; return the tally and the workers' memory (start, end) in kB."""
    tally = Tally()
    # Warm up first, so the memory baseline is a worker that has served each kind of request.
    client_loop(base, post_url, post_id, time.monotonic() + 2, tally, 0)
    start_memory = worker_memory_kb(master_pid)
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(base, post_url, post_id, deadline, tally, n + 1))
               for n in range(clients)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, (start_memory, worker_memory_kb(master_pid))
