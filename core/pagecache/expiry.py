"""How long a cached page may be kept: until the next change the clock makes, PAGE_CACHE_SECONDS at most.

Some changes need no save: a scheduled post goes out, a post's comments close after the site's N days.
A page that knows such a moment of its own says so while it renders (expire_by); moments that concern
every page (the next scheduled publication) come from the functions registered with changes_by_itself_at,
asked once per content generation.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

_scheduled = []  # functions giving the next moment content changes by itself, or None


def changes_by_itself_at(next_moment):
    """Have every cached page expire by `next_moment()` (a datetime or None), asked once per generation."""
    if next_moment not in _scheduled:
        _scheduled.append(next_moment)


def expire_by(request, moment):
    """The page being rendered for `request` changes by itself at `moment` (say, its comments close)."""
    if moment is not None and moment > timezone.now():
        previous = getattr(request, "_page_expires_at", None)
        request._page_expires_at = moment if previous is None else min(previous, moment)


def _next_scheduled_change(generation):
    """When content next changes by itself, as a timestamp, or None; asked once per generation."""
    key = f"candid:next-publication:{generation}"
    cached = cache.get(key)
    if cached is None:
        moments = [moment for next_moment in _scheduled if (moment := next_moment()) is not None]
        cached = min(moments).timestamp() if moments else 0
        # Asked again once that moment has passed, for the one after it.
        seconds = min(settings.PAGE_CACHE_SECONDS, cached - time.time()) if cached else settings.PAGE_CACHE_SECONDS
        cache.set(key, cached, timeout=max(1, math.ceil(seconds)))
    return cached if cached > time.time() else None


def seconds_to_keep(request, generation):
    """How long the page just rendered for `request` may be served from the cache."""
    now = time.time()
    limits = [settings.PAGE_CACHE_SECONDS]
    if expires_at := getattr(request, "_page_expires_at", None):
        limits.append(expires_at.timestamp() - now)
    if next_change := _next_scheduled_change(generation):
        limits.append(next_change - now)
    return int(min(limits))
