"""Forged requests, redirects elsewhere, headers and cookies, and pages that need a role."""

import pytest
from django.apps import apps
from django.test import Client

from accounts.models import User
from blog.models import Post
from comments.models import Comment
from tests.commenting import form_data
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def test_every_form_that_changes_something_refuses_a_request_without_its_csrf_token(strict_client):
    reader = UserFactory()
    post = PostFactory(password="stew")
    open_post = PostFactory()
    anonymous = [
        ("/comments/post/", form_data(open_post)),
        ("/comments/login/dummy/", form_data(open_post)),
        (post.get_absolute_url(), {"password": "stew"}),
        ("/accounts/login/", {"login": reader.username, "password": PASSWORD}),
        (
            "/accounts/signup/",
            {"username": "new", "email": "n@example.org", "password1": "x" * 20, "password2": "x" * 20},
        ),
    ]
    for url, data in anonymous:
        assert strict_client.post(url, data).status_code == 403, url
    assert not Comment.objects.exists()
    assert not User.objects.filter(username="new").exists()
    assert "_auth_user_id" not in strict_client.session
    strict_client.force_login(reader)
    for url in ("/accounts/logout/", "/accounts/settings/delete/"):
        assert strict_client.post(url, {"confirm": reader.username}).status_code == 403, url
    assert User.objects.filter(pk=reader.pk).exists()
    assert strict_client.session["_auth_user_id"] == str(reader.pk)
    owner = UserFactory(is_staff=True, is_superuser=True)
    strict_client.force_login(owner)
    for url in (
        "/admin/blog/post/add/",
        f"/admin/blog/post/{open_post.pk}/revoke-preview/",
        "/admin/blog/post/preview/",
    ):
        assert strict_client.post(url, {"title": "x"}).status_code == 403, url
    assert not Post.objects.filter(title="x").exists()
    preview_key = open_post.preview_key
    open_post.refresh_from_db()
    assert open_post.preview_key == preview_key


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "https:evil.example", "/\\evil.example"]
)
def test_login_and_logout_never_send_people_to_another_site(client, target):
    user = UserFactory(username="rita")
    response = client.post(f"/accounts/login/?next={target}", {"login": "rita", "password": PASSWORD})
    assert response.status_code == 302 and "evil.example" not in response["Location"]
    assert client.session["_auth_user_id"] == str(user.pk)
    response = client.post("/accounts/logout/", {"next": target})
    assert response.status_code == 302 and "evil.example" not in response["Location"]
    assert "_auth_user_id" not in client.session


def test_pages_cannot_be_framed_and_carry_the_usual_security_headers(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_session_cookie_is_http_only_and_same_site(client):
    UserFactory(username="rita")
    client.post("/accounts/login/", {"login": "rita", "password": PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_every_admin_page_needs_a_staff_login(client):
    reader = UserFactory()
    for model in apps.get_models():
        for url in (f"/admin/{model._meta.app_label}/{model._meta.model_name}/",):
            anonymous = client.get(url)
            assert anonymous.status_code in (302, 404), url
            if anonymous.status_code == 302:
                assert "login" in anonymous["Location"], url
    client.force_login(reader)
    assert client.get("/admin/blog/post/").status_code == 302  # a reader is not staff


def test_drafts_private_posts_and_previews_are_out_of_reach_without_the_right_role(client):
    draft = PostFactory(status="draft")
    private = PostFactory(status="private")
    client.force_login(UserFactory())
    for post in (draft, private):
        assert client.get(post.get_absolute_url()).status_code == 404
    assert client.get(f"/preview/{draft.pk}/{'0' * 32}/").status_code == 404
