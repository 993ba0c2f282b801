"""Load the settings before Django does, so a configuration mistake reads as one line."""

import importlib
import os
import sys

from django.core.exceptions import ImproperlyConfigured


def load_settings_or_exit():
    """Import the settings module; on a configuration error print what to fix and exit with status 2."""
    try:
        importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    except ImproperlyConfigured as exc:
        print(f"Candid cannot start: {exc}", file=sys.stderr)
        sys.exit(2)
