"""The moderation queue, per role."""

import pytest
from django.contrib.auth.models import Group

from comments.models import Comment, SpamToken
from tests.factories import CommentFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/comments/comment/"


def staff(role):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def act(client, action, comments):
    return client.post(LIST, {"action": action, "_selected_action": [c.pk for c in comments]})


def test_editor_moderates_every_comment_in_bulk(client):
    editor = staff("Editor")
    held = CommentFactory.create_batch(3, status="pending")
    client.force_login(editor)
    assert all(c.author_name in client.get(LIST).content.decode() for c in held)
    act(client, "approve", held[:2])
    act(client, "mark_spam", held[2:])
    assert [Comment.objects.get(pk=c.pk).status for c in held] == ["approved", "approved", "spam"]


def test_status_filter_shows_counts(client):
    CommentFactory.create_batch(2, status="pending")
    CommentFactory(status="spam")
    client.force_login(staff("Editor"))
    html = client.get(LIST).content.decode()
    assert "Pending (2)" in html and "Spam (1)" in html


def test_author_moderates_the_discussion_of_their_own_posts_only(client):
    author = staff("Author")
    mine = CommentFactory(post=PostFactory(author=author), status="pending", body="On my post")
    theirs = CommentFactory(status="pending", body="On someone else's post")
    client.force_login(author)
    listing = client.get(LIST).content.decode()
    assert "On my post" in listing and "someone else" not in listing
    act(client, "approve", [mine, theirs])
    assert Comment.objects.get(pk=mine.pk).status == "approved"
    assert Comment.objects.get(pk=theirs.pk).status == "pending"


def test_contributor_has_no_moderation_queue(client):
    client.force_login(staff("Contributor"))
    assert client.get(LIST).status_code == 403


def test_trashing_a_parent_keeps_its_replies_readable(client):
    post = PostFactory()
    parent = CommentFactory(post=post)
    reply = CommentFactory(post=post, parent=parent, body="Still here")
    client.force_login(staff("Editor"))
    act(client, "trash", [parent])
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Still here" in page and f'id="comment-{reply.pk}"' in page


def test_each_comment_links_to_its_place_on_the_page(client):
    comment = CommentFactory()
    client.force_login(staff("Editor"))
    assert f'href="{comment.get_absolute_url()}"' in client.get(LIST).content.decode()


def test_marking_spam_and_approving_teach_the_filter(client):
    spam = CommentFactory(status="pending", body="casino casino bonus")
    ham = CommentFactory(status="pending", body="lovely beans")
    client.force_login(staff("Editor"))
    act(client, "mark_spam", [spam])
    act(client, "approve", [ham])
    assert SpamToken.objects.get(token="casino").spam == 1
    assert SpamToken.objects.get(token="beans").ham == 1
    act(client, "approve", [spam])  # a mistake undone: no longer counted as spam
    assert SpamToken.objects.get(token="casino").spam == 0
