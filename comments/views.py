"""Posting a comment and changing it, the links in the reply-notification mails, and commenters' identicons."""

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from blog import protection
from blog.models import Post, SiteSettings
from comments import avatars, drafts, editing, notifications, remembered, social, spam, threads
from comments.forms import CommentEditForm, CommentForm, shown_back
from comments.models import Comment
from core.ids import as_id


@require_POST
def post_comment(request):
    post = get_object_or_404(Post.objects.visible_to(request.user), pk=as_id(request.POST.get("post", "")))
    site = SiteSettings.for_request(request)
    locked = not protection.is_unlocked(request, post)
    if locked or not post.accepts_comments(site):
        return render(request, "comments/closed.html", {"post": post, "locked": locked}, status=403)

    if not request.user.is_authenticated and post.comments_need_login(site):
        return social.login_to_comment(request)  # the form offered a login; the words are kept across it
    form = CommentForm(request.POST, post=post, user=request.user, site=site)
    if not form.is_valid():
        return _refused(request, post, site, form)
    comment = form.build(request)
    if message := spam.refusal(comment, site):
        return _refused(request, post, site, form, message)

    verdict = spam.verdict(comment, site, honeypot_filled=form.honeypot_filled, too_fast=form.too_fast)
    comment.status = verdict.status
    comment.save()
    notifications.comment_posted(request, comment)
    if comment.status == Comment.Status.PENDING:
        remembered.remember_written(request, comment)  # for as long as the session lasts: it is theirs to see
    elif comment.status == Comment.Status.APPROVED and site.comment_edit_minutes:
        remembered.remember_written(request, comment, until=editing.deadline(comment, site))
    drafts.forget(request)
    response = redirect(threads.comment_url(comment, site))
    remembered.remember_author(request, response, form)
    return response


def _refused(request, post, site, form, message=""):
    """Back to the post's form, which shows why and holds what was typed (comments/drafts.py): a 303, so that
    reloading the answer sends nothing again."""
    drafts.keep(request, post, request.POST, refusal=message)
    parent = form.cleaned_data.get("parent")
    query = threads.page_query(parent, site) if parent else ""
    return HttpResponseRedirect(f"{post.get_absolute_url()}{query}#respond", status=303)


@require_http_methods(["GET", "POST"])
def edit_comment(request, pk):
    """A writer changes their comment, for the minutes the site allows (comments/editing.py)."""
    comment, site, refusal = _changeable(request, pk)
    if refusal:
        return _edit_page(request, comment, site, refusal=refusal, status=403)
    start = {"body": comment.body, "seen": editing.fingerprint(comment.body)}
    form = CommentEditForm(request.POST or None, initial=start)
    status = 200
    if form.is_bound and form.is_valid():
        try:
            edited = editing.edit(comment, form.cleaned_data["body"], form.cleaned_data["seen"], site)
        except editing.Refused as refused:
            if not refused.conflict:
                return _edit_page(request, refused.current, site, refusal=str(refused), status=409)
            comment, status = refused.current, 409
            form.add_error(None, str(refused))
            form.data = {**form.data.dict(), "seen": editing.fingerprint(comment.body)}  # saving again overwrites
        else:
            if edited.status == Comment.Status.PENDING:
                remembered.remember_written(request, edited)  # held: its writer still sees it, from any browser
                if comment.status == Comment.Status.APPROVED:
                    notifications.held_after_edit(request, edited)
            messages.success(request, _edited_message(edited))
            shown = edited.status in editing.CHANGEABLE
            back = threads.comment_url(edited, site) if shown else _discussion(edited, site)
            return HttpResponseRedirect(back, status=303)
    elif form.is_bound:
        status = 400
        form.data = {**form.data.dict(), "body": shown_back(form.data.get("body", ""))}
    return _edit_page(request, comment, site, form=form, status=status)


@require_POST
def delete_comment(request, pk):
    """A writer takes their comment out of the discussion (to the trash); the replies to it stay."""
    comment, site, refusal = _changeable(request, pk)
    if refusal:
        return _edit_page(request, comment, site, refusal=refusal, status=403)
    try:
        editing.delete(comment)
    except editing.Refused as refused:
        return _edit_page(request, refused.current, site, refusal=str(refused), status=409)
    messages.success(request, _("Your comment was deleted. The replies to it stay in the discussion."))
    return HttpResponseRedirect(_discussion(comment, site), status=303)


def _changeable(request, pk):
    """The comment `pk` on a post the reader may see, the site, and why the reader may not change it (or None)."""
    on_visible_posts = Comment.objects.filter(post__in=Post.objects.visible_to(request.user), kind=Comment.Kind.COMMENT)
    comment = get_object_or_404(on_visible_posts.select_related("post"), pk=as_id(pk))
    site = SiteSettings.for_request(request)
    accepts = comment.post.accepts_comments(site) and protection.is_unlocked(request, comment.post)
    refusal = editing.refusal(request, comment, site, accepts_comments=accepts)
    if refusal == editing.NOT_YOURS and comment.status != Comment.Status.APPROVED:
        raise Http404("No such comment.")  # a stranger learns nothing of comments readers cannot see
    return comment, site, refusal


def _edit_page(request, comment, site, *, form=None, refusal=None, status=200):
    context = {
        "comment": comment,
        "post": comment.post,
        "form": form,
        "refusal": refusal,
        # Refused, the words sent are shown to copy (never the comment's own, which may not be theirs).
        "sent": shown_back(request.POST.get("body", "")) if refusal else "",
        "deadline": editing.deadline(comment, site),
    }
    return render(request, "comments/edit.html", context, status=status)


def _edited_message(comment):
    if comment.status == Comment.Status.APPROVED:
        return _("Your comment was updated.")
    if comment.status == Comment.Status.PENDING:
        return _("Your comment was updated. It is awaiting moderation.")
    return _("Your comment was updated and taken out of the discussion: it contains words this site does not accept.")


def _discussion(comment, site):
    """Where `comment` was in its post's discussion."""
    return f"{comment.post.get_absolute_url()}{threads.page_query(comment, site)}#comments"


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


@require_GET
def identicon(request, token):
    """A commenter's identicon: drawn from its name alone, so it never changes and may be kept for good."""
    response = HttpResponse(avatars.identicon_svg(token), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
