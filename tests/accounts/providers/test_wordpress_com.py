"""Signing in with WordPress.com, end to end; only WordPress.com's HTTP API is simulated."""

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.providers.wordpress_com.provider import WordPressComAccount
from comments.models import Comment
from tests.accounts.providers import flow
from tests.accounts.providers.flow import logged_in_user_id
from tests.accounts.providers.servers import query
from tests.commenting import form_data
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

AUTHORIZE_URL = "https://public-api.wordpress.com/oauth2/authorize"
TOKEN_URL = "https://public-api.wordpress.com/oauth2/token"
PROFILE_URL = "https://public-api.wordpress.com/rest/v1.1/me"
CALLBACK_URL = "http://testserver/accounts/wordpress_com/login/callback/"
TOKEN = {"access_token": "wp-token", "token_type": "bearer", "blog_id": "0", "blog_url": "", "scope": "auth"}
PROFILE = {
    "ID": 4242,
    "display_name": "Ada Lovelace",
    "username": "ada",
    "email": "ada@example.com",
    "email_verified": True,
    "avatar_URL": "https://0.gravatar.com/avatar/ada?s=96&d=identicon",
    "profile_URL": "https://gravatar.com/ada",
    "primary_blog_url": "https://ada.wordpress.com",
}


def start(client, next_url=None):
    """Press "Sign in with WordPress.com"; return the state sent to WordPress.com."""
    return flow.start(client, "wordpress_com", next_url)


def come_back(client, **params):
    """WordPress.com sends the reader back to the callback with `params`."""
    return flow.come_back(client, "wordpress_com", **params)


def sign_in(client, servers, profile=PROFILE, next_url=None):
    servers.reply("POST", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, body=profile)
    return come_back(client, state=start(client, next_url), code="the-code")


def assert_nobody_signed_up_or_in(client):
    assert not SocialAccount.objects.exists()
    assert not User.objects.filter(username="ada").exists()
    assert logged_in_user_id(client) is None


# --- Leaving for WordPress.com ----------------------------------------------


def test_login_url_asks_to_confirm_with_a_post_before_leaving_the_site(client, credentials, servers):
    response = client.get(reverse("wordpress_com_login"))

    assert response.status_code == 200
    assert b'method="post"' in response.content
    assert not servers.calls


def test_login_sends_the_reader_to_wordpress_com_with_client_id_callback_state_and_scope(client, credentials, servers):
    response = client.post(reverse("wordpress_com_login"))

    assert response.status_code == 302
    assert response["Location"].startswith(AUTHORIZE_URL + "?")
    params = query(response["Location"])
    assert params["client_id"] == "cid"
    assert params["redirect_uri"] == CALLBACK_URL
    assert params["response_type"] == "code"
    assert params["scope"] == "auth"
    assert len(params["state"]) >= 12
    assert "sec" not in response["Location"]
    assert not servers.calls


# --- Coming back --------------------------------------------------------------


def test_a_new_reader_gets_an_account_and_is_logged_in(client, credentials, servers, mailoutbox):
    response = sign_in(client, servers)

    assert response.status_code == 302
    assert response["Location"] == "/"
    account = SocialAccount.objects.get(provider="wordpress_com", uid="4242")
    user = account.user
    assert logged_in_user_id(client) == str(user.pk)
    assert (user.username, user.email, user.first_name, user.last_name) == ("ada", "ada@example.com", "Ada", "Lovelace")
    assert not user.is_staff
    assert not user.is_superuser
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    assert not mailoutbox  # WordPress.com confirmed the address; no need to ask again.


def test_the_account_offers_avatar_profile_link_and_a_readable_name(client, credentials, servers):
    sign_in(client, servers)

    account = SocialAccount.objects.get(provider="wordpress_com")
    assert account.get_avatar_url() == PROFILE["avatar_URL"]
    assert account.get_profile_url() == PROFILE["profile_URL"]
    assert str(account.get_provider_account()) == "ada"


