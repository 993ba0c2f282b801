"""Old addresses keep working: WordPress's query-string links and every path the blog had before its move.

- `/?p=ID`, `/?page_id=ID`, `/?cat=ID`, `/?attachment_id=ID` on the home page answer with a 301 to what has
  that WordPress ID now (the IDs an import keeps in `wp_id`);
- a path that is not found here but that the blog had before (blog.LegacyURL, written by the importer:
  old permalink structures, attachment pages…) answers with a 301 to what stands there now.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from blog.models import Category, Image, LegacyURL, Page, Post
from core.ids import as_id

LEGACY_PARAMETERS = {
    "p": lambda request: Post.objects.visible_to(request.user),
    "page_id": lambda request: Page.objects.visible_to(request.user),
    "cat": lambda request: Category.objects.all(),
    "attachment_id": lambda request: Image.objects.all(),
}
HOME = "blog:home"  # where WordPress answers its query-string links


def old_addresses(get_response):
    """Send visitors of a WordPress-style or former address to what replaced it (placed after authentication)."""

    def middleware(request):
        if request.method in ("GET", "HEAD") and LEGACY_PARAMETERS.keys() & request.GET.keys() and _is_home(request):
            return HttpResponsePermanentRedirect(legacy_url(request))
        response = get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        paths = {request.path, request.path.rstrip("/"), request.path.rstrip("/") + "/"}
        old = LegacyURL.objects.filter(path__in=paths).select_related("post", "page", "image").first()
        if old is None or old.target is None or not _may_open(request.user, old):
            return response
        return HttpResponsePermanentRedirect(old.target_url())

    return middleware


def _is_home(request):
    try:
        return resolve(request.path_info).view_name == HOME
    except Resolver404:
        return False


def legacy_url(request):
    """The canonical URL of what a WordPress-style link names, or raise 404."""
    for parameter, candidates in LEGACY_PARAMETERS.items():
        if parameter in request.GET:
            wp_id = as_id(request.GET[parameter])
            found = candidates(request).filter(wp_id=wp_id).first() if wp_id is not None else None
            if found is None:
                raise Http404("Nothing has this ID.")
            if isinstance(found, Image):
                if not found.file:
                    raise Http404("This image's file was not imported.")
                return found.file.url
            return found.get_absolute_url()
    raise Http404("Nothing has this ID.")


def _may_open(user, old):
    """Whether `user` may open what `old` leads to: a redirect to a post they may not would give its address away
    (images are files anyone may fetch)."""
    entry = old.post or old.page
    return entry is None or type(entry).objects.visible_to(user).filter(pk=entry.pk).exists()
