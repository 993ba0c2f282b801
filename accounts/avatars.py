"""Pictures of the people who comment: their provider's, Gravatar's if the site allows, else none."""

import hashlib
from urllib.parse import urlencode

GRAVATAR = "https://gravatar.com/avatar/"
SIZE = 64  # pixels: twice the 32 the theme shows, for sharp pictures on dense screens


def gravatar_url(email):
    """Gravatar's picture for `email` (SHA-256 of the trimmed, lower-cased address); a pattern if it has none."""
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"{GRAVATAR}{digest}?{urlencode({'s': SIZE, 'd': 'identicon'})}"


def picture_for(comment, gravatars):
    """The web address of the picture beside `comment`, or "" for the theme's own initial."""
    if comment.user_id and comment.user.avatar_url:
        return comment.user.avatar_url
    if gravatars and comment.author_email:
        return gravatar_url(comment.author_email)
    return ""
