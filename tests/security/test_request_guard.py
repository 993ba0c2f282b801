"""Addresses and bodies no page can answer (config/request_guard.py): a 4xx on every URL pattern, never a 500."""

import itertools
import re
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.utils.regex_helper import normalize

from comments.models import Comment
from config.request_guard import guard_wsgi
from tests.commenting import form_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONTROLS = [chr(code) for code in [*range(0x20), 0x7F]]

# Plausible values for the groups of the URLconf, by name; any other group tries GENERIC.
VALUES = {
    "year": ["2020"],
    "month": ["01"],
    "day": ["01"],
    "page": ["2"],
    "slug": ["bean-poles"],
    "path": ["garden", "garden/beans"],
    "username": ["rita"],
    "token": ["0123456789abcdef0123"],
    "provider_id": ["dummy"],
    "app_label": ["blog"],
    "uidb36": ["1a"],
    "url": ["somewhere/"],
}
GENERIC = ["1", "x", "0123456789abcdef0123", "x/y"]


def endpoints(patterns, prefix=""):
    """(regex, name) of every view of the URLconf, with the regexes of the includes on the way joined in."""
    for entry in patterns:
        regex = prefix + entry.pattern.regex.pattern.removeprefix("^")
        if isinstance(entry, URLResolver):
            yield from endpoints(entry.url_patterns, regex)
        else:
            yield regex, entry.name or getattr(entry.callback, "__name__", repr(entry.callback))


def sample_addresses(regex):
    """For each form of `regex` (optional parts in or out), a path it matches and the spans of its groups' values."""
    compiled = re.compile(regex)
    for form, groups in normalize(regex):
        for values in itertools.product(*(VALUES.get(group, GENERIC) for group in groups)):
            path, spans = "/", []
            for literal, value in zip(re.split(r"%\(\w+\)s", form), [*values, None], strict=True):
                path += literal.replace("%%", "%")
                if value is not None:
                    spans.append((len(path), len(path) + len(value)))
                    path += value
            if compiled.fullmatch(path[1:]):
                yield path, spans
                break


ENDPOINTS = list(endpoints(get_resolver().url_patterns))
NOT_EXERCISED = [f"{name}: {regex}" for regex, name in ENDPOINTS if not any(sample_addresses(regex))]
# Served before the URLconf (WhiteNoise), or by the web server in front: the guard covers them all the same.
OUTSIDE_URLCONF = [("static", "/static/", "css/candid.css"), ("media", "/media/", "2020/01/bean.jpg")]
SAMPLES = [
    *((name, path, spans) for regex, name in ENDPOINTS for path, spans in sample_addresses(regex)),
    *((name, prefix + rest, [(len(prefix), len(prefix + rest))]) for name, prefix, rest in OUTSIDE_URLCONF),
]
# NUL in every sample; every other control character in turn, spread over the samples.
CORRUPTIONS = [
    pytest.param(path, spans, CONTROLS[1 + n % (len(CONTROLS) - 1)], id=f"{name} {path}")
    for n, (name, path, spans) in enumerate(SAMPLES)
]


def test_every_url_pattern_is_exercised():
    assert ENDPOINTS and not NOT_EXERCISED, "No plausible address for: " + "; ".join(NOT_EXERCISED)


