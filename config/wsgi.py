"""WSGI entry point: `gunicorn config.wsgi`."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from config.startup import load_settings_or_exit  # noqa: E402

load_settings_or_exit()

from django.core.wsgi import get_wsgi_application  # noqa: E402

from config.request_guard import guard_wsgi  # noqa: E402

application = guard_wsgi(get_wsgi_application())
