from django import template
from django.contrib.auth import get_user_model

from blog.models import Post, SiteSettings, is_published
from comments import drafts, editing, threads
from comments.avatars import picture_of
from comments.models import Comment, shown_name
from comments.remembered import remembered_author, written_by
from comments.rendering import comment_list
from comments.social import login_choices
from core import prepared
from core.ids import as_id
from core.links import linker

register = template.Library()


@register.inclusion_tag("comments/thread.html", takes_context=True)
def comment_thread(context, post):
    """A post's discussion and its form: one query for the comments, nested without recursion."""
    request = context["request"]
    site = SiteSettings.for_request(request)
    page = as_id(request.GET.get(threads.PAGE_PARAMETER, ""), digits=5) or 1
    shown = threads.discussion(post, site, pending_ids=written_by(request), page=page)
    accepts = post.accepts_comments(site)
    form = drafts.form_for(request, post, site, _initial(request)) if accepts else None
    replying_to = _replying_to(form, shown["comments"]) if accepts else None
    changeable = editing.changeable_ids(request, shown["comments"], site) if accepts else set()
    listed = comment_list(shown["comments"], shown["still_open"], post, accepts, site.show_gravatars, shown["page"],
                          changeable)  # fmt: skip
    return {**shown, "post": post, "request": request, "accepts_comments": accepts, "form": form,
            "comment_list": listed, "replying_to": replying_to, "user": request.user,
            **login_choices(request)}  # fmt: skip


def _initial(request):
    """What a new form starts with: the remembered guest, and the comment `?replytocom=ID` answers."""
    initial = remembered_author(request)
    reply_to = as_id(request.GET.get("replytocom", ""))
    if reply_to is not None:
        initial["parent"] = reply_to
    return initial


def _replying_to(form, comments):
    """The comment the form answers (`?replytocom=ID`, or a re-displayed reply), if shown on this page."""
    parent = form.data.get("parent") if form.is_bound else form.initial.get("parent")
    return next((c for c in comments if str(c.pk) == str(parent) and c.status == Comment.Status.APPROVED), None)


@register.inclusion_tag("comments/widgets/recent_comments.html")
def recent_comments():
    """The five newest comments on posts anyone may read: (name, the comment's address, the post's title)."""
    link, name_from = linker(), get_user_model().name_from
    return {
        "comments": [
            (shown_name(name, user_id and name_from(*user)), f"{Post.permalink(day, slug, link)}#comment-{pk}", title)
            for pk, name, user_id, *user, title, slug, day in prepared.rows(_recent_comments)
        ]
    }


def _recent_comments(now):
    return (
        Comment.objects.approved()
        .filter(is_published("post__", now), kind=Comment.Kind.COMMENT, post__password="")
        .values_list(
            "pk",
            "author_name",
            "user_id",
            "user__display_name",
            "user__first_name",
            "user__last_name",
            "user__username",
            "post__title",
            "post__slug",
            "post__published_on",
        )
        .order_by("-created_at")[:5]
    )


@register.filter
def picture(user):
    """The web address of a reader's picture: their provider's, else their identicon."""
    return picture_of(user)
