"""When a service goes down under a running site: the database, Redis; and a stop signal mid-request."""

import contextlib
import os
import random
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

from comments.models import Comment, thread_path
from config.cache import OPEN_SECONDS
from tests.factories import CommentFactory, PostFactory
from tests.over_http import a_minute_ago, account, form_fields, log_in, post_comment
from tests.servers import (
    SERVER_ENGINES,
    SITE_HOST,
    Relay,
    answers,
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

    def start(service, workers=1, **env):
        if service == "database":
            relay = Relay(database_port())
            overrides = {"DATABASE_URL": database_url(relay.port)}
        else:
            relay = Relay(6379)
            overrides = {"REDIS_URL": f"redis://127.0.0.1:{relay.port}/15"}
        relay.start()
        env = production_env(tmp_path, WEB_CONCURRENCY=str(workers), **overrides, **env)
        collect_static(env)
        server, base = start_gunicorn(env)
        running.append((server, relay))
        return server, base, relay

    subprocess.run(["redis-cli", "-n", "15", "flushdb"], capture_output=True)
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


# --- Redis away: refusing, or hanging --------------------------------------------------------------------

OUTAGE_SECONDS_AT_MOST = 1.5  # what a reader may wait for a page while Redis is away (one short timeout)


def guess_password(session, base, username):
    token = form_fields(session.get(base + "/accounts/login/").text)["csrfmiddlewaretoken"]
    data = {"login": username, "password": "wrong", "csrfmiddlewaretoken": token}
    return session.post(base + "/accounts/login/", data=data, headers={"Referer": base + "/"})


def timed_get(session, url):
    started = time.monotonic()
    response = session.get(url, timeout=30)
    return response, time.monotonic() - started


@pytest.mark.skipif(not answers("127.0.0.1", 6379), reason="needs Redis on 127.0.0.1:6379")
@pytest.mark.parametrize("outage", ["refusing", "hanging"])
def test_while_redis_is_away_pages_come_quickly_readers_log_in_and_nothing_is_stale_after(
    site_behind, configure, outage
):
    configure(comment_flood_seconds=0, hold_first_comments=False)
    post = PostFactory(title="Through the outage")
    account("rita")
    _, base, relay = site_behind("redis", workers=2)
    reader = requests.Session()
    for _ in range(6):  # cached in the shared cache, and in both workers' memory
        assert reader.get(base + post.get_absolute_url()).status_code == 200
    assert reader.get(base + post.get_absolute_url()).headers["X-Page-Cache"] == "hit"

    relay.stop() if outage == "refusing" else relay.hang()
    for url in ("/", post.get_absolute_url(), "/feed/", f"/{post.published_at:%Y}/", post.get_absolute_url()):
        response, seconds = timed_get(requests.Session(), base + url)
        assert response.status_code == 200 and seconds < OUTAGE_SECONDS_AT_MOST, (url, seconds)
    commenter = requests.Session()
    assert post_comment(commenter, base, post, "Said while Redis was away.", issued=a_minute_ago()).status_code == 302
    assert Comment.objects.get(body="Said while Redis was away.").status == Comment.Status.APPROVED
    staff = requests.Session()
    assert log_in(staff, base, "rita").status_code == 302
    settings_page = staff.get(base + "/accounts/settings/", allow_redirects=False)
    assert settings_page.status_code == 200 and "rita" in settings_page.text
    guesser = requests.Session()
    guesser.headers["Host"] = SITE_HOST  # allauth counts failed attempts per site and login
    # Each worker allows 5 failed attempts on its own; the two need not share the guesses evenly.
    refused = sum("Too many failed login attempts" in guess_password(guesser, base, "rita").text for _ in range(12))
    assert refused >= 12 - 2 * 5

    relay.start() if outage == "refusing" else relay.recover()
    served_from_the_cache = 0
    deadline = time.monotonic() + 3 * OPEN_SECONDS
    while served_from_the_cache < 6 and time.monotonic() < deadline:  # until both workers use Redis again
        page = requests.get(base + post.get_absolute_url())
        assert "Said while Redis was away." in page.text, page.headers.get("X-Page-Cache")
        served_from_the_cache += page.headers.get("X-Page-Cache") in ("hit", "miss")
        time.sleep(0.2)
    assert served_from_the_cache == 6
    assert staff.get(base + "/accounts/settings/", allow_redirects=False).status_code == 200


# --- A worker killed mid-write -----------------------------------------------------------------------------


def workers_of(server):
    return [int(pid) for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()]


def test_workers_killed_while_comments_are_posted_leave_every_stored_comment_whole(site_behind, configure):
    configure(comment_flood_seconds=0, hold_first_comments=False)
    post = PostFactory(title="Under fire")
    first = CommentFactory(post=post)
    server, base, _ = site_behind("database", workers=2)
    deadline = time.monotonic() + 12
    kills = 0

    def keep_commenting(n):
        session = requests.Session()
        while time.monotonic() < deadline:
            parents = [first.pk, *Comment.objects.filter(post=post).values_list("pk", flat=True)[:50]]
            try:
                body, parent = f"Reply {n}-{time.monotonic_ns()}", random.choice(parents)
                post_comment(session, base, post, body, parent=parent, issued=a_minute_ago())
            except requests.RequestException:
                session = requests.Session()  # its worker was killed under it
        connection.close()

    senders = [threading.Thread(target=keep_commenting, args=(n,)) for n in range(4)]
    for sender in senders:
        sender.start()
    while time.monotonic() < deadline:
        time.sleep(random.uniform(0.3, 0.8))  # a new worker warms up before it serves quickly
        for pid in workers_of(server)[:1]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
                kills += 1
    for sender in senders:
        sender.join(timeout=60)

    comments = {c.pk: c for c in Comment.objects.filter(post=post)}
    assert kills >= 10 and len(comments) > 20
    for comment in comments.values():
        parent_path = comments[comment.parent_id].path if comment.parent_id else ""
        assert comment.path == thread_path(parent_path, comment.pk), comment.pk


def test_forms_work_again_as_soon_as_the_database_is_back(site_behind, configure):
    configure(comment_flood_seconds=0, hold_first_comments=False)
    post = PostFactory(title="Posted after the outage")
    account("rita")
    _, base, relay = site_behind("database", workers=2, REDIS_URL="redis://127.0.0.1:6379/15")
    reader, staff = requests.Session(), requests.Session()
    assert post_comment(reader, base, post, "Before.", issued=a_minute_ago()).status_code == 302
    for _ in range(4):  # cached, for both workers
        requests.get(base + post.get_absolute_url())

    relay.stop()
    for _ in range(4):  # refused for its missing CSRF token, with a page that needs the database
        assert reader.post(base + "/comments/post/", data={"post": post.pk}).status_code == 503
        assert post_comment(reader, base, post, "During.").status_code == 503
        assert staff.get(base + "/accounts/login/").status_code == 503
        assert requests.get(base + post.get_absolute_url()).status_code == 200  # from the page cache
    relay.start()
    wait_for(lambda: requests.get(base + "/healthz").status_code == 200)
    for n in range(4):  # on both workers
        assert post_comment(reader, base, post, f"After, {n}.", issued=a_minute_ago()).status_code == 302
    assert log_in(staff, base, "rita").status_code == 302
