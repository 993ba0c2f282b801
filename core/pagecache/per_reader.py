"""The few values a cached page holds for one reader only, written afresh into each copy served.

A page is stored with each per-reader hidden field's value replaced by a placeholder; serving it joins the
stored parts with fresh values. A field is per-reader when its app says so with fill_per_request(): the
CSRF token here, the comment form's "filled in from" time in comments/apps.py. A template must print
any other per-reader value only on pages the cache does not take (see ARCHITECTURE.md, theming).
"""

import re

from core.pagecache import csrf

# A form field whose value is made for each request: name → function(request) giving a fresh value.
_fields = {"csrfmiddlewaretoken": csrf.token_for}

PLACEHOLDER = re.compile(rb"\x00candid:(\w+)\x00")


def fill_per_request(field_name, make_value):
    """Have the hidden field `field_name` filled with `make_value(request)` in each served copy of a page."""
    _fields[field_name] = make_value


def in_parts(content):
    """The page cut around each per-request field's value: [text, field name, text, field name, …, text]."""
    for name in _fields:
        values = set(re.findall(rb'name="' + re.escape(name.encode()) + rb'" value="([^"]*)"', content))
        for value in values:
            content = content.replace(b'value="' + value + b'"', b'value="\x00candid:' + name.encode() + b'\x00"')
    parts = PLACEHOLDER.split(content)
    return [part.decode() if n % 2 else part for n, part in enumerate(parts)]


def filled_in(request, parts):
    """The page with fresh values for this request: one join, however big the page."""
    return b"".join(part if n % 2 == 0 else _fields[part](request).encode() for n, part in enumerate(parts))
