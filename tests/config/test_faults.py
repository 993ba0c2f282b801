"""When a service goes down under a running site: the database, Redis."""

import time

import pytest
import requests
from django.db import connection

from tests.factories import PostFactory
from tests.servers import Relay, collect_static, database_url, production_env, start_gunicorn, stop

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs the suite to run on PostgreSQL"),
]


def wait_for(check, seconds=15):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline
        time.sleep(0.3)


def test_database_outage_gives_503_pages_and_the_site_recovers_without_a_restart(tmp_path):
    PostFactory(title="Still here")
    relay = Relay(int(connection.settings_dict["PORT"] or 5432))
    relay.start()
    env = production_env(tmp_path, DATABASE_URL=database_url(relay.port), WEB_CONCURRENCY="1")
    collect_static(env)
    server, base = start_gunicorn(env)
    try:
        assert "Still here" in requests.get(base + "/").text

        relay.stop()
        down = requests.get(base + "/")
        assert down.status_code == 503 and "Back in a moment" in down.text
        assert down.headers["Retry-After"] == "30"
        assert requests.get(base + "/healthz").status_code == 503

        relay.start()
        wait_for(lambda: requests.get(base + "/healthz").status_code == 200)
        assert "Still here" in requests.get(base + "/").text
    finally:
        stop(server)
        relay.stop()


def test_redis_outage_leaves_the_site_serving(tmp_path):
    PostFactory(title="Cached or not")
    relay = Relay(6379)
    relay.start()
    env = production_env(tmp_path, REDIS_URL=f"redis://127.0.0.1:{relay.port}/15", WEB_CONCURRENCY="1")
    collect_static(env)
    server, base = start_gunicorn(env)
    try:
        assert requests.get(base + "/").status_code == 200
        relay.stop()
        response = requests.get(base + "/")
        assert response.status_code == 200 and "Cached or not" in response.text
    finally:
        stop(server)
        relay.stop()


def test_a_stop_signal_lets_the_request_in_flight_finish(tmp_path):
    import signal
    import threading

    PostFactory(title="Worth the wait")
    relay = Relay(int(connection.settings_dict["PORT"] or 5432))
    relay.start()
    env = production_env(tmp_path, DATABASE_URL=database_url(relay.port), WEB_CONCURRENCY="1")
    collect_static(env)
    server, base = start_gunicorn(env)
    requests.get(base + "/")  # warm up: the worker and its database connection exist
    relay.delay = 0.3  # every database answer now takes 0.3 s: the home page takes seconds
    result = {}
    slow = threading.Thread(target=lambda: result.update(response=requests.get(base + "/", timeout=60)))
    slow.start()
    time.sleep(1)  # the request is being served
    server.send_signal(signal.SIGTERM)
    slow.join(timeout=60)
    relay.stop()
    assert result["response"].status_code == 200 and "Worth the wait" in result["response"].text
    assert server.wait(timeout=40) == 0
