"""Moderating comments: each decision also teaches the spam filter and may notify a commenter."""

from comments import bayes, notifications
from comments.models import Comment
from core.pagecache import generation

Status = Comment.Status


def moderate(request, comments, status):
    """Put `comments` in `status`; return how many changed."""
    changed = 0
    for comment in comments:
        before = comment.status
        if before == status:
            continue
        _teach(comment, status)
        comment.status = status
        Comment.objects.filter(pk=comment.pk).update(status=status, taught_as=comment.taught_as)
        if status == Status.APPROVED:
            notifications.reply_published(request, comment)
        changed += 1
    if changed:
        generation.content_changed()
    return changed


def _teach(comment, status):
    """Approving teaches "not spam", marking spam teaches "spam"; a reversed decision takes the old lesson back.

    Each comment is taught once per lesson: a comment approved when it was posted (never taught) and marked
    spam later teaches "spam" only.
    """
    lesson = {Status.SPAM: "spam", Status.APPROVED: "ham"}.get(status)
    if lesson is None or lesson == comment.taught_as:
        return
    if comment.taught_as:
        bayes.train(comment, is_spam=comment.taught_as == "spam", undo=True)
    bayes.train(comment, is_spam=lesson == "spam")
    comment.taught_as = lesson
