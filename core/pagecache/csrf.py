"""CSRF tokens for cached pages, made as Django makes them, but from one read of the OS's randomness.

A cached page's comment form needs a token for each request, and a reader without a CSRF cookie (most
readers of a cached page) needs a new secret too. Django's get_token() draws each of those 64 random
characters with its own call into `secrets` (a third of serving a cached post page); this draws them
all at once. The result is what Django would have made: a secret of CSRF_SECRET_LENGTH allowed
characters set on the request for CsrfViewMiddleware to send as the cookie, and a token masked with a
fresh random mask (so the page never shows the secret itself: BREACH), which CsrfViewMiddleware
unmasks and checks on the POST like any other.
"""

import secrets

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

_LIMIT = 256 - 256 % len(CSRF_ALLOWED_CHARS)  # bytes at or above it are dropped: every character is equally likely


def random_chars(count):
    """`count` characters drawn uniformly from CSRF_ALLOWED_CHARS."""
    drawn = []
    while len(drawn) < count:
        drawn.extend(
            CSRF_ALLOWED_CHARS[byte % len(CSRF_ALLOWED_CHARS)]
            for byte in secrets.token_bytes(2 * count)
            if byte < _LIMIT
        )
    return "".join(drawn[:count])


def token_for(request):
    """What django.middleware.csrf.get_token(request) returns, and with the same effect on the request."""
    if "CSRF_COOKIE" not in request.META:
        request.META["CSRF_COOKIE"] = random_chars(CSRF_SECRET_LENGTH)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # (re)send the cookie, renewing its expiry
    secret, mask = request.META["CSRF_COOKIE"], random_chars(CSRF_SECRET_LENGTH)
    index, size = CSRF_ALLOWED_CHARS.index, len(CSRF_ALLOWED_CHARS)
    return mask + "".join(CSRF_ALLOWED_CHARS[(index(s) + index(m)) % size] for s, m in zip(secret, mask, strict=True))
