"""Refuse, before anything reads it, a request no page of the site can answer.

A control character in the address would otherwise reach the database in a lookup (PostgreSQL refuses
a NUL in any text parameter: a server error on every page that looks a name up, and on every 404,
which legacy_urls looks up), and a body in a charset Python lacks, or one that turns ASCII into
something else (UTF-7, UTF-16…), would be decoded with it by Django: a server error, or parameters
that say something else once decoded than the bytes that passed every check. So:

- a path holding a C0 control character or DEL names nothing: 404 (bytes that are not UTF-8 Django
  percent-encodes again, "%FF", for the views to find nothing at);
- a query string holding one (raw or percent-encoded) is refused: 400. Tabs and line breaks pasted
  into the search box are text, and are let through;
- a Content-Type charset that is unknown, or not read and written as ASCII for ASCII: 400.

The answers are the themed 404 and 400 pages, as for any other missing page or bad request. The
middleware does it all but for the charsets Django fails on while building the request, before any
middleware: guard_wsgi, around the WSGI application, takes those off for the middleware to refuse.
"""

import codecs
import functools
import re

from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils.http import parse_header_parameters

PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
QUERY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|%(?:0[0-8bcef]|1[0-9a-f]|7f)", re.IGNORECASE)

ASCII = [bytes([byte]) for byte in range(128)]
# Alone and in pairs: escapes (\u, +A…, ~{, ESC $) and case folding (IDNA) show in two bytes.
ASCII_SAMPLES = ASCII + [first + second for first in ASCII for second in ASCII]
# Put in the WSGI environ by guard_wsgi, for a charset Django could not even build the request with.
REFUSED_CHARSET = "candid.refused_charset"


def refuse_malformed_requests(get_response):
    """Answer 404 or 400 for the requests the module's docstring describes; placed before anything reads them."""

    def middleware(request):
        if PATH_CONTROL.search(request.path_info):
            raise Http404("No address holds control characters.")
        if REFUSED_CHARSET in request.META or not _usable_charset(request.content_params.get("charset", "utf-8")):
            raise BadRequest("The request's charset is unknown or does not read ASCII as ASCII.")
        if QUERY_CONTROL.search(request.META.get("QUERY_STRING", "")):
            raise BadRequest("The query string holds control characters.")
        return get_response(request)

    return middleware


def guard_wsgi(application):
    """`application` (Django's WSGI handler), with the requests Django would fail on before any middleware refused.

    Building the request, Django decodes the query string with the Content-Type's charset: one Python looks up
    but cannot decode text with (rot13, zlib) or a name it refuses to look up ("utf-8\\0") raises there, and
    the server answers its bare 500. Such a charset is taken off, for the middleware to answer 400.
    """

    def guarded(environ, start_response):
        charset = parse_header_parameters(environ.get("CONTENT_TYPE", ""))[1].get("charset")
        if charset is not None and not _usable_charset(charset):
            environ = {**environ, "CONTENT_TYPE": "application/octet-stream", REFUSED_CHARSET: charset}
        return application(environ, start_response)

    return guarded


def _usable_charset(charset):
    try:
        codec = codecs.lookup(charset).name
    except (LookupError, ValueError):  # unknown, or a name no codec could have ("utf-8\0")
        return False
    return _reads_ascii_as_ascii(codec)


@functools.cache  # one entry per codec Python has, each computed once (a few milliseconds)
def _reads_ascii_as_ascii(codec):
    try:
        return all(
            sample.decode(codec) == sample.decode("ascii") and sample.decode("ascii").encode(codec) == sample
            for sample in ASCII_SAMPLES
        )
    except (LookupError, ValueError):  # not a text encoding (rot13, zlib), or unable to read some ASCII
        return False
