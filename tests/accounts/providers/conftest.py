import pytest
import requests
from django.core.cache import cache

from tests.accounts.providers.servers import ProviderServers

CREDENTIALS = {
    "wordpress_com": {"APPS": [{"client_id": "cid", "secret": "sec"}]},
    "facebook": {"APPS": [{"client_id": "fb-cid", "secret": "fb-sec"}]},
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts per IP in the cache; a long test run must not trip its limits."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def credentials(settings):
    """Both providers configured, as WORDPRESS_COM_CLIENT_ID/SECRET and FACEBOOK_* would do."""
    configured = settings.SOCIALACCOUNT_PROVIDERS  # the other options, such as the Facebook profile's fields
    settings.SOCIALACCOUNT_PROVIDERS = {
        provider: {**configured.get(provider, {}), **apps} for provider, apps in CREDENTIALS.items()
    }


@pytest.fixture
def no_credentials(settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}


@pytest.fixture
def servers(monkeypatch):
    """The providers' APIs, simulated: `servers.reply(method, url, ...)`, then read `servers.calls`."""
    fake = ProviderServers()
    monkeypatch.setattr(
        requests.Session, "request", lambda session, method, url, **kwargs: fake.request(method, url, **kwargs)
    )
    return fake
