"""The physical limit for a Django page: one view returning the bytes of BENCH_PAGE from memory.

No middleware, no database, DEBUG off; served by gunicorn with Candid's own config/gunicorn.py:
`gunicorn -c config/gunicorn.py tests.perf.minimal_site:application`.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="minimal-site-for-benchmarks-only",  # noqa: S106 (serves one static page on loopback)
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)

PAGE = Path(os.environ["BENCH_PAGE"]).read_bytes()


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
application = get_wsgi_application()
