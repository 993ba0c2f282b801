"""A short soak in CI: readers and commenters at once against gunicorn on PostgreSQL (make soak runs it longer)."""

import os

import pytest
from django.db import connection

from comments.models import Comment
from tests.factories import PostFactory
from tests.perf.soak import soak
from tests.servers import SERVER_ENGINES, collect_static, production_env, start_gunicorn, stop

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor not in SERVER_ENGINES, reason="many writers at once need a server database"),
]

SECONDS = int(os.environ.get("SOAK_SECONDS", 10))
CLIENTS = int(os.environ.get("SOAK_CLIENTS", 6))
MEMORY_GROWTH_LIMIT_KB = 30 * 1024


def test_mixed_reading_and_commenting_loses_nothing_and_fails_nothing(tmp_path, configure):
    configure(comment_flood_seconds=0, hold_first_comments=False)
    post = PostFactory(title="Soaked")
    env = production_env(tmp_path, WEB_CONCURRENCY="2")
    collect_static(env)
    server, base = start_gunicorn(env)
    try:
        tally, (memory_before, memory_after) = soak(base, server.pid, post.get_absolute_url(), post.pk,
                                                    SECONDS, CLIENTS)  # fmt: skip
    finally:
        stop(server)
    print(f"\nsoak: {tally.requests} requests in {SECONDS} s by {CLIENTS} clients, {len(tally.accepted)} comments, "
          f"workers {memory_before // 1024} MB -> {memory_after // 1024} MB")  # fmt: skip
    assert tally.server_errors == []
    assert tally.accepted, "no comment was accepted"
    stored = list(Comment.objects.filter(post=post, body__startswith="Soak comment").values_list("body", flat=True))
    assert sorted(stored) == sorted(tally.accepted)  # every accepted comment, exactly once
    assert memory_after - memory_before < MEMORY_GROWTH_LIMIT_KB
