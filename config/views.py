"""Site-wide views that belong to no app: health, uploads on local runs, and the error pages."""

import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.static import serve

from config.middleware import unavailable_response

KEEP_TYPED = 100_000  # characters of a refused form's text shown back, the comment form's own limit


def media(request, path):
    """An uploaded file, for local runs (settings.SERVE_MEDIA). Images are shown; anything else a WordPress
    import brought along (a PDF, an HTML page) is only downloaded, never run as a page of this site."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if not response.get("Content-Type", "").startswith("image/") or response["Content-Type"] == "image/svg+xml":
        shown = response.get("Content-Disposition", "inline")
        response["Content-Disposition"] = shown.replace("inline", "attachment", 1)
    return response


@never_cache
def healthz(request):
    """Answer 200 "ok" only when the database answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the theme's icon."""
    return HttpResponsePermanentRedirect(static("images/favicon.svg"))


def server_error(request):
    """Render the themed 500 page without touching the database, which may be what failed (then it is a 503)."""
    return unavailable_response(sys.exc_info()[1]) or HttpResponse(render_to_string("500.html"), status=500)


def csrf_failure(request, reason=""):
    """A form refused for its CSRF token (expired, or cookies blocked): say so, and give back what was typed."""
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "/"
    typed = request.POST.get("body", "")[:KEEP_TYPED] if request.method == "POST" else ""
    return render(request, "403_csrf.html", {"back": back, "typed": typed}, status=403)
