"""The shared cache (Redis) behind a circuit breaker: when it is away, every process carries on alone.

django-redis's own IGNORE_EXCEPTIONS answers each call as a miss, but every call still waits for its
socket timeout: with Redis hanging rather than refusing, a request making five cache calls took five
seconds. Here the first failure opens the breaker for a few seconds, during which calls go at once to
a small memory cache of this process (so login rate limits still count, per process, rather than lock
everyone out); then one call tries Redis again. A request therefore waits for at most one timeout.

What must never come from a process's own memory (the page cache's content generation) asks
`reachable` after its call: see core/pagecache/generation.py.
"""

import functools
import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OPEN_SECONDS = 5  # how long the breaker stays open before one call tries Redis again
UNREACHABLE = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, OSError)


def _guarded(method):
    name = method.__name__

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        if time.monotonic() < self.open_until:
            return getattr(self.local, name)(*args, **kwargs)
        try:
            result = method(self, *args, **kwargs)
        except UNREACHABLE as error:
            if self.open_until == 0:
                logger.error("The shared cache is unreachable (%s); each process carries on with its own.", error)
            self.open_until = time.monotonic() + OPEN_SECONDS
            return getattr(self.local, name)(*args, **kwargs)
        if self.open_until:
            logger.warning("The shared cache answers again.")
            self.open_until = 0
        return result

    return call


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = {**params.get("OPTIONS", {}), "IGNORE_EXCEPTIONS": False}
        super().__init__(server, {**params, "OPTIONS": options})
        self.local = LocMemCache("candid-shared-cache-fallback", {"OPTIONS": {"MAX_ENTRIES": 1000}})
        self.open_until = 0  # monotonic time until which Redis is not tried; 0 while it answers

    @property
    def reachable(self):
        """Whether the last call reached Redis (and the breaker is closed)."""
        return self.open_until == 0

    get = _guarded(RedisCache.get)
    get_many = _guarded(RedisCache.get_many)
    set = _guarded(RedisCache.set)
    set_many = _guarded(RedisCache.set_many)
    add = _guarded(RedisCache.add)
    touch = _guarded(RedisCache.touch)
    delete = _guarded(RedisCache.delete)
    delete_many = _guarded(RedisCache.delete_many)
    has_key = _guarded(RedisCache.has_key)
    incr = _guarded(RedisCache.incr)
    decr = _guarded(RedisCache.decr)
    clear = _guarded(RedisCache.clear)
