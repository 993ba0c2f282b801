"""Pictures of the people who comment: their provider's; Gravatar's if the site allows it; else an
identicon drawn here, so that no page needs an outside service to show its pictures."""

import functools
import hashlib
from urllib.parse import urlencode

from django.utils.crypto import salted_hmac

from core.links import link

GRAVATAR = "https://gravatar.com/avatar/"
SIZE = 64  # pixels: twice the 32 the theme shows, for sharp pictures on dense screens
TOKEN_LENGTH = 20  # hex digits of an identicon's name: 80 bits, no two commenters alike in practice
GRID = 5  # cells a side; the left half is mirrored, as faces and most identicons are


def gravatar_url(email):
    """Gravatar's picture for `email` (SHA-256 of the trimmed, lower-cased address); a pattern if it has none."""
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"{GRAVATAR}{digest}?{urlencode({'s': SIZE, 'd': 'identicon'})}"


def identicon_url(identity):
    """The address of the identicon for `identity` (an e-mail address, or a name).

    Its name is keyed with the site's secret, so the page shows no hash of anybody's address.
    """
    return link("comments:identicon", _token(identity.strip().lower()))


@functools.lru_cache(maxsize=10_000)  # a discussion names the same people page after page
def _token(identity):
    return salted_hmac("candid.identicon", identity).hexdigest()[:TOKEN_LENGTH]


def identicon_svg(token):
    """A symmetric 5 × 5 pattern in one colour, both drawn from `token`'s bits."""
    bits = int(token, 16)
    hue = bits % 360
    half = (GRID + 1) // 2
    cells = [(row, col) for row in range(GRID) for col in range(half) if bits >> (9 + row * half + col) & 1]
    squares = {(row, col) for row, col in cells} | {(row, GRID - 1 - col) for row, col in cells}
    path = "".join(f"M{col} {row}h1v1h-1z" for row, col in sorted(squares))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 {GRID + 1} {GRID + 1}" width="{SIZE}" '
        f'height="{SIZE}" shape-rendering="crispEdges"><rect x="-0.5" y="-0.5" width="{GRID + 1}" '
        f'height="{GRID + 1}" fill="#f0f0f0"/><path fill="hsl({hue} 55% 42%)" d="{path}"/></svg>'
    )


def picture_for(comment, gravatars):
    """The web address of the picture beside `comment`."""
    if comment.user_id and comment.user.avatar_url:
        return comment.user.avatar_url
    email = comment.author_email or (comment.user.email if comment.user_id else "")
    if gravatars and email:
        return gravatar_url(email)
    return identicon_url(email or comment.author_name)


def picture_of(user):
    """The web address of a reader's own picture: their provider's, else their identicon."""
    return user.avatar_url or identicon_url(user.email or user.username)
