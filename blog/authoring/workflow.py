"""The post form's buttons and the state each one puts a post in."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from blog.models import Post

Status = Post.Status

# The submit buttons of the post form, by their `name`, with their labels.
BUTTONS = {
    "_draft": "Save draft",
    "_pending": "Submit for review",
    "_schedule": "Schedule",
    "_publish": "Publish",
}
PUBLISHING_BUTTONS = {"_schedule", "_publish"}


def pressed_button(data):
    """The workflow button a POST was sent with, or None for the plain Save buttons."""
    return next((name for name in BUTTONS if name in data), None)


def resolve_status(button, status, published_at):
    """Return (status, published_at) after `button`, or raise ValidationError.

    "Publish" with a date in the future schedules the post, as does choosing
    "published" with such a date; "Schedule" needs a date in the future.
    """
    now = timezone.now()
    status = {"_draft": Status.DRAFT, "_pending": Status.PENDING, "_schedule": Status.SCHEDULED}.get(
        button, Status.PUBLISHED if button == "_publish" else status
    )
    if status == Status.PUBLISHED and published_at and published_at > now:
        status = Status.SCHEDULED
    if status == Status.SCHEDULED and (published_at is None or published_at <= now):
        raise ValidationError(
            {"published_at": "To schedule the post, give it a publication date and time in the future."}
        )
    if status in (Status.PUBLISHED, Status.PRIVATE) and published_at is None:
        published_at = now
    return status, published_at
