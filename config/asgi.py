"""ASGI entry point."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from config.startup import load_settings_or_exit  # noqa: E402

load_settings_or_exit()

from django.core.asgi import get_asgi_application  # noqa: E402

application = get_asgi_application()
