"""A commenter fixing or removing their own comment, for the few minutes the site allows.

A comment is its writer's to change when this browser wrote it (comments/remembered.py) or its account is
the reader's. A change is made under a lock on the comment's row, against the text the writer saw: a
moderator's decision that came first is kept, and a moderator's edit is never overwritten unseen. An edited
comment goes through the spam layers again and may only go down in standing (an approved comment may be
held, or trashed for a disallowed term; a held one stays held). What it said before is kept, for moderators.
"""

import hashlib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from comments import bayes, spam
from comments.models import Comment, CommentRevision
from comments.remembered import written_by

Status = Comment.Status
# What a writer may still change: what moderators have not removed (nor they themselves).
CHANGEABLE = (Status.APPROVED, Status.PENDING)
# From least to most withdrawn: an edit never moves a comment to the left.
STANDING = [Status.APPROVED, Status.PENDING, Status.SPAM, Status.TRASH]

NOT_YOURS = _(
    "You can only change your own comments: from the browser you posted them with, or logged in to the account "
    "that posted them."
)
REMOVED = _("This comment has been removed from the discussion, so it can no longer be changed.")
CLOSED = _("The discussion on this post is closed, so its comments can no longer be changed.")
TIME_IS_UP = _(
    "The time to change this comment is over: comments can be changed for %(minutes)s minutes after posting."
)
NEVER = _("This site does not let commenters change their comments once posted.")
CHANGED = _(
    "This comment was changed since you opened it, perhaps by a moderator: what it says now is shown below. "
    "Your version was not saved; it is in the box, to copy or to save over it."
)


class Refused(Exception):
    """The change cannot be made; `current` is the comment as it is now."""

    def __init__(self, message, current):
        super().__init__(message)
        self.current = current


def deadline(comment, site):
    return comment.created_at + timedelta(minutes=site.comment_edit_minutes)


def is_theirs(request, comment):
    if comment.user_id and comment.user_id == request.user.pk:
        return True
    return comment.pk in written_by(request)


def refusal(request, comment, site, *, accepts_comments):
    """Why the reader may not change `comment` now, or None when they may."""
    if not is_theirs(request, comment):
        return NOT_YOURS
    if comment.status not in CHANGEABLE:
        return REMOVED
    if not accepts_comments:
        return CLOSED
    if not site.comment_edit_minutes:
        return NEVER
    if timezone.now() > deadline(comment, site):
        return TIME_IS_UP % {"minutes": site.comment_edit_minutes}
    return None


def changeable_ids(request, comments, site):
    """The ids, among `comments` already loaded, that the reader may change now: no query."""
    if not site.comment_edit_minutes:
        return set()
    now = timezone.now()
    return {c.pk for c in comments if c.status in CHANGEABLE and now <= deadline(c, site) and is_theirs(request, c)}


def fingerprint(body):
    """What the edit form remembers of the text it started from."""
    return hashlib.sha256(body.encode()).hexdigest()[:32]


@transaction.atomic
def edit(comment, body, seen, site):
    """Save `body` as `comment`'s new text if its text is still the one fingerprinted `seen`; return the comment."""
    current = _locked(comment)
    if fingerprint(current.body) != seen:
        raise Refused(CHANGED, current)
    if current.body == body:
        return current
    CommentRevision.objects.create(comment=current, change=CommentRevision.Change.EDITED, body=current.body,
                                   status=current.status)  # fmt: skip
    if current.taught_as:
        # The filter learnt from the old words; what it learnt goes, the moderator never saw the new ones.
        bayes.train(current, is_spam=current.taught_as == "spam", undo=True)
        current.taught_as = ""
    current.body = body
    verdict = spam.verdict(current, site)
    current.status = max(current.status, verdict.status, key=STANDING.index)
    current.edited_at = timezone.now()
    current.save(update_fields=["body", "body_html", "status", "edited_at", "spam_score", "taught_as"])
    return current


@transaction.atomic
def delete(comment):
    """Take `comment` out of the discussion: to the trash, where moderators still see it. Its replies stay."""
    current = _locked(comment)
    CommentRevision.objects.create(comment=current, change=CommentRevision.Change.DELETED, body=current.body,
                                   status=current.status)  # fmt: skip
    current.status = Status.TRASH
    current.save(update_fields=["status"])
    return current


def _locked(comment):
    """`comment` as it is now, locked until the transaction ends: a moderator's decision waits, or came first."""
    current = Comment.objects.select_for_update().get(pk=comment.pk)
    if current.status not in CHANGEABLE:
        raise Refused(REMOVED, current)
    return current
