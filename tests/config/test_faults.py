"""When a service goes down under a running site: the database, Redis; and a stop signal mid-request."""

import signal
import threading
import time

import pytest
import requests
from django.db import connection

from tests.factories import PostFactory
from tests.servers import (
    SERVER_ENGINES,
    Relay,
    collect_static,
    database_port,
    database_url,
    production_env,
    start_gunicorn,
    stop,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor not in SERVER_ENGINES, reason="needs the suite to run on PostgreSQL or MariaDB"
    ),
]


@pytest.fixture
def site_behind(tmp_path):
    """`site_behind(service)`: one gunicorn whose database ("database") or Redis ("redis") is reached
    through a relay the test can cut; returns (gunicorn process, base URL, relay)."""
    running = []

    def start(service):
        if service == "database":
            relay = Relay(database_port())
            overrides = {"DATABASE_URL": database_url(relay.port)}
        else:
            relay = Relay(6379)
            overrides = {"REDIS_URL": f"redis://127.0.0.1:{relay.port}/15"}
        relay.start()
        env = production_env(tmp_path, WEB_CONCURRENCY="1", **overrides)
        collect_static(env)
        server, base = start_gunicorn(env)
        running.append((server, relay))
        return server, base, relay

    yield start
    for server, relay in running:
        if server.poll() is None:
            stop(server)
        relay.stop()


def wait_for(check, seconds=15):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline
        time.sleep(0.3)


def test_database_outage_gives_503_pages_and_the_site_recovers_without_a_restart(site_behind):
    PostFactory(title="Still here")
    _, base, relay = site_behind("database")
    assert "Still here" in requests.get(base + "/").text

    relay.stop()
    down = requests.get(base + "/")
    assert down.status_code == 503 and "Back in a moment" in down.text
    assert down.headers["Retry-After"] == "30"
    assert requests.get(base + "/healthz").status_code == 503

    relay.start()
    wait_for(lambda: requests.get(base + "/healthz").status_code == 200)
    assert "Still here" in requests.get(base + "/").text


def test_redis_outage_leaves_the_site_serving(site_behind):
    PostFactory(title="Cached or not")
    _, base, relay = site_behind("redis")
    assert requests.get(base + "/").status_code == 200
    relay.stop()
    response = requests.get(base + "/")
    assert response.status_code == 200 and "Cached or not" in response.text


def test_a_stop_signal_lets_the_request_in_flight_finish(site_behind):
    PostFactory(title="Worth the wait")
    server, base, relay = site_behind("database")
    requests.get(base + "/")  # warm up: the worker and its database connection exist
    relay.delay = 0.3  # every database answer now takes 0.3 s: the home page takes seconds
    result = {}
    slow = threading.Thread(target=lambda: result.update(response=requests.get(base + "/", timeout=60)))
    slow.start()
    time.sleep(1)  # the request is being served
    server.send_signal(signal.SIGTERM)
    slow.join(timeout=60)
    assert result["response"].status_code == 200 and "Worth the wait" in result["response"].text
    assert server.wait(timeout=40) == 0