def test_the_code_is_exchanged_with_the_secret_and_the_profile_read_with_the_bearer_token(client, credentials, servers):
    sign_in(client, servers)

    token_call, profile_call = servers.calls
    assert (token_call.method, token_call.url) == ("POST", TOKEN_URL)
    assert token_call.kwargs["data"] == {
        "client_id": "cid",
        "client_secret": "sec",
        "code": "the-code",
        "grant_type": "authorization_code",
        "redirect_uri": CALLBACK_URL,
    }
    assert (profile_call.method, profile_call.url) == ("GET", PROFILE_URL)
    assert profile_call.kwargs["headers"] == {"Authorization": "Bearer wp-token"}
    assert profile_call.kwargs["timeout"]


def test_a_returning_reader_logs_into_the_same_account(client, credentials, servers):
    sign_in(client, servers)
    client.logout()

    response = sign_in(client, servers)

    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="wordpress_com", uid="4242")
    assert logged_in_user_id(client) == str(account.user.pk)
    assert User.objects.count() == 1


def test_next_returns_the_reader_to_the_post_they_were_reading(client, credentials, servers):
    post = PostFactory()

    response = sign_in(client, servers, next_url=post.get_absolute_url())

    assert response["Location"] == post.get_absolute_url()
    assert logged_in_user_id(client)


def test_an_off_site_next_is_ignored(client, credentials, servers):
    response = sign_in(client, servers, next_url="https://evil.example/phish")

    assert response["Location"] == "/"


@pytest.mark.parametrize("verified", [False, None, "true"], ids=["false", "missing", "a-string"])
def test_an_address_wordpress_com_did_not_confirm_stays_unconfirmed(client, credentials, servers, mailoutbox, verified):
    profile = {key: value for key, value in PROFILE.items() if key != "email_verified"}
    if verified is not None:
        profile["email_verified"] = verified

    sign_in(client, servers, profile=profile)

    address = EmailAddress.objects.get(email="ada@example.com")
    assert not address.verified
    assert [message.to for message in mailoutbox] == [["ada@example.com"]]


def test_a_state_is_good_for_one_return_only(client, credentials, servers):
    servers.reply("POST", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, body=PROFILE)
    state = start(client)
    come_back(client, state=state, code="the-code")
    client.logout()

    response = come_back(client, state=state, code="the-code")

    assert response.status_code == 401
    assert logged_in_user_id(client) is None


# --- When it goes wrong -------------------------------------------------------


def test_a_reader_who_denies_access_sees_the_cancelled_page_and_gets_no_account(client, credentials, servers):
    state = start(client)

    response = come_back(client, state=state, error="access_denied", error_description="The user denied access.")

    assert response.status_code == 302
    assert response["Location"] == reverse("socialaccount_login_cancelled")
    assert client.get(response["Location"]).status_code == 200
    assert not servers.calls
    assert_nobody_signed_up_or_in(client)


@pytest.mark.parametrize("state", ["forged-state", None], ids=["forged", "missing"])
def test_a_callback_without_our_state_is_refused(client, credentials, servers, state):
    start(client)
    servers.reply("POST", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, body=PROFILE)

    response = come_back(client, code="the-code", **({"state": state} if state else {}))

    assert response.status_code == 401
    assert not servers.calls
    assert_nobody_signed_up_or_in(client)


def test_a_state_from_another_browser_is_refused(client, credentials, servers):
    state = start(Client())
    servers.reply("POST", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, body=PROFILE)

    response = come_back(client, state=state, code="the-code")

    assert response.status_code == 401
    assert not servers.calls
    assert_nobody_signed_up_or_in(client)


@pytest.mark.parametrize(
    "token_reply",
    [
        {"status": 500, "body": {"error": "server_error"}},
        {"status": 400, "body": {"error": "invalid_grant", "error_description": "Invalid code."}},
        {"status": 200, "body": {"error": "invalid_request"}},
        {"error": requests.ConnectionError("public-api.wordpress.com unreachable")},
        {"error": requests.Timeout("read timed out")},
    ],
    ids=["500", "invalid-grant", "no-token", "unreachable", "timeout"],
)
def test_a_failing_token_endpoint_shows_an_error_page_not_a_server_error(client, credentials, servers, token_reply):
    servers.reply("POST", TOKEN_URL, **token_reply)

    response = come_back(client, state=start(client), code="the-code")

    assert response.status_code == 401
    assert [call.url for call in servers.calls] == [TOKEN_URL]
    assert_nobody_signed_up_or_in(client)


