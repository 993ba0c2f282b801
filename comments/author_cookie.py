"""The cookie that remembers a guest's name, e-mail and website for the comment form, encrypted.

A signed cookie is only base64 JSON: anyone who sees it (a shared computer, a browser extension, a
log that records cookies) reads the e-mail address. This one is sealed with Fernet (AES and HMAC,
timestamped), under a key derived from SECRET_KEY for this cookie alone, so it neither reads the same
as, nor opens with, anything else signed with that key. What does not open (tampered, expired, an old
signed cookie, a key since rotated out of SECRET_KEY_FALLBACKS) is simply no remembered author.
"""

import base64
import functools
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.utils.encoding import force_bytes

PURPOSE = b"candid comments: remembered author cookie"


def store(response, name, author, *, max_age, secure):
    """Set cookie `name` on `response` to `author` (a dict of strings), encrypted, for `max_age` seconds."""
    token = _fernet(_secrets()).encrypt(json.dumps(author).encode()).decode("ascii")
    # Without Fernet's "=" padding, which a cookie could only hold in quotes.
    response.set_cookie(name, token.rstrip("="), max_age=max_age, httponly=True, samesite="Lax", secure=secure)


def load(request, name, *, max_age):
    """The dict of strings cookie `name` holds, if it opens and is at most `max_age` seconds old; else {}."""
    token = request.COOKIES.get(name, "")
    try:
        author = json.loads(_fernet(_secrets()).decrypt(token + "=" * (-len(token) % 4), ttl=max_age))
    except (InvalidToken, ValueError):  # ValueError: not JSON (or not text) inside
        return {}
    if not isinstance(author, dict):
        return {}
    return {key: value for key, value in author.items() if isinstance(value, str)}


def _secrets():
    return (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS)


@functools.lru_cache(maxsize=4)  # keyed by the secrets themselves: a changed SECRET_KEY gets keys of its own
def _fernet(secrets):
    """A key for each secret: the first seals, any opens (so a rotated SECRET_KEY still reads old cookies)."""
    return MultiFernet([Fernet(_derived_key(secret)) for secret in secrets])


def _derived_key(secret):
    """A Fernet key made from `secret` for this cookie only (HKDF-SHA256, with the cookie's purpose as info)."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PURPOSE).derive(force_bytes(secret))
    return base64.urlsafe_b64encode(key)
