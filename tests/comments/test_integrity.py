"""Comments are written whole, threads have no depth that loses replies, and the duplicate and flood rules
hold for requests that arrive at the same instant."""

import datetime
import threading
import time

import pytest
from django.db import OperationalError, connection, connections, transaction
from django.test import Client, RequestFactory
from django.utils import timezone

from comments.editing import fingerprint
from comments.models import PATH_LEVELS, Claim, Comment, thread_path
from comments.moderation import moderate
from core import claims
from tests.commenting import form_data, refused_page
from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_a_failure_between_the_comments_two_writes_leaves_nothing_behind(post):
    def fail_the_path_update(execute, sql, params, many, context):
        if sql.startswith("UPDATE") and "path" in sql:
            raise OperationalError("the worker died here")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_the_path_update), pytest.raises(OperationalError):
        CommentFactory(post=post)
    assert not Comment.objects.exists()


def test_replies_deeper_than_the_path_holds_are_kept_after_their_parent(post):
    chain = [CommentFactory(post=post, parent=None)]
    for _ in range(PATH_LEVELS + 10):
        chain.append(CommentFactory(post=post, parent=chain[-1]))
    stored = list(Comment.objects.filter(post=post))
    assert [c.pk for c in stored] == [c.pk for c in chain]  # thread order is the order of the conversation
    assert max(len(c.path) for c in stored) <= Comment._meta.get_field("path").max_length
    assert [c.parent_id for c in stored[1:]] == [c.pk for c in chain[:-1]]  # each still answers its own


def test_the_path_of_a_deep_reply_hangs_it_from_the_deepest_stored_level():
    deepest = "/".join(f"{n:010d}" for n in range(1, PATH_LEVELS + 1))
    assert thread_path(deepest, 99) == "/".join([*deepest.split("/")[:-1], f"{99:010d}"])
    assert thread_path("", 7) == "0000000007"


def test_a_claim_is_taken_once_until_it_expires_and_can_be_given_back():
    key = claims.key_for("flood", "ip:203.0.113.5")
    assert claims.take(key, 30) and not claims.take(key, 30)
    Claim.objects.filter(key=key).update(until=timezone.now() - datetime.timedelta(seconds=1))
    assert claims.take(key, 30)
    claims.give_back(key)
    assert claims.take(key, 30)


def test_claims_long_expired_are_cleared_away():
    Claim.objects.create(key="old", until=timezone.now() - claims.KEEP_EXPIRED - datetime.timedelta(minutes=1))
    claims.take(claims.key_for("anything"), 30)
    assert not Claim.objects.filter(key="old").exists()


def test_a_comment_refused_as_too_fast_may_be_sent_again_once_the_delay_is_over(client, post, configure):
    configure(comment_flood_seconds=30, hold_first_comments=False)
    client.post("/comments/post/", form_data(post, body="First."), REMOTE_ADDR="203.0.113.9")
    refused = client.post("/comments/post/", form_data(post, body="Second."), REMOTE_ADDR="203.0.113.9")
    assert "You are posting comments too quickly." in refused_page(client, refused)
    Claim.objects.update(until=timezone.now() - datetime.timedelta(seconds=1))  # the delay is over
    assert client.post("/comments/post/", form_data(post, body="Second."), REMOTE_ADDR="203.0.113.9").status_code == 302
    assert list(Comment.objects.values_list("body", flat=True)) == ["First.", "Second."]


# --- At the same instant -----------------------------------------------------------------------------------

SIMULTANEOUS = 20


def outcome(page):
    if "Duplicate comment detected" in page:
        return "duplicate"
    return "too fast" if "You are posting comments too quickly." in page else "refused otherwise"


def send_at_once(bodies, ip="203.0.113.7"):
    """POST the comments of `bodies` from as many threads, released together; what each was answered."""
    post = PostFactory()
    start = threading.Barrier(len(bodies))
    statuses = []

    def send(body):
        client = Client()
        try:
            start.wait()
            response = client.post("/comments/post/", form_data(post, body=body), REMOTE_ADDR=ip)
            statuses.append("posted" if response.status_code == 302 else outcome(refused_page(client, response)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return sorted(statuses)


needs_a_server = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="SQLite runs one writer at a time: needs PostgreSQL or MariaDB"
)


@needs_a_server
@pytest.mark.django_db(transaction=True)
def test_identical_comments_sent_at_the_same_instant_are_stored_once(configure):
    configure(comment_flood_seconds=0, hold_first_comments=False)
    statuses = send_at_once(["Same words, twenty times."] * SIMULTANEOUS)
    assert Comment.objects.count() == 1
    assert statuses == ["duplicate"] * (SIMULTANEOUS - 1) + ["posted"]


@needs_a_server
@pytest.mark.django_db(transaction=True)
def test_comments_sent_at_the_same_instant_from_one_address_pass_the_flood_delay_once(configure):
    configure(comment_flood_seconds=30, hold_first_comments=False)
    statuses = send_at_once([f"Comment number {n}." for n in range(SIMULTANEOUS)])
    assert Comment.objects.count() == 1
    assert statuses == ["posted"] + ["too fast"] * (SIMULTANEOUS - 1)


@needs_a_server
@pytest.mark.django_db(transaction=True)
def test_a_writers_edit_waits_for_a_moderators_decision_in_progress_and_keeps_it(configure):
    configure(comment_flood_seconds=0, hold_first_comments=False)
    post = PostFactory()
    writer = Client()
    writer.post("/comments/post/", form_data(post, body="Hazel rods."), REMOTE_ADDR="203.0.113.7")
    comment = Comment.objects.get()
    locked = threading.Event()

    def mark_spam_slowly():
        try:
            with transaction.atomic():  # as the admin's change form decides, inside its transaction
                moderate(RequestFactory().get("/"), [Comment.objects.get(pk=comment.pk)], Comment.Status.SPAM)
                locked.set()  # its UPDATE holds the row until the transaction ends
                time.sleep(1)  # the writer's edit arrives meanwhile, and must wait for this decision
        finally:
            connections.close_all()

    moderator = threading.Thread(target=mark_spam_slowly)
    moderator.start()
    assert locked.wait(30)
    response = writer.post(f"/comments/{comment.pk}/edit/", {"body": "Buy pills.", "seen": fingerprint("Hazel rods.")})
    moderator.join(30)
    # 409 when the edit met the decision at the lock; 403 had it arrived after (on a slow machine).
    assert response.status_code in (409, 403) and "has been removed" in response.content.decode()
    comment.refresh_from_db()
    assert (comment.status, comment.body) == ("spam", "Hazel rods.")
