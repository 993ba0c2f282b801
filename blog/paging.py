"""URLs of the numbered pages of a list: /page/N/ after the list's own path, as WordPress writes them."""

import re

PAGE_SUFFIX = re.compile(r"page/[0-9]+/$")


def first_page_path(request):
    """The list's own path, without any /page/N/."""
    return PAGE_SUFFIX.sub("", request.path)


def page_url(request, number):
    base = first_page_path(request)
    url = base if number == 1 else f"{base}page/{number}/"
    return f"{url}?{request.GET.urlencode()}" if request.GET else url
