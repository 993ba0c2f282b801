"""The page cache's middleware: serve readers a stored copy of their page, or store the one just rendered.

See the package's docstring (core/pagecache/__init__.py) for which requests and responses it takes.
"""

import contextlib
import hashlib
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import parse_etags

from core.deployment import deployment
from core.pagecache import expiry, per_reader
from core.pagecache.generation import current_generation

CACHED_NAMESPACES = {"blog", "feeds"}  # the reader's pages and feeds; never the admin, accounts or forms' targets
ALLOWED_COOKIES = {settings.CSRF_COOKIE_NAME}
LOCAL_ENTRIES = 64  # the pages each process also keeps in memory (with the generation checked on every request)
STATUS_HEADER = "X-Page-Cache"  # hit, miss or bypass: for tests, benchmarks and a curious site owner


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


# --- Stored pages --------------------------------------------------------------


def _key(request, generation):
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"candid:page:{deployment()}:{generation}:{hashlib.md5(address.encode()).hexdigest()}"  # noqa: S324


class _LocalPages:
    """The most recently served pages of this process, so a hit costs one small lookup in the shared cache."""

    def __init__(self, size):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                if entry["expires"] > time.time():
                    self.entries.move_to_end(key)
                    return entry
                del self.entries[key]
        return None

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_local = _LocalPages(LOCAL_ENTRIES)


# --- The middleware ------------------------------------------------------------


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and set(request.COOKIES) <= ALLOWED_COOKIES
    )


def _cacheable_response(request, response):
    match = getattr(request, "resolver_match", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and match is not None
        and match.namespace in CACHED_NAMESPACES
        and not any(word in response.get("Cache-Control", "") for word in ("private", "no-cache", "no-store"))
    )


def _etag(entry, request):
    """An ETag for this page as this reader got it: their copy holds a token made from their CSRF cookie."""
    cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    return '"' + hashlib.md5(f"{entry['digest']}:{cookie}".encode()).hexdigest() + '"'  # noqa: S324


def _unchanged_for(request, entry):
    """The reader's copy is this one (compared weakly: GZipMiddleware marks the ETags it compresses weak)."""
    if not request.COOKIES.get(settings.CSRF_COOKIE_NAME):
        return False  # they need a page with a token for a CSRF cookie they do not have yet
    theirs = {tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))}
    return _etag(entry, request) in theirs


def _respond(request, entry, state):
    if _unchanged_for(request, entry):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(per_reader.filled_in(request, entry["parts"]))  # only 200s are stored
        for header, value in entry["headers"]:
            response[header] = value
    # Browsers must ask again each time (the ETag makes that cheap); shared caches must not keep it at all.
    response["Cache-Control"] = "private, no-cache"
    response["ETag"] = _etag(entry, request)
    response[STATUS_HEADER] = state
    return response


def page_cache(get_response):
    """Serve readers' pages from the cache (see the module's docstring); placed after CSRF's middleware."""

    def middleware(request):
        if not enabled() or not _cacheable_request(request):
            return get_response(request)
        generation = current_generation()
        if generation is None:
            return get_response(request)
        key = _key(request, generation)
        entry = _local.get(key)
        if entry is None and (entry := cache.get(key)) is not None:
            _local.put(key, entry)
        if entry is not None:
            return _respond(request, entry, "hit")

        response = get_response(request)
        if not _cacheable_response(request, response):
            response[STATUS_HEADER] = "bypass"
            return response
        seconds = expiry.seconds_to_keep(request, generation)
        if seconds <= 0:
            return response
        content = response.content
        entry = {
            "headers": [(name, value) for name, value in response.items() if name.lower() != "content-length"],
            "parts": per_reader.in_parts(content),
            "digest": hashlib.md5(content).hexdigest(),  # noqa: S324 (tells versions apart; no secret)
            "expires": time.time() + seconds,
        }
        with contextlib.suppress(Exception):  # a page too big for the cache is served all the same
            cache.set(key, entry, timeout=seconds)
        _local.put(key, entry)
        return _respond(request, entry, "miss")

    return middleware
