"""Searching posts: `/?s=TERMS`."""

from django.db.models import Q

MAX_TERMS_LENGTH = 200
MAX_WORDS = 10


def terms_from(request):
    """Return the search terms of `?s=`, trimmed to a sane length, or None when not searching."""
    if "s" not in request.GET:
        return None
    return " ".join(request.GET["s"].split())[:MAX_TERMS_LENGTH]


def search_posts(posts, terms):
    """Posts whose title or text holds every word of `terms`, newest first (the portable search)."""
    for word in terms.split()[:MAX_WORDS]:
        posts = posts.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return posts.order_by("-published_at", "-pk")
