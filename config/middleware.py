import logging

from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, answer 503 with the themed page instead of a 500.

    Connections are opened per request, so the site recovers by itself once the
    database is back; nothing needs restarting.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return unavailable_response(exception)


def unavailable_response(exception):
    """The themed 503 page if `exception` says the database cannot be reached, else None.

    Also asked by the 500 handler (config/views.py): an exception raised in a middleware, such as the CSRF
    failure page's settings query, never reaches process_exception.
    """
    if isinstance(exception, (OperationalError, InterfaceError)) or (
        isinstance(exception, DatabaseError) and "connect" in str(exception).lower()
    ):
        logger.error("Database unavailable: %s", exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return None


database_unavailable = DatabaseUnavailableMiddleware


def security_headers(get_response):
    """settings.CONTENT_SECURITY_POLICY and settings.PERMISSIONS_POLICY on every response, each built once.

    django-csp's own middleware builds the header again for each response (about 60 µs, a tenth of
    serving a cached page), for nonces and per-view changes that this theme does not use. Django has
    no setting for Permissions-Policy.
    """
    headers = {
        HEADER: build_policy(),
        "Permissions-Policy": ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        ),
    }
    headers = {name: value for name, value in headers.items() if value}

    def middleware(request):
        response = get_response(request)
        for name, value in headers.items():
            response.setdefault(name, value)
        return response

    return middleware
