"""Facebook login, end to end, as configured from FACEBOOK_CLIENT_ID/SECRET; only Facebook's HTTP API is simulated."""

import hashlib
import hmac
import re

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from accounts.models import User
from comments.models import Comment
from tests.accounts.providers import flow
from tests.accounts.providers.flow import assert_themed_page, logged_in_user_id
from tests.accounts.providers.servers import query
from tests.commenting import form_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GRAPH = "https://graph.facebook.com/v19.0"
TOKEN_URL = f"{GRAPH}/oauth/access_token"
PROFILE_URL = f"{GRAPH}/me"
CALLBACK_URL = "http://testserver/accounts/facebook/login/callback/"
TOKEN = {"access_token": "fb-token", "token_type": "bearer", "expires_in": 5183944}
PICTURE = "https://scontent.xx.fbcdn.net/v/t1.30497-1/grace.jpg?oh=00_AfA&oe=6790A1B2"
PROFILE = {
    "id": "10160000000000042",
    "name": "Grace Hopper",
    "first_name": "Grace",
    "last_name": "Hopper",
    "email": "grace@example.com",
    "picture": {"data": {"height": 200, "width": 200, "is_silhouette": False, "url": PICTURE}},
}


def start(client, next_url=None):
    """Press "Log in with Facebook"; return the state sent to Facebook."""
    return flow.start(client, "facebook", next_url)


def come_back(client, **params):
    """Facebook sends the reader back to the callback with `params`."""
    return flow.come_back(client, "facebook", **params)


def sign_in(client, servers, profile=PROFILE, next_url=None):
    servers.reply("GET", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, body=profile)
    return come_back(client, state=start(client, next_url), code="the-code")


def assert_nobody_signed_up_or_in(client):
    assert not SocialAccount.objects.exists()
    assert not User.objects.filter(email="grace@example.com").exists()
    assert logged_in_user_id(client) is None


# --- Leaving for Facebook -----------------------------------------------------


def test_login_sends_the_reader_to_facebooks_oauth_dialog_with_the_client_id(client, credentials):
    response = client.post(reverse("facebook_login"))

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("https://www.facebook.com/")
    assert location.split("?")[0].endswith("/dialog/oauth")
    params = query(location)
    assert params["client_id"] == "fb-cid"
    assert params["redirect_uri"] == CALLBACK_URL
    assert "email" in params["scope"].split(",")
    assert params["state"]
    assert "fb-sec" not in location


# --- Coming back --------------------------------------------------------------


def test_a_new_reader_gets_an_account_with_their_name_email_and_picture(client, credentials, servers, mailoutbox):
    response = sign_in(client, servers)

    assert response.status_code == 302
    assert response["Location"] == "/"
    user = SocialAccount.objects.get(provider="facebook", uid=PROFILE["id"]).user
    assert logged_in_user_id(client) == str(user.pk)
    assert (user.display_name, user.first_name, user.last_name) == ("Grace Hopper", "Grace", "Hopper")
    assert user.email == "grace@example.com"
    assert user.avatar_url == PICTURE
    assert not (user.is_staff or user.is_superuser or user.has_usable_password())
    # Facebook does not say whether it confirmed the address (allauth's provider), so Candid asks.
    assert not EmailAddress.objects.get(user=user).verified
    assert [message.to for message in mailoutbox] == [["grace@example.com"]]


def test_the_code_is_exchanged_with_the_secret_and_the_profile_read_with_a_proof_of_the_secret(
    client, credentials, servers
):
    sign_in(client, servers)

    token_call, profile_call = servers.calls
    assert (token_call.method, token_call.url) == ("GET", TOKEN_URL)
    assert token_call.kwargs["params"] == {
        "client_id": "fb-cid",
        "client_secret": "fb-sec",
        "code": "the-code",
        "grant_type": "authorization_code",
        "redirect_uri": CALLBACK_URL,
    }
    assert (profile_call.method, profile_call.url) == ("GET", PROFILE_URL)
    params = profile_call.kwargs["params"]
    assert params["access_token"] == "fb-token"
    assert params["appsecret_proof"] == hmac.new(b"fb-sec", b"fb-token", hashlib.sha256).hexdigest()
    assert params["fields"].split(",") == ["id", "email", "name", "first_name", "last_name", "picture.type(large)"]
    assert all(call.kwargs["timeout"] for call in servers.calls)


def test_a_returning_reader_logs_into_the_same_account_with_their_new_picture(client, credentials, servers):
    sign_in(client, servers)
    client.logout()
    new_picture = "https://scontent.xx.fbcdn.net/v/t1.30497-1/grace-2.jpg"
    profile = {**PROFILE, "picture": {"data": {"is_silhouette": False, "url": new_picture}}}

    sign_in(client, servers, profile=profile)

    user = User.objects.get()
    assert logged_in_user_id(client) == str(user.pk)
    assert user.avatar_url == new_picture


@pytest.mark.parametrize(
    "picture",
    [
        {"data": {"is_silhouette": True, "url": "https://scontent.xx.fbcdn.net/silhouette.gif"}},
        {"data": {"is_silhouette": False, "url": "javascript:alert(1)"}},
        {"data": {"is_silhouette": False, "url": "https://scontent.xx.fbcdn.net/" + "x" * 500}},
        "not-a-picture",
        None,
    ],
    ids=["silhouette", "not-a-web-address", "too-long", "not-an-object", "missing"],
)
def test_without_a_usable_picture_the_reader_gets_the_sites_own_avatar(client, credentials, servers, picture):
    sign_in(client, servers, profile={**PROFILE, "picture": picture})

    assert User.objects.get().avatar_url == ""


