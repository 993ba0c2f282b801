"""A reader's own pages: their public profile, their account settings, their data."""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts import erasure
from blog.models import Post
from comments.models import Comment


def profile(request, username):
    """A reader's public page: their name, picture and approved comments on public posts."""
    person = get_object_or_404(get_user_model(), username=username, is_active=True)
    comments = (
        Comment.objects.approved()
        .filter(user=person, post__in=Post.objects.published().unprotected())
        .select_related("post")
        .order_by("-created_at")[:50]
    )
    return render(request, "accounts/profile.html", {"person": person, "comments": comments})


@login_required
def account_settings(request):
    return render(request, "accounts/settings.html", {"may_delete": erasure.may_delete_themselves(request.user)})


@login_required
def export_comments(request):
    """Everything the reader wrote here, as JSON they can keep."""
    comments = Comment.objects.filter(user=request.user).select_related("post").prefetch_related("revisions")
    comments = comments.order_by("created_at")
    data = {
        "username": request.user.username,
        "display_name": request.user.public_name,
        "email": request.user.email,
        "comments": [
            {
                "post": c.post.title,
                "url": request.build_absolute_uri(c.get_absolute_url()),
                "written": c.created_at.isoformat(),
                "status": c.status,
                "text": c.body,
                "edited": c.edited_at.isoformat() if c.edited_at else None,
                # What it said before its writer changed it, newest first (comments/editing.py).
                "earlier_versions": [revision.body for revision in c.revisions.all()],
            }
            for c in comments
        ],
    }
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{request.user.username}-comments.json"'
    return response


@login_required
@require_POST
def delete_account(request):
    user = request.user
    if not erasure.may_delete_themselves(user):
        messages.error(request, "Staff accounts are removed by the site owner; please ask them.")
        return redirect("accounts:settings")
    if request.POST.get("confirm") != user.username:
        messages.error(request, "Type your user name exactly to confirm; nothing was deleted.")
        return redirect("accounts:settings")
    logout(request)
    erasure.delete_account(user)
    messages.success(request, "Your account is deleted. Your comments stay, without your name.")
    return redirect("/")