@pytest.mark.parametrize(
    "profile_reply",
    [
        {"status": 403, "body": {"error": "authorization_required"}},
        {"status": 500, "body": {"error": "unknown"}},
        {"status": 200, "body": {"username": "ada", "email": "ada@example.com"}},
        {"status": 200, "body": ["not", "a", "profile"]},
        {"error": requests.ConnectionError("public-api.wordpress.com unreachable")},
    ],
    ids=["403", "500", "no-id", "not-an-object", "unreachable"],
)
def test_a_failing_profile_request_shows_an_error_page_not_a_server_error(client, credentials, servers, profile_reply):
    servers.reply("POST", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, **profile_reply)

    response = come_back(client, state=start(client), code="the-code")

    assert response.status_code == 401
    assert_nobody_signed_up_or_in(client)


# --- Missing and conflicting details ------------------------------------------


def test_a_profile_without_email_leads_to_a_signup_form_that_asks_for_one(client, credentials, servers):
    profile = {key: value for key, value in PROFILE.items() if key not in ("email", "email_verified")}

    response = sign_in(client, servers, profile=profile)

    # Candid requires an e-mail (ACCOUNT_SIGNUP_FIELDS "email*"), so allauth cannot sign up automatically.
    assert response.status_code == 302
    assert response["Location"] == reverse("socialaccount_signup")
    assert_nobody_signed_up_or_in(client)
    form = client.get(response["Location"]).context["form"]
    assert form.initial["username"] == "ada"
    assert not form.initial.get("email")

    response = client.post(reverse("socialaccount_signup"), {"username": "ada", "email": "ada@example.org"})

    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="wordpress_com", uid="4242")
    assert account.user.email == "ada@example.org"
    assert logged_in_user_id(client) == str(account.user.pk)


@pytest.mark.parametrize("claimed", ["editor@example.com", "Editor@Example.COM"])
def test_an_email_matching_a_staff_account_never_logs_into_it(client, credentials, servers, claimed):
    editor = UserFactory(username="editor", email="editor@example.com", is_staff=True)

    response = sign_in(client, servers, profile={**PROFILE, "email": claimed, "email_verified": True})

    assert response.status_code == 302
    assert response["Location"] == reverse("socialaccount_signup")
    assert not SocialAccount.objects.exists()
    assert logged_in_user_id(client) is None

    # Nor can the signup form claim the address.
    response = client.post(reverse("socialaccount_signup"), {"username": "ada", "email": claimed})

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not SocialAccount.objects.filter(user=editor).exists()
    assert not SocialAccount.objects.exists()
    assert logged_in_user_id(client) != str(editor.pk)


def test_a_username_taken_here_gets_a_fresh_one(client, credentials, servers):
    local_ada = UserFactory(username="ada", email="someone-else@example.com", is_staff=True)

    sign_in(client, servers)

    account = SocialAccount.objects.get(provider="wordpress_com")
    assert account.user != local_ada
    assert account.user.username != "ada"
    assert logged_in_user_id(client) == str(account.user.pk)


def test_only_web_addresses_are_offered_as_avatar_and_profile_links():
    account = WordPressComAccount(
        SocialAccount(extra_data={**PROFILE, "avatar_URL": "javascript:alert(1)", "profile_URL": "data:text/html,x"})
    )

    assert account.get_avatar_url() is None
    assert account.get_profile_url() is None


# --- Readers who already have an account here ----------------------------------


def reader_with_address(verified=True, **fields):
    """An account made here (or through Facebook) whose address ada@example.com is confirmed, or not."""
    user = UserFactory(username="ada-here", email="ada@example.com", **fields)
    EmailAddress.objects.create(user=user, email="ada@example.com", verified=verified, primary=True)
    return user


def test_a_reader_who_confirmed_the_same_address_is_logged_into_their_account(client, credentials, servers):
    reader = reader_with_address()

    response = sign_in(client, servers)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert logged_in_user_id(client) == str(reader.pk)
    assert SocialAccount.objects.get(provider="wordpress_com", uid="4242").user == reader
    assert User.objects.count() == 1
    reader.refresh_from_db()
    assert reader.has_usable_password()
    assert reader.avatar_url == PROFILE["avatar_URL"]


