"""Whole pages cached for readers, with exact invalidation.

Every change to what readers can see (a post, a page, a category, an approved comment, the site's
settings…) bumps one *content generation*, kept in the shared cache, once its transaction has
committed. Cached pages are keyed by that generation, so the first request after a change renders
afresh in every process at once: a page is never served stale, and no code has to know which pages a
change touched (the sidebar's recent comments and archives mean most changes touch every page).

Only readers for whom a page is the same get a cached copy: GET or HEAD, no query string, no cookie
but CSRF's. Everyone else (logged in, with a held comment in their session, with a name remembered
for the comment form, with a password-protected post unlocked) gets the page rendered for them. The
few values a cached page holds per reader (the CSRF token, the comment form's timestamp) are stored as
placeholders and filled in for each request.

Pages also expire by the clock: when the next scheduled post goes out, when a post's comments close
after the site's N days, and after PAGE_CACHE_SECONDS in any case. The page cache is on only with a
cache every process shares (Redis): with one local-memory cache per process, a comment posted through
one process would leave the others' copies stale.
"""

import contextlib
import functools
import hashlib
import math
import re
import threading
import time
from collections import OrderedDict
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Min
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import parse_etags

from blog import csrf

GENERATION_KEY = "candid:content-generation"
CACHED_NAMESPACES = {"blog", "feeds"}  # the reader's pages and feeds; never the admin, accounts or forms' targets
ALLOWED_COOKIES = {settings.CSRF_COOKIE_NAME}
LOCAL_ENTRIES = 64  # the pages each process also keeps in memory (with the generation checked on every request)
STATUS_HEADER = "X-Page-Cache"  # hit, miss or bypass: for tests, benchmarks and a curious site owner

# A form field whose value is made for each request: name → function(request) giving a fresh value.
_per_request_fields = {"csrfmiddlewaretoken": csrf.token_for}


def fill_per_request(field_name, make_value):
    """Have the hidden field `field_name` filled with `make_value(request)` in each served copy of a page."""
    _per_request_fields[field_name] = make_value


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


# --- The content generation --------------------------------------------------
#
# The database counts the changes too (blog.ContentGeneration), and the shared cache keeps how many of them
# its generation has taken in. A change made while the shared cache was away is counted there only: before
# a process next trusts the shared cache (at most RECHECK_SECONDS after it last checked, and always after an
# outage), it compares the two and moves the generation on if one is missing. So a page cached before a
# change is never served once the cache is back, even to a process that saw nothing of the outage.

APPLIED_KEY = "candid:content-changes-applied"
RECHECK_SECONDS = 1.0
_checked_at = None  # time.monotonic() of this process's last comparison, None when it must compare again


def _can_be_away():
    """Whether the cache is one that can go away (Redis); a process's own memory holds only its own pages."""
    return hasattr(cache, "reachable")


def _reachable():
    """Whether the shared cache answered the last call (a local-memory cache always does)."""
    return getattr(cache, "reachable", True)


def current_generation():
    """The content generation now, or None when the cache cannot say (then nothing is cached)."""
    if not _caught_up():
        return None
    generation = cache.get(GENERATION_KEY)
    if generation is None and _reachable():
        # Start from the clock, not 0, so a flushed cache never meets entries keyed by an old generation again.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation if _reachable() else None


def _caught_up():
    """Whether the shared cache's generation has taken in every change the database counts."""
    global _checked_at
    if not _can_be_away():
        return True
    if _checked_at is not None and time.monotonic() - _checked_at < RECHECK_SECONDS and _reachable():
        return True
    try:
        changes = _changes_counted()
    except DatabaseError:
        return True  # nothing can change while the database is away; the cached pages are the best answer
    applied = cache.get(APPLIED_KEY)
    if not _reachable():
        return False
    if applied is None or applied < changes:
        _move_generation_on()
        cache.set(APPLIED_KEY, changes, timeout=None)
    _checked_at = time.monotonic()
    return _reachable()


def _changes_counted():
    from blog.models import ContentGeneration

    return ContentGeneration.objects.values_list("changes", flat=True).first() or 0


def content_changed(**kwargs):
    """What readers see has changed: once the transaction commits, every cached page is out of date.

    Connected to the save and delete signals of the models pages show; call it after bulk updates,
    which send none.
    """
    transaction.on_commit(_bump)


