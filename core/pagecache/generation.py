"""The content generation: one number that moves on with every change readers can see.

The database counts the changes too (the model settings.PAGE_CACHE_CHANGES_MODEL names, a row with a
`changes` counter), and the shared cache keeps how many of them its generation has taken in. A change made
while the shared cache was away is counted there only: before a process next trusts the shared cache (at
most RECHECK_SECONDS after it last checked, and always after an outage), it compares the two and moves the
generation on if one is missing. So a page cached before a change is never served once the cache is back,
even to a process that saw nothing of the outage.

The counter is named by a setting, as AUTH_USER_MODEL names the user model, so that this package imports
no app's models.
"""

import contextlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F

GENERATION_KEY = "candid:content-generation"
APPLIED_KEY = "candid:content-changes-applied"
RECHECK_SECONDS = 1.0
_checked_at = None  # time.monotonic() of this process's last comparison, None when it must compare again


def _counter():
    return apps.get_model(settings.PAGE_CACHE_CHANGES_MODEL)


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
    return _counter().objects.values_list("changes", flat=True).first() or 0


def content_changed(**kwargs):
    """What readers see has changed: once the transaction commits, every cached page is out of date.

    Connected to the save and delete signals of the models pages show (config/invalidation.py); call it
    after bulk updates, which send none.
    """
    transaction.on_commit(_bump)


def _bump():
    global _checked_at
    if not _can_be_away():
        _move_generation_on()
        return
    counter = _counter()
    if not counter.objects.filter(pk=1).update(changes=F("changes") + 1):
        with contextlib.suppress(IntegrityError), transaction.atomic():  # the row's first change
            counter.objects.create(pk=1, changes=1)
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
