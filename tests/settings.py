"""Candid's settings for the test suite: the real ones, with a fixed key and fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "candid-tests-only-" + "k" * 40)
# The demo login provider, as a newcomer's `make run` has it: the social-comment flow without keys.
os.environ.setdefault("DEMO_LOGIN", "1")

from config.settings import *  # noqa: E402, F403

# Hashing passwords slowly is the point in production, and a waste in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The manifest of hashed static files only exists after collectstatic.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# Two-factor for staff is tested on its own (tests/accounts); other admin tests log in directly.
STAFF_2FA = False
# Serve static files straight from the source folders, as `collectstatic` has not run.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# Other sites answer from recordings (tests/recorded.py): no test reaches outside this machine.
OUTBOUND_TRANSPORT = "tests.recorded.transport"
