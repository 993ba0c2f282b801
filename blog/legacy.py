"""WordPress's query-string links (/?p=ID, /?page_id=ID, /?cat=ID), by the IDs kept from an import."""

from django.http import Http404

from blog.ids import as_id
from blog.models import Category, Image, Page, Post

LEGACY_PARAMETERS = {
    "p": lambda request: Post.objects.visible_to(request.user),
    "page_id": lambda request: Page.objects.visible_to(request.user),
    "cat": lambda request: Category.objects.all(),
    "attachment_id": lambda request: Image.objects.all(),
}


def legacy_url(request):
    """The canonical URL a WordPress-style link points to; None if the request is no such link."""
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
    return None
