"""The remembered guest (comments/author_cookie.py): encrypted, so the cookie gives no address away."""

import base64
import json

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from comments.remembered import AUTHOR_COOKIE, AUTHOR_COOKIE_AGE
from core.pagecache import middleware as page_cache
from tests.commenting import send

pytestmark = pytest.mark.django_db

EMAIL = "rosa@example.net"  # the address tests.commenting sends


def prefilled(client, post):
    html = client.get(post.get_absolute_url()).content.decode()
    return 'value="Rosa"' in html, f'value="{EMAIL}"' in html


def remembered(client, post):
    send(client, post, remember="on")
    return client.cookies[AUTHOR_COOKIE].value


def test_the_cookie_holds_neither_the_address_nor_any_encoding_of_it(client, site, post):
    value = remembered(client, post)
    # The address in base64 (either alphabet) whatever its offset in a longer JSON text: past the first four
    # characters, which the bytes before it change, the encoding is the address's alone.
    encodings = [
        encode(b"x" * shift + EMAIL.encode()).decode()[4:20]
        for shift in range(3)
        for encode in (base64.b64encode, base64.urlsafe_b64encode)
    ]
    assert EMAIL not in value and not any(encoded in value for encoded in encodings)
    # Not the name either, as written (a random token may hold "rosa" in any case: it did, once in a few thousand).
    assert "Rosa" not in value and '"' not in value and "=" not in value


def test_the_form_is_filled_in_from_it_on_the_next_visit(client, site, post):
    remembered(client, post)
    assert prefilled(client, post) == (True, True)
    assert client.cookies[AUTHOR_COOKIE]["httponly"] and client.cookies[AUTHOR_COOKIE]["samesite"] == "Lax"
    assert client.cookies[AUTHOR_COOKIE]["max-age"] == AUTHOR_COOKIE_AGE


def tampered(value):
    """`value` with one character changed in its middle."""
    middle = len(value) // 2
    return value[:middle] + ("A" if value[middle] != "A" else "B") + value[middle + 1 :]


def old_signed_cookie():
    """The cookie as Candid set it before it was encrypted: the JSON in clear, signed."""
    response = HttpResponse()
    response.set_signed_cookie(
        AUTHOR_COOKIE, json.dumps({"name": "Rosa", "email": EMAIL, "url": ""}), salt=AUTHOR_COOKIE
    )
    return response.cookies[AUTHOR_COOKIE].value


@pytest.mark.parametrize(
    "forge", [tampered, lambda value: value[:-3], lambda value: value + "x", lambda _: old_signed_cookie()]
)
def test_a_tampered_cut_or_old_signed_cookie_is_no_remembered_author(client, site, post, forge):
    client.cookies[AUTHOR_COOKIE] = forge(remembered(client, post))
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert prefilled(client, post) == (False, False)


@pytest.mark.parametrize("value", ["", "garbage", "é" * 40, "gAAAAA" + "A" * 200, '"quoted"', "a" * 5000])
def test_any_other_value_is_no_remembered_author_either(client, site, post, value):
    client.cookies[AUTHOR_COOKIE] = value
    assert client.get(post.get_absolute_url()).status_code == 200
    assert prefilled(client, post) == (False, False)


def test_another_secret_key_opens_none_of_them_and_a_former_one_still_does(client, site, post, settings):
    value = remembered(client, post)
    old_key, settings.SECRET_KEY = settings.SECRET_KEY, "another-secret-key-" + "x" * 40
    client.cookies[AUTHOR_COOKIE] = value
    assert prefilled(client, post) == (False, False)
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert prefilled(client, post) == (True, True)


def test_a_remembered_guest_still_bypasses_the_page_cache(site, post, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    page_cache._local.entries.clear()
    reader = Client()
    remembered(reader, post)
    assert Client().get(post.get_absolute_url()).get(page_cache.STATUS_HEADER) == "miss"
    response = reader.get(post.get_absolute_url())
    assert response.get(page_cache.STATUS_HEADER) != "hit" and f'value="{EMAIL}"' in response.content.decode()
    assert EMAIL not in Client().get(post.get_absolute_url()).content.decode()  # the stranger's copy
    cache.clear()
    page_cache._local.entries.clear()
