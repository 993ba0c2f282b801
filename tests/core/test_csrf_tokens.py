"""core/pagecache/csrf.py: the CSRF tokens of cached pages are Django's own, made faster."""

from collections import Counter

import pytest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CsrfViewMiddleware, get_token
from django.test import RequestFactory

from core.pagecache.csrf import random_chars, token_for

pytestmark = pytest.mark.django_db  # a refused request gets the themed failure page, which reads the site's settings


def test_random_characters_are_allowed_ones_of_the_length_asked_and_spread_over_all_of_them():
    drawn = [random_chars(32) for _ in range(400)]
    assert all(len(chars) == 32 and set(chars) <= set(CSRF_ALLOWED_CHARS) for chars in drawn)
    assert len(set(drawn)) == len(drawn)
    counts = Counter("".join(drawn))
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    expected = 400 * 32 / len(CSRF_ALLOWED_CHARS)  # ≈ 206 each
    assert all(0.6 * expected < count < 1.4 * expected for count in counts.values())
    # A plain `byte % 62` would give the first eight characters 5 chances in 256 instead of 4: a quarter
    # more, about 2,060 in all instead of 1,650 (give or take 40).
    first_eight = sum(counts[char] for char in CSRF_ALLOWED_CHARS[:8])
    assert abs(first_eight - 8 * expected) < 200


def test_a_new_reader_gets_a_secret_to_keep_and_a_masked_token_django_accepts():
    request = RequestFactory().get("/")
    token = token_for(request)
    secret = request.META["CSRF_COOKIE"]
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert len(secret) == 32 and len(token) == 64 and secret not in token
    assert token != token_for(request) and request.META["CSRF_COOKIE"] == secret  # a new mask each time
    assert accepted(secret, token) and not accepted(random_chars(32), token)


def test_a_reader_with_a_secret_gets_tokens_for_it_interchangeable_with_djangos():
    request = RequestFactory().get("/")
    django_token = get_token(request)
    ours = token_for(request)
    secret = request.META["CSRF_COOKIE"]
    assert accepted(secret, ours) and accepted(secret, django_token)


def accepted(secret, token):
    """Whether Django's CSRF middleware lets a POST with this cookie and this token through."""
    request = RequestFactory().post("/", {"csrfmiddlewaretoken": token})
    request.COOKIES["csrftoken"] = secret
    middleware = CsrfViewMiddleware(lambda request: None)
    middleware.process_request(request)
    return middleware.process_view(request, lambda request: None, (), {}) is None
