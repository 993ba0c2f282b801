"""What this deployment is: its code, templates and static files, and the settings that change what pages show.

Cached pages (core/pagecache/) and stored post summaries (blog/summaries.py) carry this digest in their
keys, so a new version, or a restart with new configuration (a social login provider's keys set, another
site URL or language), never serves what the one before rendered.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings


@functools.cache
def deployment():
    """A short digest of PAGE_CACHE_SOURCES' files and of the settings PAGE_CACHE_SETTINGS names."""
    digest = hashlib.sha256()
    for folder in settings.PAGE_CACHE_SOURCES:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.read_bytes())
    for name in settings.PAGE_CACHE_SETTINGS:
        digest.update(f"{name}={getattr(settings, name, None)!r}".encode())
    return digest.hexdigest()[:12]
