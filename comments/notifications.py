"""E-mail about comments: to the post's author, and to commenters who asked to hear about replies."""

from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from blog.models import SiteSettings
from comments import threads
from comments.models import Comment

CONFIRM_SALT = "candid.comment-notify-confirm"
STOP_SALT = "candid.comment-notify-stop"
CONFIRM_LIFETIME = 60 * 60 * 24 * 7


def comment_posted(request, comment):
    """Send what a new comment calls for: the author's notice, the opt-in check, replies' notices."""
    site = SiteSettings.for_request(request)
    if comment.status in (Comment.Status.SPAM, Comment.Status.TRASH):
        return
    author = comment.post.author
    if site.notify_authors and author.email and author.pk != comment.user_id:
        _send(request, "author", author.email, comment, site)
    if comment.notify_replies and comment.author_email:
        token = signing.dumps(comment.pk, salt=CONFIRM_SALT)
        _send(request, "confirm", comment.author_email, comment, site,
              confirm_url=request.build_absolute_uri(reverse("comments:confirm", args=[token])))  # fmt: skip
    if comment.status == Comment.Status.APPROVED:
        reply_published(request, comment)


def held_after_edit(request, comment):
    """Tell the post's author that an approved comment, edited by its writer, waits for approval again."""
    site = SiteSettings.for_request(request)
    author = comment.post.author
    if site.notify_authors and author.email and author.pk != comment.user_id:
        _send(request, "author", author.email, comment, site, edited=True)


def reply_published(request, comment):
    """Tell the parent's author that `comment` replied to them, if they confirmed they want to know."""
    parent = comment.parent
    wanted = parent and parent.notify_replies and parent.notify_confirmed and parent.author_email
    if not wanted or parent.author_email.lower() == comment.author_email.lower():
        return
    stop_url = request.build_absolute_uri(reverse("comments:stop", args=[signing.dumps(parent.pk, salt=STOP_SALT)]))
    # RFC 8058: mail programs offer their own unsubscribe button, which POSTs to the link.
    headers = {"List-Unsubscribe": f"<{stop_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    _send(request, "reply", parent.author_email, comment, SiteSettings.for_request(request),
          parent=parent, stop_url=stop_url, headers=headers)  # fmt: skip


def _send(request, kind, to, comment, site, headers=None, **context):
    context.update(comment=comment, post=comment.post, site=site,
                   comment_url=request.build_absolute_uri(threads.comment_url(comment, site)))  # fmt: skip
    subject = " ".join(render_to_string(f"comments/email/{kind}_subject.txt", context).split())
    body = render_to_string(f"comments/email/{kind}.txt", context)
    EmailMessage(subject, body, to=[to], headers=headers).send(fail_silently=True)
