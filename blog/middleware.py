import contextlib

from django.db import DatabaseError
from django.utils import timezone

from blog.models import SiteSettings


def site_time_zone(get_response):
    """Show dates in the time zone the site owner chose (a site setting, not a server setting)."""

    def middleware(request):
        # Without a database, the health check and the error pages still answer.
        with contextlib.suppress(DatabaseError):
            timezone.activate(SiteSettings.for_request(request).tzinfo)
        try:
            return get_response(request)
        finally:
            timezone.deactivate()

    return middleware
