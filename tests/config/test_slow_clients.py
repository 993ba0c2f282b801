"""Slow clients (half a request, then waiting) against the shipped nginx configuration in front of gunicorn."""

import contextlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

from tests.factories import PostFactory
from tests.servers import ROOT, SERVER_ENGINES, answers, collect_static, free_port, production_env, start_gunicorn, stop

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor not in SERVER_ENGINES, reason="needs the suite to run on PostgreSQL or MariaDB"
    ),
    pytest.mark.skipif(not shutil.which("nginx"), reason="needs nginx (apt install nginx-light)"),
]

SLOW_CLIENTS = 20  # against one gunicorn worker


@contextlib.contextmanager
def shipped_nginx(upstream_port):
    """nginx with config/nginx.conf's server block, on a free loopback port and without TLS, in front of gunicorn."""
    port, folder = free_port(), Path(tempfile.mkdtemp(prefix="candid-nginx-"))
    folder.chmod(0o777)  # nginx's unprivileged workers keep their request buffers here
    server = (ROOT / "config" / "nginx.conf").read_text()
    server = re.sub(r"^\s*(listen|ssl_).*\n", "", server, flags=re.MULTILINE)
    server = server.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    server = server.replace("127.0.0.1:8000", f"127.0.0.1:{upstream_port}")
    temp = " ".join(
        f"{kind}_temp_path {folder}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"worker_processes 1; pid {folder}/nginx.pid; error_log {folder}/error.log;\n"
        f"events {{ worker_connections 256; }}\nhttp {{ access_log off; {temp}\n{server}\n}}\n"
    )
    process = subprocess.Popen(["nginx", "-c", str(folder / "nginx.conf"), "-g", "daemon off;"])
    try:
        deadline = time.monotonic() + 10
        while not answers("127.0.0.1", port):
            assert process.poll() is None and time.monotonic() < deadline, (folder / "error.log").read_text()
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def half_requests(base, count):
    """`count` connections to `base`, each having sent half its headers, or its headers and half its body, and
    now waiting."""
    host, port = base.removeprefix("http://").split(":")
    halves = [
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow",
        b"POST /comments/post/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n\r\ncomment=Half",
    ]
    sockets = []
    for n in range(count):
        sock = socket.create_connection((host, int(port)), 5)
        sock.sendall(halves[n % 2])
        sockets.append(sock)
    return sockets


@pytest.fixture
def one_worker(tmp_path):
    env = production_env(tmp_path, WEB_CONCURRENCY="1", BEHIND_PROXY="1")
    collect_static(env)
    server, base = start_gunicorn(env)
    yield base
    stop(server)


def test_behind_the_shipped_nginx_slow_clients_leave_the_worker_free_for_readers(one_worker):
    post = PostFactory(title="Read at leisure")
    with shipped_nginx(int(one_worker.rsplit(":", 1)[1])) as base:
        slow = half_requests(base, SLOW_CLIENTS)
        try:
            for _ in range(3):
                page = requests.get(base + post.get_absolute_url(), timeout=10)
                assert page.status_code == 200 and "Read at leisure" in page.text
        finally:
            for sock in slow:
                sock.close()


def test_gunicorn_facing_clients_itself_is_held_by_one_of_them(one_worker):
    """Why nginx must face the network (README, Deploying): the same worker, reached directly, is held."""
    slow = half_requests(one_worker, 1)
    try:
        with pytest.raises(requests.exceptions.ReadTimeout):
            requests.get(one_worker + "/", timeout=2)
    finally:
        slow[0].close()
