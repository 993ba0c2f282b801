"""Only logged-in readers may comment, where the site or the post says so: guests are offered a login that keeps
what they wrote."""

import pytest

from comments.models import Comment
from tests.commenting import form_data, send
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

MUST_LOG_IN = "You must be logged in to post a comment."


def test_a_guest_is_offered_a_login_and_no_details_to_fill_in(client, configure, post):
    configure(comment_registration=True)
    html = client.get(post.get_absolute_url()).content.decode()
    assert MUST_LOG_IN in html and 'name="body"' in html
    assert 'name="name"' not in html and 'name="email"' not in html and "Post Comment" not in html
    assert 'formaction="/comments/login/"' in html and "Log in to post it" in html


def test_a_guests_comment_is_kept_and_they_are_sent_to_log_in(client, configure, post):
    configure(comment_registration=True, comment_flood_seconds=0)
    response = send(client, post, body="Written before logging in.")
    assert response.status_code == 303 and response["Location"].startswith("/accounts/login/?next=")
    assert not Comment.objects.exists()
    client.force_login(UserFactory())
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Written before logging in." in html and MUST_LOG_IN not in html


def test_a_logged_in_reader_comments_as_usual(client, configure, post):
    configure(comment_registration=True, comment_flood_seconds=0, hold_first_comments=False)
    client.force_login(UserFactory())
    assert send(client, post).status_code == 302
    assert Comment.objects.get().status == "approved"


@pytest.mark.parametrize("site_rule, post_rule, guests_may", [
    (False, "", True), (True, "", False), (True, "anyone", True), (False, "registered", False),
])  # fmt: skip
def test_a_post_may_say_otherwise_than_the_site(client, configure, site_rule, post_rule, guests_may):
    configure(comment_registration=site_rule, comment_flood_seconds=0, hold_first_comments=False)
    post = PostFactory(who_may_comment=post_rule)
    assert (MUST_LOG_IN not in client.get(post.get_absolute_url()).content.decode()) is guests_may
    client.post("/comments/post/", form_data(post), REMOTE_ADDR="203.0.113.5")
    assert Comment.objects.exists() is guests_may
