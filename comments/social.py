"""Logging in to comment: the login buttons in the comment form, and the round trip.

The buttons submit the comment form itself to `login_to_comment`, which keeps what the reader
typed in their session (comments/drafts.py) before sending them to the provider, or to the site's
own login page; back on the post, the form is filled in again.
"""

from urllib.parse import urlencode

from allauth.socialaccount.adapter import get_adapter
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST

from blog.models import Post
from comments import drafts
from core.ids import as_id


def login_choices(request):
    """The providers a guest may log in with, or the provider a logged-in reader came through."""
    if request.user.is_authenticated:
        account = request.user.socialaccount_set.order_by("-last_login").first()
        return {"social_provider": account.get_provider().name if account else None}
    return {"providers": get_adapter().list_providers(request)}


@require_POST
def login_to_comment(request, provider_id=None):
    """Keep the reader's comment, then log them in: through `provider_id`, or with a local account."""
    post = get_object_or_404(Post.objects.visible_to(request.user), pk=as_id(request.POST.get("post", "")))
    back = f"{post.get_absolute_url()}#respond"
    providers = {provider.id: provider for provider in get_adapter().list_providers(request)}
    if provider_id is not None and provider_id not in providers:
        raise Http404("No such way to log in here.")
    drafts.keep(request, post, request.POST)
    if provider_id is None:
        return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': back})}", status=303)
    return providers[provider_id].redirect(request, process="login", next_url=back)
