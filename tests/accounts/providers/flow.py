"""A reader's browser going through a provider's login; the provider's side is the `servers` fixture."""

from django.urls import reverse

from tests.accounts.providers.servers import query


def start(client, provider_id, next_url=None):
    """Press "Log in with …" on the login page; return the state sent to the provider."""
    response = client.post(reverse(f"{provider_id}_login"), {"next": next_url} if next_url else {})
    assert response.status_code == 302
    return query(response["Location"])["state"]


def come_back(client, provider_id, **params):
    """The provider sends the reader back to the callback with `params`."""
    return client.get(reverse(f"{provider_id}_callback"), params)


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


def assert_themed_page(response, status, text):
    """The reader sees `text` on a page of the site's theme, not a bare error."""
    assert response.status_code == status
    assert "base.html" in [template.name for template in response.templates]
    assert text in response.content.decode()
