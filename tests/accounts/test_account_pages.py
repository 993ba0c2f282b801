"""A reader's profile, settings, data export and account deletion."""

import json

import pytest

from comments.editing import fingerprint
from comments.models import Comment
from tests.commenting import send
from tests.factories import CommentFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_profile_shows_name_picture_and_approved_public_comments(client):
    reader = UserFactory(username="rita", display_name="Rita R.", avatar_url="https://example.org/rita.png")
    CommentFactory(user=reader, body="Shown comment")
    CommentFactory(user=reader, body="Held comment", status="pending")
    CommentFactory(user=reader, body="On a protected post", post=PostFactory(password="x"))
    html = client.get("/people/rita/").content.decode()
    assert "Rita R." in html and 'src="https://example.org/rita.png"' in html
    assert "Shown comment" in html
    assert "Held comment" not in html and "On a protected post" not in html
    assert client.get("/people/nobody/").status_code == 404


def test_settings_need_a_login_and_state_the_deletion_policy(client):
    assert client.get("/accounts/settings/").status_code == 302
    client.force_login(UserFactory())
    html = client.get("/accounts/settings/").content.decode()
    assert "Your comments stay" in html and "Former reader" in html


def test_export_gives_the_readers_own_comments_as_json(client):
    reader = UserFactory()
    CommentFactory(user=reader, body="Mine", status="pending")
    CommentFactory(body="Someone else's")
    client.force_login(reader)
    response = client.get("/accounts/settings/comments.json")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert [c["text"] for c in data["comments"]] == ["Mine"]
    assert data["comments"][0]["status"] == "pending"
    assert data["comments"][0]["edited"] is None and data["comments"][0]["earlier_versions"] == []


def test_export_gives_a_comments_earlier_versions_too(client, site, post):
    client.force_login(UserFactory())
    send(client, post, body="First thoughts.")
    comment = Comment.objects.get()
    client.post(f"/comments/{comment.pk}/edit/", {"body": "Second thoughts.", "seen": fingerprint(comment.body)})
    [exported] = json.loads(client.get("/accounts/settings/comments.json").content)["comments"]
    assert exported["text"] == "Second thoughts." and exported["earlier_versions"] == ["First thoughts."]
    assert exported["edited"]


def test_deleting_an_account_keeps_the_discussion_readable_and_anonymous(client):
    reader = UserFactory(username="rita", email="rita@example.org")
    comment = CommentFactory(user=reader, author_email="rita@example.org", author_url="https://rita.example",
                             ip_address="203.0.113.4", body="Still worth reading")  # fmt: skip
    reply = CommentFactory(post=comment.post, parent=comment, body="A reply to Rita")
    client.force_login(reader)
    assert client.post("/accounts/settings/delete/", {"confirm": "wrong"}).status_code == 302
    assert type(reader).objects.filter(pk=reader.pk).exists()

    client.post("/accounts/settings/delete/", {"confirm": "rita"})
    assert not type(reader).objects.filter(pk=reader.pk).exists()
    comment = Comment.objects.get(pk=comment.pk)
    assert (comment.user, comment.author_name, comment.author_email, comment.author_url, comment.ip_address) == (
        None, "Former reader", "", "", None)  # fmt: skip
    page = client.get(comment.post.get_absolute_url()).content.decode()
    assert "Still worth reading" in page and "A reply to Rita" in page and "Former reader" in page
    assert Comment.objects.get(pk=reply.pk).parent_id == comment.pk


def test_staff_cannot_delete_themselves_from_the_reader_page(client):
    editor = UserFactory(is_staff=True, username="ed")
    client.force_login(editor)
    client.post("/accounts/settings/delete/", {"confirm": "ed"})
    assert type(editor).objects.filter(pk=editor.pk).exists()


def test_deleting_needs_a_post(client):
    client.force_login(UserFactory())
    assert client.get("/accounts/settings/delete/").status_code == 405
