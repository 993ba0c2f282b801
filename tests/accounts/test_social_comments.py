"""Commenting through a social account: the round trip keeps what was typed, and the form knows who you are."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from comments.models import Comment
from tests.commenting import form_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def log_in_with_the_demo_provider(client, post, **fields):
    """Press "Log in with Dummy" in the comment form, then fill the demo provider's own page."""
    response = client.post("/comments/login/dummy/", form_data(post, **fields))
    assert response.status_code == 302
    authenticate = response["Location"]
    assert authenticate.startswith("/accounts/dummy/authenticate/?state=")
    identity = {"id": 4242, "email": "rita@example.org", "email_verified": "on", "username": "rita",
                "first_name": "Rita", "last_name": "Reader"}  # fmt: skip
    return client.post(authenticate, identity)


def test_guest_form_offers_the_providers(client, site, post):
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Fill in your details below or click an icon to log in:" in html
    assert 'formaction="/comments/login/dummy/"' in html and "Log in with Dummy" in html


def test_login_round_trip_returns_to_the_post_with_the_typed_comment(client, site, post):
    response = log_in_with_the_demo_provider(client, post, body="Typed before logging in.")
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#respond"

    html = client.get(post.get_absolute_url()).content.decode()
    assert "Typed before logging in." in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert "You are commenting using your Dummy account. Log Out / Change" in text
    assert 'name="email"' not in html

    client.post("/comments/post/", form_data(post, name=None, email=None, body="Typed before logging in."))
    comment = Comment.objects.get()
    assert comment.user.username == "rita" and comment.display_name == "Rita Reader"
    assert "Typed before logging in." not in client.get(post.get_absolute_url() + "?x=1").context["form"].initial.get(
        "body", ""
    )


def test_the_demo_provider_never_logs_into_an_existing_account_by_its_address(client, site, post):
    # Whoever uses the demo provider types the address and ticks "verified" themselves.
    reader = UserFactory(username="rita-here", email="rita@example.org")
    EmailAddress.objects.create(user=reader, email="rita@example.org", verified=True, primary=True)

    response = log_in_with_the_demo_provider(client, post)

    assert response["Location"] == reverse("socialaccount_signup")
    assert "_auth_user_id" not in client.session


def test_log_out_returns_to_the_post_and_the_guest_form(client, site, post):
    log_in_with_the_demo_provider(client, post)
    assert client.session["_auth_user_id"] == str(SocialAccount.objects.get().user_id)
    response = client.post("/accounts/logout/", {"next": f"{post.get_absolute_url()}#comments"})
    assert response.status_code == 302 and response["Location"] == f"{post.get_absolute_url()}#comments"
    assert "_auth_user_id" not in client.session
    assert 'name="email"' in client.get(post.get_absolute_url()).content.decode()


def test_an_unknown_or_unconfigured_provider_is_not_found(client, site, post):
    assert client.post("/comments/login/facebook/", form_data(post)).status_code == 404
    assert client.post("/comments/login/nothing/", form_data(post)).status_code == 404


def test_configured_providers_appear_and_others_do_not(client, site, post, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"facebook": {"APPS": [{"client_id": "fb-id", "secret": "fb-secret"}]}}
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Log in with Facebook" in html and "Log in with WordPress.com" not in html
    response = client.post("/comments/login/facebook/", form_data(post))
    assert response.status_code == 302
    assert response["Location"].startswith("https://www.facebook.com/")
    assert "client_id=fb-id" in response["Location"]


def test_a_social_reader_gets_no_admin_access(client, site, post):
    log_in_with_the_demo_provider(client, post)
    reader = SocialAccount.objects.get().user
    assert client.session["_auth_user_id"] == str(reader.pk)
    assert not reader.is_staff and not reader.is_superuser
    response = client.get("/admin/")
    assert response.status_code == 302 and "login" in response["Location"]