def corrupted(path, spans, bad):
    """`path` with `bad` put in the middle and at the end of each group's value, and at the end of its last segment."""
    places = {end for _start, end in spans} | {start + (end - start) // 2 for start, end in spans} | {len(path) - 1}
    return [path[:place] + bad + path[place:] for place in sorted(places)]


@pytest.mark.parametrize(("path", "spans", "control"), CORRUPTIONS)
def test_control_characters_anywhere_in_a_path_are_not_found(client, path, spans, control):
    bad = ("%00", f"%{ord(control):02X}")
    answers = {address: client.get(address).status_code for each in bad for address in corrupted(path, spans, each)}
    assert answers and set(answers.values()) == {404}, answers


@pytest.mark.parametrize(("path", "spans", "control"), CORRUPTIONS)
def test_bytes_that_are_not_utf8_anywhere_in_a_path_are_no_server_error(client, path, spans, control):
    # Django percent-encodes them again ("%FF"), and the views find nothing by that name: mostly a 404, the
    # admin's login for the admin, allauth's "bad token" page for a password reset key.
    bad = ("%FF", "%C0%80", "%ED%A0%80")
    answers = {address: client.get(address).status_code for each in bad for address in corrupted(path, spans, each)}
    assert answers and max(answers.values()) < 500, answers


@pytest.mark.parametrize("control", CONTROLS, ids=lambda control: f"{ord(control):02x}")
def test_each_control_character_in_a_path_is_not_found(client, post, control):
    encoded = f"%{ord(control):02X}"
    for address in ("/", post.get_absolute_url(), "/people/rita/", "/static/css/candid.css"):
        assert client.get(address[:-1] + encoded + address[-1]).status_code == 404, address


@pytest.mark.parametrize(
    "query",
    ["s=%00", "s=bean%00poles", "%00=1", "s=%7F", "s=%1b", "s=%7f&page=2", "p=%00", "cat=%01", "s=\x00", "s%00=x"],
)
def test_control_characters_in_query_parameters_are_a_bad_request(client, post, query):
    for path in ("/", post.get_absolute_url(), "/feed/", "/accounts/login/", "/static/css/candid.css", "/nowhere/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, (path, query)
    assert b"Bad request" in response.content  # the themed page


def test_tabs_and_line_breaks_in_a_search_are_searched_for(client):
    for terms in ("%09beans", "beans%0Apoles", "beans%0D%0A", "%FF"):
        assert client.get(f"/?s={terms}").status_code == 200, terms


# Unknown, not a text encoding, or not reading ASCII as ASCII (UTF-7's "+", EBCDIC, IDNA's lower case…).
ODD_CHARSETS = ["utf-7", "utf-16", "utf-32-le", "nonexistent", "rot13", "zlib", "cp037", "idna", "unicode-escape", ""]
# Those Django cannot even build a request with once there is a query string to decode.
UNDECODABLE = ["rot13", "zlib", "utf-8\x00"]
FORMS = {
    "comment": lambda post: ("/comments/post/", form_data(post)),
    "login": lambda post: ("/accounts/login/", {"login": UserFactory(username="rita").username, "password": "x"}),
    "admin login": lambda post: ("/admin/login/", {"username": "rita", "password": "x"}),
}


def urlencoded(data):
    return "&".join(f"{key}={value}" for key, value in data.items()).encode()


def multipart(data):
    parts = [f'--B\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n' for key, value in data.items()]
    return ("".join(parts) + "--B--\r\n").encode()


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("charset", ODD_CHARSETS)
def test_a_form_in_an_unknown_or_not_ascii_compatible_charset_is_a_bad_request(client, post, form, charset):
    url, data = FORMS[form](post)
    for body, content_type in (
        (urlencoded(data), "application/x-www-form-urlencoded"),
        (multipart(data), "multipart/form-data; boundary=B"),
    ):
        response = client.generic("POST", url, body, content_type=f"{content_type}; charset={charset}")
        assert response.status_code == 400, content_type
    if charset not in UNDECODABLE:
        assert client.get("/?s=beans", CONTENT_TYPE=f"text/plain; charset={charset}").status_code == 400


@pytest.mark.parametrize("charset", ["utf-8", "UTF8", "iso-8859-1", "windows-1252", "shift_jis"])
def test_a_comment_in_an_ascii_compatible_charset_is_still_taken(client, site, post, charset):
    content_type = f"multipart/form-data; boundary=B; charset={charset}"
    assert client.generic("POST", "/comments/post/", multipart(form_data(post)), content_type).status_code == 302
    assert Comment.objects.get().body == "Hazel rods work best."
    assert client.get("/?s=beans", CONTENT_TYPE=f"text/plain; charset={charset}").status_code == 200


def served(application, method, address, content_type):
    """The status `application` answers a request with, called as a WSGI server calls it."""
    path, _, query = address.partition("?")
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "CONTENT_TYPE": content_type}
    setup_testing_defaults(environ)
    statuses = []
    b"".join(application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    return int(statuses[0].split()[0])


@pytest.mark.django_db(transaction=True)  # a real WSGI handler closes the connection after each request
@pytest.mark.parametrize("charset", UNDECODABLE)
def test_a_charset_django_cannot_build_a_request_with_is_a_bad_request_through_wsgi(charset):
    text, form = f"text/plain; charset={charset}", f"multipart/form-data; boundary=B; charset={charset}"
    with pytest.raises((LookupError, ValueError)):  # raised building the request, before any middleware
        served(WSGIHandler(), "GET", "/?s=beans", text)
    application = guard_wsgi(WSGIHandler())
    assert served(application, "GET", "/?s=beans", text) == 400
    assert served(application, "POST", "/comments/post/?replytocom=1", form) == 400
    assert served(application, "GET", "/?s=beans", "text/plain; charset=utf-8") == 200


def test_the_guard_comes_before_whatever_reads_the_request():
    order = settings.MIDDLEWARE
    guard = order.index("config.request_guard.refuse_malformed_requests")
    for reader in (
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "core.pagecache.middleware.page_cache",
        "wordpress.redirects.old_addresses",
    ):
        assert guard < order.index(reader), reader


def test_a_refused_request_still_carries_the_security_headers():
    response = Client().get("/%00/")
    assert response.status_code == 404
    assert response["X-Frame-Options"] == "DENY" and "Permissions-Policy" in response
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
