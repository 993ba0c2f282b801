"""Posting a comment, and the links in the reply-notification mails."""

from django.core import signing
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from blog import protection
from blog.ids import as_id
from blog.models import Post, SiteSettings
from blog.views import render_post
from comments import author_cookie, notifications, social, spam, threads
from comments.forms import CommentForm
from comments.models import Comment

AUTHOR_COOKIE = "comment_author"
AUTHOR_COOKIE_AGE = 60 * 60 * 24 * 365
PENDING_SESSION_KEY = "pending_comments"
KEEP_PENDING = 20


@require_POST
def post_comment(request):
    post = get_object_or_404(Post.objects.visible_to(request.user), pk=as_id(request.POST.get("post", "")))
    site = SiteSettings.for_request(request)
    locked = not protection.is_unlocked(request, post)
    if locked or not post.accepts_comments(site):
        return render(request, "comments/closed.html", {"post": post, "locked": locked}, status=403)

    form = CommentForm(request.POST, post=post, user=request.user, site=site)
    if not form.is_valid():
        return render_post(request, post, status=400, comment_form=form)
    comment = form.build(request)
    if message := spam.refusal(comment, site):
        form.add_error(None, message)
        return render_post(request, post, status=409 if message == spam.DUPLICATE else 429, comment_form=form)

    verdict = spam.verdict(comment, site, honeypot_filled=form.honeypot_filled, too_fast=form.too_fast)
    comment.status = verdict.status
    comment.save()
    notifications.comment_posted(request, comment)
    if comment.status == Comment.Status.PENDING:
        _remember_pending(request, comment)
    social.forget_draft(request)
    response = redirect(threads.comment_url(comment, site))
    _remember_author(request, response, form)
    return response


def _remember_pending(request, comment):
    """Let the reader see their own held comment (and only they) until a moderator decides."""
    pending = request.session.get(PENDING_SESSION_KEY, [])
    request.session[PENDING_SESSION_KEY] = [*pending, comment.pk][-KEEP_PENDING:]


def pending_for(request):
    return request.session.get(PENDING_SESSION_KEY, [])


def _remember_author(request, response, form):
    """Keep a guest's name, e-mail and website for next time, only if they ticked the box."""
    if request.user.is_authenticated:
        return
    if form.cleaned_data.get("remember"):
        author = {key: form.cleaned_data[key] for key in ("name", "email", "url")}
        author_cookie.store(response, AUTHOR_COOKIE, author, max_age=AUTHOR_COOKIE_AGE, secure=request.is_secure())
    else:
        response.delete_cookie(AUTHOR_COOKIE)


def remembered_author(request):
    """The name, e-mail and website a guest asked to be remembered, or {}."""
    return author_cookie.load(request, AUTHOR_COOKIE, max_age=AUTHOR_COOKIE_AGE)


# The links in the mails only ask; a button (a POST) decides. Mail scanners open every link in a message,
# and must neither confirm a subscription nobody asked for nor end one.


@require_http_methods(["GET", "POST"])
def confirm_notifications(request, token):
    """The double opt-in: the commenter confirms from their mailbox that they want reply mails."""
    comment = _comment_from(token, notifications.CONFIRM_SALT, max_age=notifications.CONFIRM_LIFETIME)
    if request.method == "POST":
        Comment.objects.filter(pk=comment.pk).update(notify_confirmed=True)
    context = {"comment": comment, "subscribing": True, "done": request.method == "POST"}
    return render(request, "comments/notifications.html", context)


@csrf_exempt  # the signed token is the authority; mail programs send RFC 8058's one-click POST without a page
@require_http_methods(["GET", "POST"])
def stop_notifications(request, token):
    """The unsubscribe link in every reply mail, and its one-click POST (List-Unsubscribe-Post)."""
    comment = _comment_from(token, notifications.STOP_SALT)
    if request.method == "POST":
        Comment.objects.filter(pk=comment.pk).update(notify_replies=False, notify_confirmed=False)
    context = {"comment": comment, "subscribing": False, "done": request.method == "POST"}
    return render(request, "comments/notifications.html", context)


def _comment_from(token, salt, max_age=None):
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        pk = None
    return get_object_or_404(Comment.objects.select_related("post"), pk=pk)
