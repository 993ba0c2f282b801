from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from comments.markup import render_comment_body

# Each level of the stored path is the comment's id, zero-padded so that
# ordering by path is thread order (parents before replies, oldest first).
PATH_DIGITS = 10
# The path stores at most this many levels (219 of its 255 characters), twice the deepest nesting a site
# may show. A reply deeper than that is stored as the next sibling of its parent: kept, in thread order,
# and shown at the deepest level anyway. Its `parent` stays the comment it answers.
PATH_LEVELS = 20


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)


def shown_name(author_name, user_name):
    """The name a comment shows: the one given with it, else its user's public name, else "Anonymous"."""
    return author_name or user_name or "Anonymous"


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        TRASH = "trash", "Trash"

    class Kind(models.TextChoices):
        COMMENT = "comment", "Comment"
        PINGBACK = "pingback", "Pingback"
        TRACKBACK = "trackback", "Trackback"

    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    author_name = models.CharField(max_length=100, blank=True)
    author_email = models.EmailField(blank=True)
    author_url = models.URLField(blank=True)
    body = models.TextField()
    body_html = models.TextField(editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COMMENT)
    # Kept for moderation only; never shown to readers.
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The commenter asked to hear about replies, and (double opt-in) confirmed it from their mailbox.
    notify_replies = models.BooleanField(default=False)
    notify_confirmed = models.BooleanField(default=False)
    spam_score = models.FloatField(null=True, blank=True, editable=False)
    # What a moderator's decision taught the spam filter about this comment ("spam", "ham" or nothing yet),
    # so that a reversed decision takes back only a lesson that was given.
    taught_as = models.CharField(max_length=4, blank=True, editable=False)
    # When its writer last changed its text (comments/editing.py); the page then says "edited".
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    path = models.CharField(max_length=255, editable=False, db_index=True)
    wp_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        indexes = [models.Index(fields=["post", "status", "path"])]

    def __str__(self):
        return f"{self.display_name} on {self.post}"

    def save(self, *args, **kwargs):
        self.body_html = render_comment_body(self.body)
        # The path needs the new row's id: both writes commit together, so no crash leaves a comment
        # without its place in the thread.
        with transaction.atomic():
            super().save(*args, **kwargs)
            path = thread_path(self.parent.path if self.parent_id else "", self.pk)
            if path != self.path:
                self.path = path
                Comment.objects.filter(pk=self.pk).update(path=path)

    def get_absolute_url(self):
        return f"{self.post.get_absolute_url()}#comment-{self.pk}"

    @property
    def display_name(self):
        return shown_name(self.author_name, self.user.public_name if self.user_id and not self.author_name else "")

    @property
    def depth(self):
        return self.path.count("/")


def thread_path(parent_path, pk):
    """The stored path of comment `pk` replying to the comment at `parent_path` ("" for a new thread)."""
    levels = parent_path.split("/")[: PATH_LEVELS - 1] if parent_path else []
    return "/".join([*levels, f"{pk:0{PATH_DIGITS}d}"])


class CommentRevision(models.Model):
    """What a comment said before its writer changed or deleted it: for moderators, never shown to readers."""

    class Change(models.TextChoices):
        EDITED = "edited", "Edited by its writer"
        DELETED = "deleted", "Deleted by its writer"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    change = models.CharField(max_length=7, choices=Change.choices)
    body = models.TextField("text before")
    status = models.CharField("status before", max_length=10, choices=Comment.Status.choices)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.get_change_display()} at {self.changed_at:%Y-%m-%d %H:%M:%S}"


class SpamToken(models.Model):
    """How often a word has been seen in comments marked spam and in comments approved: the filter's memory."""

    token = models.CharField(max_length=64, unique=True)
    spam = models.PositiveIntegerField(default=0)
    ham = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.token}: {self.spam} spam, {self.ham} ham"


class Claim(models.Model):
    """A hold, until a moment, on something only one comment at a time may do: post a given text, or post at all
    from one address. Taken by one atomic write, so simultaneous requests cannot both pass (core/claims.py)."""

    key = models.CharField(max_length=64, unique=True)
    until = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key} until {self.until:%Y-%m-%d %H:%M:%S}"
