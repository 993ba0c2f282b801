"""Autosaves: the words in a post's or page's form, kept every few seconds as they are typed, never published.

Each tab of the form keeps its own (static/js/writing-desk.js makes a random id per tab), so two tabs
writing the same entry never overwrite each other's text. Opening the form again offers the newest one that
is more recent than the entry and differs from it; saving the entry discards the writer's autosaves of it.
"""

import datetime
import re

from django.utils import timezone

from blog.models import Autosave

FIELDS = ("title", "excerpt", "body", "format")
KEPT_PER_ENTRY = 5  # a writer's newest tabs on one entry; older ones go
NEW_ENTRY_DAYS = 7  # how long the words of a form never saved are offered again
TAB_RE = re.compile(r"[A-Za-z0-9_-]{8,32}")


def valid_tab(tab):
    return bool(TAB_RE.fullmatch(tab or ""))


def keep(user, entry_type, entry_id, tab, values):
    """Keep `values` (FIELDS) as `user`'s autosave of the entry in this tab; return the Autosave."""
    autosave, _ = Autosave.objects.update_or_create(
        user=user, entry_type=entry_type, entry_id=entry_id, tab=tab,
        defaults={**{name: values.get(name, "") for name in FIELDS}, "saved_at": timezone.now()},
    )  # fmt: skip
    older = Autosave.objects.filter(user=user, entry_type=entry_type, entry_id=entry_id)
    Autosave.objects.filter(pk__in=list(older.values_list("pk", flat=True)[KEPT_PER_ENTRY:])).delete()
    return autosave


def newer(user, entry_type, entry):
    """`user`'s newest autosave of `entry` (None: a new one) more recent than it and differing from it, or None."""
    autosaves = Autosave.objects.filter(user=user, entry_type=entry_type, entry_id=entry.pk if entry else None)
    if entry is None:
        return autosaves.filter(saved_at__gte=timezone.now() - datetime.timedelta(days=NEW_ENTRY_DAYS)).first()
    for autosave in autosaves.filter(saved_at__gt=entry.updated_at)[:KEPT_PER_ENTRY]:
        if any(getattr(autosave, name) != getattr(entry, name, "") for name in FIELDS):  # pages have no excerpt
            return autosave
    return None


def discard(user, entry_type, entry_id, tab=""):
    """After `user` saved the entry: their autosaves of it are done with (and, for a new one, this tab's)."""
    Autosave.objects.filter(user=user, entry_type=entry_type, entry_id=entry_id).delete()
    if tab:
        Autosave.objects.filter(user=user, entry_type=entry_type, entry_id=None, tab=tab).delete()
