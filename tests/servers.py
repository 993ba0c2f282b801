"""Running Candid for real in tests: gunicorn processes, and a TCP relay that can cut a service off."""

import contextlib
import os
import select
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
SITE_HOST = "blog.test"  # what a proxy in front of the instances would pass on


def answers(host, port):
    try:
        socket.create_connection((host, port), 1).close()
        return True
    except OSError:
        return False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVER_ENGINES = {"postgresql": ("postgres", 5432), "mysql": ("mysql", 3306)}  # the engines gunicorn tests run on


def database_port():
    return int(connection.settings_dict["PORT"] or SERVER_ENGINES[connection.vendor][1])


def database_url(port=None):
    """The test database's URL (PostgreSQL or MariaDB), optionally through another local port."""
    db = connection.settings_dict
    scheme = SERVER_ENGINES[connection.vendor][0]
    return f"{scheme}://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{port or database_port()}/{db['NAME']}"


def production_env(var_dir, **overrides):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": f"127.0.0.1,{SITE_HOST}",
        "STAFF_2FA": "0",
        "VAR_DIR": str(var_dir),
        "DATABASE_URL": database_url(),
        "WEB_CONCURRENCY": "2",
        **overrides,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def collect_static(env):
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)


def start_gunicorn(env):
    """Start gunicorn on a free port; return (process, base URL) once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT, env={**env, "PORT": str(port)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while not answers("127.0.0.1", port):
        assert process.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
        time.sleep(0.2)
    return process, f"http://127.0.0.1:{port}"


def stop(process):
    process.terminate()
    process.wait(timeout=40)


class Relay:
    """Forward a local port to a service, and cut it off (as if the service went down) and back on."""

    def __init__(self, target_port, port=None, delay=0.0):
        self.target = ("127.0.0.1", target_port)
        self.delay = delay  # seconds added to each answer from the service: a slow database
        self.hanging = False  # connections are taken, and nothing goes through: a service that hangs
        self.port = port or free_port()
        self.pairs = []
        self.listener = None

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def hang(self):
        self.hanging = True

    def recover(self):
        """End a hang as a network does that comes back: the connections that hung are broken."""
        self.stop()
        self.hanging = False
        self.start()

    def stop(self):
        """Refuse new connections and break the open ones."""
        for s in (self.listener, *(s for pair in self.pairs for s in pair)):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)  # wakes the threads blocked on them; close() alone would not
            s.close()
        self.pairs = []

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.pairs.append((client, upstream))
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, a, b):
        try:
            while True:
                if self.hanging:
                    time.sleep(0.05)
                    continue
                ready, _, _ = select.select([a, b], [], [], 1)
                for source in ready:
                    data = source.recv(65536)
                    if not data:
                        return
                    if source is b and self.delay:
                        time.sleep(self.delay)
                    (b if source is a else a).sendall(data)
        except (OSError, ValueError):  # ValueError: a socket closed by stop() under it
            return
