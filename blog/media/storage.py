"""Writing and deleting the library's files through Django's default storage (local disk or S3 alike)."""

import logging
from functools import partial

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

logger = logging.getLogger(__name__)


def write(name, content):
    """Store `content` (bytes) under `name`, or a free name next to it; return the name used."""
    return default_storage.save(name, ContentFile(content))


def delete(names):
    """Remove the files named, now; a file already gone is not an error."""
    for name in dict.fromkeys(filter(None, names)):
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Could not delete %s from the media storage.", name, exc_info=True)


def delete_on_commit(names):
    """Remove the files once the transaction commits, so that a rolled-back delete keeps them."""
    transaction.on_commit(partial(delete, list(names)))
