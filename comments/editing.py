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
TOO_MANY = _(
    "This comment has been changed %(count)s times, as often as a comment may be. To say more, write a new one."
)
CHANGED = _(
    "This comment was changed since you opened it, perhaps by a moderator: what it says now is shown below. "
    "Your version was not saved; it is in the box, to copy or to save over it."
)


# Each edit is kept, and empties the page cache once it shows: a few fix any typo, and bound what one writer costs.
MAX_EDITS = 10


class Refused(Exception):
    """The change cannot be made; `current` is the comment as it is now. A `conflict` may be resolved: the
    writer sees what it says now, and may save over it."""

    def __init__(self, message, current, *, conflict=False):
        super().__init__(message)
        self.current, self.conflict = current, conflict


def deadline(comment, site):
    return comment.created_at + timedelta(minutes=site.comment_edit_minutes)


def is_theirs(request, comment, written):
    """Whether the reader wrote `comment`: this browser did (`written`, from written_by()), or their account."""
    return comment.pk in written or bool(comment.user_id and comment.user_id == request.user.pk)


def refusal(request, comment, site, *, accepts_comments):
    """Why the reader may not change `comment` now, or None when they may."""
    if not is_theirs(request, comment, written_by(request)):
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
    now, written = timezone.now(), written_by(request)
    return {c.pk for c in comments if c.status in CHANGEABLE and now <= deadline(c, site)
            and is_theirs(request, c, written)}  # fmt: skip


def fingerprint(body):
    """What the edit form remembers of the text it started from."""
    return hashlib.sha256(body.encode()).hexdigest()[:32]


@transaction.atomic
def edit(comment, body, seen, site):
    """Save `body` as `comment`'s new text if its text is still the one fingerprinted `seen`; return the comment."""
    current = _locked(comment)
    if fingerprint(current.body) != seen:
        raise Refused(CHANGED, current, conflict=True)
    if current.body == body:
        return current
    if (edits := current.revisions.filter(change=CommentRevision.Change.EDITED).count()) >= MAX_EDITS:
        raise Refused(TOO_MANY % {"count": edits}, current)
    CommentRevision.objects.create(comment=current, change=CommentRevision.Change.EDITED, body=current.body,
                                   status=current.status)  # fmt: skip
    if current.taught_as:
        # The filter learnt from the old words; what it learnt goes, the moderator never saw the new ones.
        bayes.train(current, is_spam=current.taught_as == "spam", undo=True)
        current.taught_as = ""
    current.body, before = body, current.status
    current.status = max(before, spam.verdict(current, site).status, key=STANDING.index)
    current.edited_at = timezone.now()
    # The status is saved only when it changes: a held comment edited and still held changes no page
    # (config/invalidation.py).
    changed = ["body", "body_html", "edited_at", "spam_score", "taught_as", *(["status"] * (current.status != before))]
    current.save(update_fields=changed)
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
