"""Previews: a saved draft at a signed link for its author and editors, and unsaved edits from the form."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.views.decorators.cache import never_cache

from blog.models import Post, new_preview_key
from blog.permissions import can_edit_others


def signature(post):
    return salted_hmac("candid.preview", f"{post.pk}:{post.preview_key}").hexdigest()[:32]


def preview_url(post):
    return reverse("blog:preview", args=[post.pk, signature(post)])


def revoke(post):
    """Make the post's current preview link stop working."""
    post.preview_key = new_preview_key()
    Post.objects.filter(pk=post.pk).update(preview_key=post.preview_key)


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
