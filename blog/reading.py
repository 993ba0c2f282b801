"""What the reading pages share, for every app to use: the date an address names, and a post's page.

The feeds and the gallery pages read their addresses' dates with date_or_404.
"""

import datetime

from django.db import connection
from django.http import Http404
from django.shortcuts import render

from blog import protection
from blog.models import Post, SiteSettings
from core.pagecache import expiry


def post_for_reading(request):
    """The posts `request`'s reader may open, with what their page shows loaded."""
    posts = Post.objects.visible_to(request.user).select_related("author", "featured_image")
    return posts.prefetch_related("categories", "tags")


def render_post(request, post, page=1, **extra):
    """Render a post's page, its discussion included."""
    context = {
        "post": post,
        "unlocked": protection.is_unlocked(request, post),
        "page_html": post.pages[page - 1],
        "page_number": page,
        "page_range": range(1, len(post.pages) + 1),
        **neighbours(post),
        **extra,
    }
    expiry.expire_by(request, post.comments_close_at(SiteSettings.for_request(request)))
    return render(request, "blog/post_detail.html", context)


def date_or_404(year, month, day):
    """The date an address names, or 404 for an impossible one (February 30th) or one in the calendar's first
    or last year, whose archives could not step to the period before or after."""
    try:
        named = datetime.date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        raise Http404("No such date.") from None
    if not datetime.MINYEAR < named.year < datetime.MAXYEAR:
        raise Http404("No posts so far from now.")
    return named


def neighbours(post):
    """The published posts just before and after `post`, for the previous/next links: one query where the
    database can limit each half of a UNION (PostgreSQL, MariaDB), two where it cannot (SQLite)."""
    if post.published_at is None:
        return {"previous_post": None, "next_post": None}
    posts = Post.objects.published().only("title", "slug", "published_on", "published_at")
    older = posts.filter(published_at__lt=post.published_at).order_by("-published_at")[:1]
    newer = posts.filter(published_at__gt=post.published_at).order_by("published_at")[:1]
    if connection.features.supports_slicing_ordering_in_compound:
        found = list(older.union(newer, all=True))
    else:
        found = [*older, *newer]
    return {
        "previous_post": next((p for p in found if p.published_at < post.published_at), None),
        "next_post": next((p for p in found if p.published_at > post.published_at), None),
    }
