import contextlib

from django.db import DatabaseError
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone

from blog.models import LegacyURL, SiteSettings


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


def legacy_urls(get_response):
    """Where a page is not found, send visitors of an old (say, WordPress) address to what replaced it."""

    def middleware(request):
        response = get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        paths = {request.path, request.path.rstrip("/"), request.path.rstrip("/") + "/"}
        old = LegacyURL.objects.filter(path__in=paths).select_related("post", "page", "image").first()
        if old is None or old.target is None or not _may_open(request.user, old):
            return response
        return HttpResponsePermanentRedirect(old.target_url())

    return middleware


def _may_open(user, old):
    """Whether `user` may open what `old` leads to: a redirect to a post they may not would give its address away
    (images are files anyone may fetch)."""
    entry = old.post or old.page
    return entry is None or type(entry).objects.visible_to(user).filter(pk=entry.pk).exists()
