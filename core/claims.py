"""Holds that only one request can take: the atomic half of the comment duplicate and flood rules
(comments/spam.py), and one preview at a time per author (blog/authoring/preview.py).

A check followed by an insert lets simultaneous requests all pass the check. A claim is one row with a unique
key: whoever inserts it, or moves the `until` of an expired one forward in a single UPDATE, holds it; the
database decides between simultaneous requests, on every engine, and no cache is needed.
"""

import datetime
import hashlib

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

KEEP_EXPIRED = datetime.timedelta(hours=1)  # expired claims are reused a while, then deleted


def _claims():
    """The model settings.CLAIMS_MODEL names (a unique `key`, an `until`): named, so core imports no models."""
    return apps.get_model(settings.CLAIMS_MODEL)


def key_for(*parts):
    return hashlib.sha256("\x00".join(str(part) for part in parts).encode()).hexdigest()


def take(key, seconds):
    """Hold `key` for `seconds` if nobody holds it now; whether this call got it."""
    now = timezone.now()
    until = now + datetime.timedelta(seconds=seconds)
    _clear_away(now)
    try:
        with transaction.atomic():
            _claims().objects.create(key=key, until=until)
        return True
    except IntegrityError:  # held, or held once: take it over only if it has expired
        return _claims().objects.filter(key=key, until__lte=now).update(until=until) == 1


def _clear_away(now):
    # By primary key, out of a plain read: a range DELETE would lock the gaps of the `until` index, and MariaDB
    # would then find simultaneous claims deadlocked with it.
    expired = list(_claims().objects.filter(until__lt=now - KEEP_EXPIRED).values_list("pk", flat=True)[:100])
    if expired:
        _claims().objects.filter(pk__in=expired).delete()


def give_back(*keys):
    """Let go of claims taken for a comment that was refused after all."""
    _claims().objects.filter(key__in=keys).delete()
