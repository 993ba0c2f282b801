"""Commenting through a social account: the provider buttons in the comment form, and the round trip.

The buttons submit the comment form itself to `login_to_comment`, which keeps what the reader
typed in their session before sending them to the provider; back on the post, the form is
filled in again.
"""

from allauth.socialaccount.adapter import get_adapter
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from blog.models import Post
from comments.forms import MAX_BODY
from core.ids import as_id

DRAFT_SESSION_KEY = "comment_draft"


def login_choices(request):
    """The providers a guest may log in with, or the provider a logged-in reader came through."""
    if request.user.is_authenticated:
        account = request.user.socialaccount_set.order_by("-last_login").first()
        return {"social_provider": account.get_provider().name if account else None}
    return {"providers": get_adapter().list_providers(request)}


@require_POST
def login_to_comment(request, provider_id):
    post = get_object_or_404(Post.objects.visible_to(request.user), pk=as_id(request.POST.get("post", "")))
    providers = {provider.id: provider for provider in get_adapter().list_providers(request)}
    if provider_id not in providers:
        raise Http404("No such way to log in here.")
    request.session[DRAFT_SESSION_KEY] = {
        "post": post.pk,
        "body": request.POST.get("body", "")[:MAX_BODY],
        "parent": request.POST.get("parent", ""),
    }
    return providers[provider_id].redirect(request, process="login", next_url=f"{post.get_absolute_url()}#respond")


def draft_for(request, post):
    """The comment the reader was writing on `post` before logging in, as form initial data."""
    draft = request.session.get(DRAFT_SESSION_KEY)
    if not draft or draft.get("post") != post.pk:
        return {}
    initial = {"body": draft["body"]}
    parent = as_id(draft.get("parent", ""))
    if parent is not None:
        initial["parent"] = parent
    return initial


def forget_draft(request):
    request.session.pop(DRAFT_SESSION_KEY, None)
