"""URLs of the numbered pages of a list: /page/N/ after the list's own path, as WordPress writes them."""

import re

PAGE_SUFFIX = re.compile(r"page/[0-9]+/$")


def page_url(request, number):
    base = PAGE_SUFFIX.sub("", request.path)
    url = base if number == 1 else f"{base}page/{number}/"
    return f"{url}?{request.GET.urlencode()}" if request.GET else url
