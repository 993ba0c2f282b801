"""Facebook login, as configured from FACEBOOK_CLIENT_ID/SECRET: offered only with credentials."""

import pytest
from allauth.socialaccount.adapter import get_adapter
from django.urls import reverse

from tests.accounts.providers.servers import query

pytestmark = pytest.mark.django_db


def test_login_sends_the_reader_to_facebooks_oauth_dialog_with_the_client_id(client, credentials):
    response = client.post(reverse("facebook_login"))

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("https://www.facebook.com/")
    assert location.split("?")[0].endswith("/dialog/oauth")
    params = query(location)
    assert params["client_id"] == "fb-cid"
    assert params["redirect_uri"] == "http://testserver/accounts/facebook/login/callback/"
    assert "email" in params["scope"].split(",")
    assert params["state"]
    assert "fb-sec" not in location


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


def test_without_credentials_facebooks_login_url_is_not_found(client, no_credentials):
    assert client.post(reverse("facebook_login")).status_code == 404
