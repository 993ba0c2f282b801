"""Scheduled posts and pages go out by themselves, with no save to tell anyone: when the next one does."""

from django.db.models import Min
from django.utils import timezone

from blog.models import Entry, Page, Post


def next_publication():
    """When the next scheduled post or page goes out, or None."""
    due = {"status__in": [Entry.Status.PUBLISHED, Entry.Status.SCHEDULED], "published_at__gt": timezone.now()}
    moments = [model.objects.filter(**due).aggregate(next=Min("published_at"))["next"] for model in (Post, Page)]
    return min((moment for moment in moments if moment is not None), default=None)
