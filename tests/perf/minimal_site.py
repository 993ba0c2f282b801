"""The physical limit for a Django page: a view returning a page's bytes from memory.

BENCH_PAGES is a folder of pages saved at their paths (`2011/03/index.html` for /2011/03/), all read
at start-up.

No middleware, no database, DEBUG off; served by gunicorn with Candid's own config/gunicorn.py:
`gunicorn -c config/gunicorn.py tests.perf.minimal_site:application`.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import re_path

settings.configure(
    DEBUG=False,
    SECRET_KEY="minimal-site-for-benchmarks-only",  # noqa: S106 (serves one static page on loopback)
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)

FOLDER = Path(os.environ["BENCH_PAGES"])
PAGES = {
    "/" + "".join(f"{part}/" for part in file.parent.relative_to(FOLDER).parts): file.read_bytes()
    for file in FOLDER.rglob("index.html")
}


def page(request):
    return HttpResponse(PAGES[request.path], content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", page)]
application = get_wsgi_application()
