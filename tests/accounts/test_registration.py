"""Who may make an account: the site's membership setting, for local sign-up and for sign-up through a provider."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from accounts.adapters import AccountAdapter, SocialAccountAdapter
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {"email": "new@example.net", "username": "newreader", "password1": "a-long-new-password",
          "password2": "a-long-new-password"}  # fmt: skip


def test_anyone_may_register_by_default(client, site):
    assert client.get("/accounts/signup/").status_code == 200
    client.post("/accounts/signup/", SIGNUP)
    assert get_user_model().objects.filter(username="newreader").exists()


@pytest.mark.parametrize("registration", ["closed", "social"])
def test_closed_sign_up_shows_a_clear_page_and_makes_no_account(client, configure, registration):
    configure(registration=registration)
    html = client.get("/accounts/signup/").content.decode()
    assert "Sign-up is closed" in html and 'href="/accounts/login/"' in html
    assert 'name="password1"' not in html
    client.post("/accounts/signup/", SIGNUP)
    assert not get_user_model().objects.filter(username="newreader").exists()


def test_existing_accounts_still_log_in_when_sign_up_is_closed(client, configure):
    configure(registration="closed")
    UserFactory(username="rita")
    response = client.post("/accounts/login/", {"login": "rita", "password": "a-long-test-password"})
    assert response.status_code == 302 and client.session.get("_auth_user_id")


@pytest.mark.parametrize("registration, local, social", [("open", True, True), ("social", False, True),
                                                         ("closed", False, False)])  # fmt: skip
def test_providers_follow_the_rule_unless_the_site_allows_providers_only(configure, registration, local, social):
    configure(registration=registration)
    request = RequestFactory().get("/")
    assert AccountAdapter(request).is_open_for_signup(request) is local
    assert SocialAccountAdapter(request).is_open_for_signup(request, sociallogin=None) is social
