"""E-mail about comments: the post's author, and commenters who confirmed they want replies."""

import re

import pytest
from django.test import Client

from comments.models import Comment
from tests.commenting import send
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def links(message):
    return re.findall(r"http://testserver(/\S+)", message.body)


def test_post_author_hears_of_each_new_comment(client, site, post, mailoutbox):
    post.author.email = "writer@example.com"
    post.author.save()
    send(client, post)
    assert [m.to for m in mailoutbox] == [["writer@example.com"]]
    assert mailoutbox[0].subject == f"[{site.title}] New comment on “Bean poles”"
    assert "Hazel rods work best." in mailoutbox[0].body


def test_the_mail_links_to_the_page_of_the_discussion_the_comment_is_on(client, post, configure, mailoutbox):
    configure(comment_flood_seconds=0, hold_first_comments=False, comments_per_page=1)
    post.author.email = "writer@example.com"
    post.author.save()
    first = CommentFactory(post=post)
    CommentFactory(post=post, parent=first)
    send(client, post)  # a second thread: page 2
    comment = Comment.objects.order_by("-pk").first()
    assert f"{post.get_absolute_url()}?cpage=2#comment-{comment.pk}" in mailoutbox[0].body


def test_held_comment_asks_the_author_to_moderate(client, post, configure, mailoutbox):
    configure(comment_flood_seconds=0, hold_all_comments=True)
    send(client, post)
    assert mailoutbox[0].subject.endswith("Please moderate: “Bean poles”")


def test_spam_sends_no_mail(client, site, post, mailoutbox):
    send(client, post, website2="bot")
    assert Comment.objects.get().status == Comment.Status.SPAM
    assert mailoutbox == []


def test_reply_notifications_need_confirmation_and_can_be_stopped(client, site, post, mailoutbox):
    post.author.email = ""
    post.author.save()
    send(client, post, notify="on")
    first = Comment.objects.get()
    assert first.notify_replies and not first.notify_confirmed
    (confirm,) = mailoutbox
    assert confirm.to == ["rosa@example.net"] and "Confirm reply notifications" in confirm.subject

    send(client, post, parent=first.pk, name="Tom", email="tom@example.org", body="Unconfirmed, so no mail.")
    assert len(mailoutbox) == 1

    asked = client.get(links(confirm)[0])  # what a mail scanner opening the link does: it only asks
    assert asked.status_code == 200 and "Hear about replies?" in asked.content.decode()
    assert not Comment.objects.get(pk=first.pk).notify_confirmed
    response = client.post(links(confirm)[0])
    assert response.status_code == 200 and "You will hear about replies" in response.content.decode()
    send(client, post, parent=first.pk, name="Tom", email="tom@example.org", body="Willow works too.")
    reply_mail = mailoutbox[-1]
    assert reply_mail.to == ["rosa@example.net"]
    assert "Willow works too." in reply_mail.body
    stop = links(reply_mail)[-1]
    assert reply_mail.extra_headers["List-Unsubscribe"] == f"<http://testserver{stop}>"
    assert reply_mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert "Stop reply e-mails?" in client.get(stop).content.decode()
    assert Comment.objects.get(pk=first.pk).notify_replies
    one_click = Client(enforce_csrf_checks=True).post(stop, {"List-Unsubscribe": "One-Click"})  # RFC 8058
    assert "No more reply e-mails" in one_click.content.decode()
    send(client, post, parent=first.pk, name="Ann", email="ann@example.org", body="Hazel again.")
    assert mailoutbox[-1] is reply_mail


def test_approving_a_held_reply_notifies_then(client, post, configure, mailoutbox, admin_client):
    configure(comment_flood_seconds=0, hold_all_comments=True)
    parent = CommentFactory(post=post, author_email="rosa@example.net", notify_replies=True, notify_confirmed=True)
    send(client, post, parent=parent.pk, name="Tom", email="tom@example.org", body="Held reply.")
    assert not any(m.to == ["rosa@example.net"] for m in mailoutbox)
    reply = Comment.objects.get(body="Held reply.")
    admin_client.post("/admin/comments/comment/", {"action": "approve", "_selected_action": [reply.pk]})
    assert any(m.to == ["rosa@example.net"] and "Held reply." in m.body for m in mailoutbox)


@pytest.mark.parametrize("url", ["/comments/notify/confirm/forged/", "/comments/notify/stop/forged/"])
def test_forged_notification_links_are_not_found(client, url):
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_mail_subjects_are_plain_text_not_html(client, site, post, mailoutbox):
    post.title = "Beans & peas <3"
    post.save()
    post.author.email = "writer@example.com"
    post.author.save()
    send(client, post)
    assert mailoutbox[0].subject == f"[{site.title}] New comment on “Beans & peas <3”"