def test_logging_in_from_the_comment_form_returns_to_the_post_with_the_comment_kept(
    client, credentials, servers, site, post
):
    response = client.post("/comments/login/facebook/", form_data(post, body="Typed before logging in."))
    assert response["Location"].startswith("https://www.facebook.com/")
    servers.reply("GET", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, body=PROFILE)

    response = come_back(client, state=query(response["Location"])["state"], code="the-code")

    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#respond"
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Typed before logging in." in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert "You are commenting using your Facebook account. Log Out / Change" in text

    client.post("/comments/post/", form_data(post, name=None, email=None, body="Typed before logging in."))

    comment = Comment.objects.get()
    assert comment.user == SocialAccount.objects.get(provider="facebook").user
    assert comment.display_name == "Grace Hopper"


# --- When it goes wrong -------------------------------------------------------


def test_a_reader_who_denies_access_sees_the_cancelled_page_and_gets_no_account(client, credentials, servers):
    state = start(client)

    response = come_back(
        client,
        state=state,
        error="access_denied",
        error_code="200",
        error_description="Permissions error",
        error_reason="user_denied",
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("socialaccount_login_cancelled")
    assert_themed_page(client.get(response["Location"]), 200, "Login Cancelled")
    assert not servers.calls
    assert_nobody_signed_up_or_in(client)


@pytest.mark.parametrize("state", ["forged-state", None], ids=["forged", "missing"])
def test_a_callback_without_our_state_is_refused(client, credentials, servers, state):
    start(client)
    servers.reply("GET", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, body=PROFILE)

    response = come_back(client, code="the-code", **({"state": state} if state else {}))

    assert_themed_page(response, 401, "Third-Party Login Failure")
    assert not servers.calls
    assert_nobody_signed_up_or_in(client)


@pytest.mark.parametrize(
    "token_reply",
    [
        {"status": 500, "body": {"error": {"message": "An unknown error has occurred.", "type": "OAuthException"}}},
        {"status": 503, "body": None},
        {"status": 400, "body": {"error": {"message": "This authorization code has expired.", "code": 100}}},
        {"error": requests.ConnectionError("graph.facebook.com unreachable")},
    ],
    ids=["500", "503", "expired-code", "unreachable"],
)
def test_a_failing_token_endpoint_shows_an_error_page_not_a_server_error(client, credentials, servers, token_reply):
    servers.reply("GET", TOKEN_URL, **token_reply)

    response = come_back(client, state=start(client), code="the-code")

    assert_themed_page(response, 401, "Third-Party Login Failure")
    assert [call.url for call in servers.calls] == [TOKEN_URL]
    assert_nobody_signed_up_or_in(client)


@pytest.mark.parametrize(
    "profile_reply",
    [
        {"status": 500, "body": {"error": {"message": "An unknown error has occurred."}}},
        {"status": 400, "body": {"error": {"message": "Error validating access token.", "code": 190}}},
        {"error": requests.Timeout("read timed out")},
    ],
    ids=["500", "bad-token", "timeout"],
)
def test_a_failing_profile_request_shows_an_error_page_not_a_server_error(client, credentials, servers, profile_reply):
    servers.reply("GET", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, **profile_reply)

    response = come_back(client, state=start(client), code="the-code")

    assert_themed_page(response, 401, "Third-Party Login Failure")
    assert_nobody_signed_up_or_in(client)


# --- Missing and conflicting details ------------------------------------------


def test_a_profile_without_email_leads_to_a_signup_form_that_asks_for_one(client, credentials, servers):
    # A Facebook account made with a phone number, or a reader who unticked the e-mail permission.
    profile = {key: value for key, value in PROFILE.items() if key != "email"}

    response = sign_in(client, servers, profile=profile)

    assert response.status_code == 302
    assert response["Location"] == reverse("socialaccount_signup")
    assert logged_in_user_id(client) is None
    page = client.get(response["Location"])
    assert_themed_page(page, 200, 'name="email"')
    assert not page.context["form"].initial.get("email")

    response = client.post(reverse("socialaccount_signup"), {"username": "grace", "email": "grace@example.org"})

    assert response.status_code == 302
    user = SocialAccount.objects.get(provider="facebook").user
    assert (user.email, user.display_name, user.avatar_url) == ("grace@example.org", "Grace Hopper", PICTURE)
    assert logged_in_user_id(client) == str(user.pk)


def test_facebook_does_not_vouch_for_addresses_so_it_never_logs_into_an_existing_account(client, credentials, servers):
    reader = UserFactory(username="grace", email="grace@example.com")
    EmailAddress.objects.create(user=reader, email="grace@example.com", verified=True, primary=True)

    response = sign_in(client, servers)

    assert response["Location"] == reverse("socialaccount_signup")
    assert logged_in_user_id(client) is None
    assert not SocialAccount.objects.exists()


# --- Configuration ----------------------------------------------------------------


def test_the_login_page_offers_each_configured_provider(client, credentials):
    response = client.get(reverse("account_login"))

    assert reverse("facebook_login").encode() in response.content
    assert reverse("wordpress_com_login").encode() in response.content


def test_without_credentials_the_login_page_offers_no_provider(client, no_credentials):
    response = client.get(reverse("account_login"))

    assert response.status_code == 200
    assert reverse("facebook_login").encode() not in response.content
    assert reverse("wordpress_com_login").encode() not in response.content


def test_without_credentials_facebook_is_not_offered(rf, no_credentials):
    providers = get_adapter().list_providers(rf.get("/"))

    assert "facebook" not in [provider.id for provider in providers]


def test_without_credentials_facebooks_login_url_is_not_found(client, no_credentials, servers):
    assert client.post(reverse("facebook_login")).status_code == 404
    assert client.get(reverse("facebook_callback"), {"state": "x", "code": "y"}).status_code == 404
    assert not servers.calls