def _bump():
    global _checked_at
    from blog.models import ContentGeneration

    if not _can_be_away():
        _move_generation_on()
        return
    if not ContentGeneration.objects.filter(pk=1).update(changes=F("changes") + 1):
        with contextlib.suppress(IntegrityError), transaction.atomic():  # the row's first change
            ContentGeneration.objects.create(pk=1, changes=1)
    # Counted, then applied: the generation moves on after the count is read, so it covers every change in it.
    changes = _changes_counted()
    _move_generation_on()
    cache.set(APPLIED_KEY, changes, timeout=None)
    if not _reachable():
        _checked_at = None  # compare with the database as soon as the shared cache answers again


def _move_generation_on():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (a new or flushed cache): a fresh generation does the same
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


# --- Expiry by the clock -----------------------------------------------------


def expire_by(request, moment):
    """The page being rendered for `request` changes by itself at `moment` (say, its comments close)."""
    if moment is not None and moment > timezone.now():
        previous = getattr(request, "_page_expires_at", None)
        request._page_expires_at = moment if previous is None else min(previous, moment)


def _next_publication(generation):
    """When the next scheduled post or page goes out, or None; asked once per generation."""
    key = f"candid:next-publication:{generation}"
    cached = cache.get(key)
    if cached is None:
        from blog.models import Entry, Page, Post

        due = {"status__in": [Entry.Status.PUBLISHED, Entry.Status.SCHEDULED], "published_at__gt": timezone.now()}
        moments = [model.objects.filter(**due).aggregate(next=Min("published_at"))["next"] for model in (Post, Page)]
        moments = [moment for moment in moments if moment is not None]
        cached = min(moments).timestamp() if moments else 0
        # Asked again once that moment has passed, for the one after it.
        seconds = min(settings.PAGE_CACHE_SECONDS, cached - time.time()) if cached else settings.PAGE_CACHE_SECONDS
        cache.set(key, cached, timeout=max(1, math.ceil(seconds)))
    return cached if cached > time.time() else None


def _seconds_to_keep(request, generation):
    now = time.time()
    limits = [settings.PAGE_CACHE_SECONDS]
    if expires_at := getattr(request, "_page_expires_at", None):
        limits.append(expires_at.timestamp() - now)
    if next_publication := _next_publication(generation):
        limits.append(next_publication - now)
    return int(min(limits))


# --- Stored pages --------------------------------------------------------------


@functools.cache
def deployment():
    """What the code, templates and static files are: a new version never serves pages the old one rendered."""
    digest = hashlib.sha256()
    for folder in settings.PAGE_CACHE_SOURCES:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


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


PLACEHOLDER = re.compile(rb"\x00candid:(\w+)\x00")


def _in_parts(content):
    """The page cut around each per-request field's value: [text, field name, text, field name, …, text]."""
    for name in _per_request_fields:
        values = set(re.findall(rb'name="' + re.escape(name.encode()) + rb'" value="([^"]*)"', content))
        for value in values:
            content = content.replace(b'value="' + value + b'"', b'value="\x00candid:' + name.encode() + b'\x00"')
    parts = PLACEHOLDER.split(content)
    return [part.decode() if n % 2 else part for n, part in enumerate(parts)]


def _filled_in(request, entry):
    """The page with fresh values for this request: one join, however big the page."""
    parts = entry["parts"]
    return b"".join(part if n % 2 == 0 else _per_request_fields[part](request).encode() for n, part in enumerate(parts))


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
        response = HttpResponse(_filled_in(request, entry))  # only 200s are stored
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
        seconds = _seconds_to_keep(request, generation)
        if seconds <= 0:
            return response
        content = response.content
        entry = {
            "headers": [(name, value) for name, value in response.items() if name.lower() != "content-length"],
            "parts": _in_parts(content),
            "digest": hashlib.md5(content).hexdigest(),  # noqa: S324 (tells versions apart; no secret)
            "expires": time.time() + seconds,
        }
        with contextlib.suppress(Exception):  # a page too big for the cache is served all the same
            cache.set(key, entry, timeout=seconds)
        _local.put(key, entry)
        return _respond(request, entry, "miss")

    return middleware
