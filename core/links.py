"""reverse(), remembered: a page asks for a few hundred permalinks, and each reverse() cost ~80 µs.

What a name and its arguments reverse to changes only with the URL configuration and the script
prefix (the folder the site is served under), so both are part of what is remembered.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def link(viewname, *args):
    """reverse(viewname, args=args), from memory after the first time."""
    return _reverse(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, viewname, args)


def linker():
    """link(), with the script prefix and URL configuration read once: for a widget making dozens of links."""
    prefix, urlconf = get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
    return lambda viewname, *args: _reverse(prefix, urlconf, viewname, args)


@functools.lru_cache(maxsize=50_000)
def _reverse(prefix, urlconf, viewname, args):
    return reverse(viewname, urlconf=urlconf, args=args)
