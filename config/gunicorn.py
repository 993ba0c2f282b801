"""gunicorn's settings for Candid: `gunicorn -c config/gunicorn.py config.wsgi` (see README, Deploying)."""

import multiprocessing
import os

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int

# Loopback only: a worker is held while its client sends a request, so a proxy that reads requests whole
# (nginx, config/nginx.conf) must face the network, never gunicorn itself.
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
try:
    workers = env_int("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1)
    threads = env_int("THREADS", 1)
    # The proxy in front (README, Deploying) logs every request already; writing each one again costs
    # a twentieth of serving a cached page. ACCESS_LOG=1 has gunicorn log them too, to standard output.
    accesslog = "-" if env_bool("ACCESS_LOG", False) else None
except ImproperlyConfigured as mistake:
    raise SystemExit(f"Candid cannot start: {mistake}") from None
# A stop (SIGTERM) lets requests in flight finish for up to this long.
graceful_timeout = 30
timeout = 30
keepalive = 5
# Load Django once, in the master: a new or recycled worker is a fork, serving at once instead of
# holding its first requests for a second while it imports. (Deploy new code with a restart.)
preload_app = True
# Recycle workers now and then, so a slow leak can never take the site down: rarely, as a cached page
# takes a millisecond and a worker may serve tens of thousands an hour.
max_requests = 20000
max_requests_jitter = 2000
errorlog = "-"
# The proxy in front (nginx) is trusted for X-Forwarded-* only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
