"""Moderating comments: each decision also teaches the spam filter and may notify a commenter."""

from blog import caching
from comments import bayes, notifications
from comments.models import Comment

Status = Comment.Status


def moderate(request, comments, status):
    """Put `comments` in `status`; return how many changed."""
    changed = 0
    for comment in comments:
        before = comment.status
        if before == status:
            continue
        _teach(comment, before, status)
        comment.status = status
        Comment.objects.filter(pk=comment.pk).update(status=status)
        if status == Status.APPROVED:
            notifications.reply_published(request, comment)
        changed += 1
    if changed:
        caching.content_changed()
    return changed


def _teach(comment, before, after):
    """Approving counts as "not spam", marking spam as "spam"; a reversed decision takes the old lesson back."""
    if after == Status.SPAM:
        bayes.train(comment, is_spam=True)
        if before == Status.APPROVED:
            bayes.train(comment, is_spam=False, undo=True)
    elif after == Status.APPROVED:
        bayes.train(comment, is_spam=False)
        if before == Status.SPAM:
            bayes.train(comment, is_spam=True, undo=True)