def test_once_connected_the_reader_comes_back_through_wordpress_com_even_with_another_address(
    client, credentials, servers
):
    reader = reader_with_address()
    sign_in(client, servers)
    client.logout()

    sign_in(client, servers, profile={**PROFILE, "email": "ada@elsewhere.example"})

    assert logged_in_user_id(client) == str(reader.pk)


def test_a_reader_who_came_through_facebook_adds_wordpress_com_to_the_same_account(client, credentials, servers):
    reader = reader_with_address()
    SocialAccount.objects.create(user=reader, provider="facebook", uid="10160000000000042")

    sign_in(client, servers)

    assert logged_in_user_id(client) == str(reader.pk)
    assert set(reader.socialaccount_set.values_list("provider", flat=True)) == {"facebook", "wordpress_com"}


def test_a_comment_after_logging_in_belongs_to_the_existing_account(client, credentials, servers, site, post):
    reader = reader_with_address(display_name="Ada L.")
    servers.reply("POST", TOKEN_URL, body=TOKEN)
    servers.reply("GET", PROFILE_URL, body=PROFILE)
    response = client.post("/comments/login/wordpress_com/", form_data(post, body="Typed before logging in."))
    come_back(client, state=query(response["Location"])["state"], code="the-code")

    client.post("/comments/post/", form_data(post, name=None, email=None, body="Typed before logging in."))

    comment = Comment.objects.get()
    assert comment.user == reader
    assert comment.display_name == "Ada L."


@pytest.mark.parametrize(
    "rights",
    [{"is_staff": True}, {"is_superuser": True}, {"is_staff": True, "is_superuser": True}],
    ids=["staff", "superuser", "site-owner"],
)
def test_a_staff_account_is_never_logged_into_even_with_a_confirmed_address(client, credentials, servers, rights):
    staff = reader_with_address(**rights)

    response = sign_in(client, servers)

    assert response["Location"] == reverse("socialaccount_signup")
    assert logged_in_user_id(client) is None
    assert not SocialAccount.objects.exists()
    staff.refresh_from_db()
    assert staff.has_usable_password()


@pytest.mark.parametrize("confirmation", ["unconfirmed", "no-address-record"])
def test_an_account_that_never_confirmed_the_address_is_not_logged_into(client, credentials, servers, confirmation):
    if confirmation == "unconfirmed":
        reader = reader_with_address(verified=False)
    else:
        reader = UserFactory(username="ada-here", email="ada@example.com")

    response = sign_in(client, servers)

    # Whoever set up that account may not own the address; the one who does gets the signup form.
    assert response["Location"] == reverse("socialaccount_signup")
    assert logged_in_user_id(client) is None
    assert not SocialAccount.objects.exists()
    reader.refresh_from_db()
    assert reader.has_usable_password()


def test_an_address_wordpress_com_did_not_confirm_does_not_log_into_an_account(client, credentials, servers):
    reader_with_address()

    response = sign_in(client, servers, profile={**PROFILE, "email_verified": False})

    assert response["Location"] == reverse("socialaccount_signup")
    assert logged_in_user_id(client) is None
    assert not SocialAccount.objects.exists()


# --- Configuration ----------------------------------------------------------------


def test_with_credentials_wordpress_com_is_offered(rf, credentials):
    providers = get_adapter().list_providers(rf.get("/"))

    assert "wordpress_com" in [provider.id for provider in providers]


def test_without_credentials_wordpress_com_is_hidden_and_its_urls_not_found(rf, client, no_credentials, servers):
    providers = get_adapter().list_providers(rf.get("/"))

    assert "wordpress_com" not in [provider.id for provider in providers]
    assert client.get(reverse("wordpress_com_login")).status_code == 404
    assert client.post(reverse("wordpress_com_login")).status_code == 404
    assert client.get(reverse("wordpress_com_callback"), {"state": "x", "code": "y"}).status_code == 404
    assert not servers.calls
