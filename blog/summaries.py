"""Posts as lists show them (title, meta, excerpt, "Continue reading", categories), rendered once, not per reader.

Each post stores its summary's HTML with a key for what the rendering used besides the post's own row:
the theme (templates and code, as a deployment), the language, the URL prefix, and the site's time zone
and date format. A list shows the stored summary when its key is the current one; otherwise it renders
the summary and stores it. What else a summary shows marks it stale: saving the post, and changes to its
author's name, to a category or to its featured image (config/invalidation.py).

Ten excerpts rendered with the template were a third of an uncached list page's time.

A stored summary replaces the mark it was rendered from, and only that one: a summary rendered from
data read before a newer change never overwrites that change's mark.
"""

import hashlib

from django.db.models import Case, F, Q, TextField, Value, When
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.safestring import mark_safe

from blog.models import Post, stale_summary_key
from core.deployment import deployment

TEMPLATE = "blog/_post_summary.html"


def current_key(site):
    """The key of summaries rendered now, for `site` (the site's settings)."""
    used = (deployment(), translation.get_language(), get_script_prefix(), site.time_zone, site.date_format)
    return hashlib.md5(repr(used).encode()).hexdigest()  # noqa: S324 (a fingerprint, not a secret)


def attach(posts, site):
    """Give each of `posts` (from Post.objects.summaries()) its `summary`, rendering those out of date.

    Costs no query when all are current; otherwise two to load the stale ones whole and one to store them.
    """
    key = current_key(site)
    stale = {post.pk: post for post in posts if post.summary_key != key}
    if stale:
        for whole in Post.objects.filter(pk__in=stale).excerpts():
            stale[whole.pk].summary_html = render_to_string(TEMPLATE, {"post": whole, "site": site})
        store(stale.values(), key)
    for post in posts:
        post.summary = mark_safe(post.summary_html)  # noqa: S308 (rendered by our template from sanitised HTML)
    return posts


def store(posts, key):
    """Store the summaries of `posts` under `key`, each only if its post still has the mark it was read with."""
    unchanged = [(post, Q(pk=post.pk, summary_key=post.summary_key)) for post in posts]
    # summary_html first: MySQL and MariaDB assign from left to right, each seeing the ones before.
    Post.objects.filter(pk__in=[post.pk for post in posts]).update(
        summary_html=Case(
            *(When(q, then=Value(post.summary_html)) for post, q in unchanged),
            default=F("summary_html"),
            output_field=TextField(),
        ),
        summary_key=Case(*(When(q, then=Value(key)) for post, q in unchanged), default=F("summary_key")),
    )


def mark_stale(posts):
    """The stored summaries of `posts` (a queryset) show something that has changed."""
    posts.update(summary_key=stale_summary_key())


def author_changed(user):
    mark_stale(Post.objects.filter(author=user))


def category_changed(**kwargs):
    # Its name, or its place in the tree and so its subcategories' links: rare enough to redo them all.
    mark_stale(Post.objects.all())


def categories_filed(instance, action, reverse, **kwargs):
    """Posts filed under categories, or taken out of them."""
    if action in ("post_add", "post_remove", "post_clear"):
        mark_stale(Post.objects.all() if reverse else Post.objects.filter(pk=instance.pk))


def featured_image_changed(instance, **kwargs):
    mark_stale(Post.objects.filter(featured_image=instance))
