"""Every answer carries the security headers: pages, static files, errors and pages from the cache alike."""

import pytest
from django.core.cache import cache

from core.pagecache import middleware as page_cache

pytestmark = pytest.mark.django_db

FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")


def assert_protected(response):
    assert response["X-Frame-Options"] == "DENY"
    policy = dict(feature.strip().split("=") for feature in response["Permissions-Policy"].split(","))
    assert all(policy[feature] == "()" for feature in FEATURES), policy
    assert "interest-cohort" not in policy  # FLoC's, long gone
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_page_a_feed_and_a_missing_page_carry_them(client, post):
    for url, status in ((post.get_absolute_url(), 200), ("/feed/", 200), ("/no/such/page/", 404)):
        response = client.get(url)
        assert response.status_code == status, url
        assert_protected(response)


def test_a_static_file_carries_them(client):
    response = client.get("/static/css/candid.css")
    assert response.status_code == 200 and response.streaming  # served by WhiteNoise, not a view
    assert_protected(response)


def test_a_page_from_the_cache_carries_them(client, post, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    page_cache._local.entries.clear()
    client.get(post.get_absolute_url())
    hit = client.get(post.get_absolute_url())
    assert hit[page_cache.STATUS_HEADER] == "hit"
    assert_protected(hit)
    cache.clear()
    page_cache._local.entries.clear()
