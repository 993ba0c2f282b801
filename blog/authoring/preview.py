"""Previews: a saved draft at a signed link for its author and editors, and unsaved edits from the form."""

import math
import time
from contextlib import contextmanager

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.views.decorators.cache import never_cache

from blog.authoring.permissions import can_edit_others
from blog.models import Post, new_preview_key
from blog.rendering import bounded
from core import claims

# A preview being made is held by its author for this long at most (a worker that died meanwhile lets go then):
# longer than any rendering, which bounded.render_within() stops after its RENDER_SECONDS.
HOLD_SECONDS = 30
# A preview that took at least this long is followed by a rest as long as it took, so that one author making
# preview after preview of a slow text holds a worker half the time at most; ordinary previews take far less.
REST_AFTER_SECONDS = 0.5
_clock = time.monotonic

BUSY = (
    "Your last preview is still being made, or took a while and was made a moment ago. "
    "Wait a moment, then press Preview again."
)


def signature(post):
    return salted_hmac("candid.preview", f"{post.pk}:{post.preview_key}").hexdigest()[:32]


def preview_url(post):
    return reverse("blog:preview", args=[post.pk, signature(post)])


def revoke(post):
    """Make the post's current preview link stop working."""
    post.preview_key = new_preview_key()
    Post.objects.filter(pk=post.pk).update(preview_key=post.preview_key)


class Busy(Exception):
    def __str__(self):
        return BUSY


def preview_claim(user):
    return claims.key_for("blog.preview", user.pk)


@contextmanager
def one_at_a_time(user):
    """Make one preview for `user`, or Busy while another of theirs is being made or has just taken long.

    An atomic claim (core/claims.py), not a check: two previews sent at once cannot both pass."""
    key = preview_claim(user)
    if not claims.take(key, HOLD_SECONDS):
        raise Busy
    started = _clock()
    try:
        yield
    finally:
        took = _clock() - started
        claims.give_back(key)
        if took >= REST_AFTER_SECONDS:
            claims.take(key, took)


def refusal(request, message, status):
    """A preview that was not made: a page of the theme saying why, in the tab the preview would have opened in."""
    response = render(request, "blog/preview_refused.html", {"message": message}, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    if status == 429:
        response["Retry-After"] = str(math.ceil(bounded.RENDER_SECONDS))
    return response


def render_preview(request, post):
    response = render(request, "blog/preview.html", {"post": post, "pages": post.pages})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def saved_post_preview(request, pk, token):
    """The post as saved, for its author and editors holding a current link."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    post = get_object_or_404(Post.objects.select_related("author"), pk=pk)
    if not constant_time_compare(token, signature(post)):
        raise Http404("This preview link is not valid any more.")
    if post.author_id != request.user.pk and not can_edit_others(request.user, Post):
        raise PermissionDenied("Only the post's author and editors may preview it.")
    return render_preview(request, post)
