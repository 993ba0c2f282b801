"""Marking search terms in already-sanitised HTML, without touching tags or attributes."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Tags and character references ("&amp;"), which a search for "amp" must not break apart.
MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")
MIN_WORD_LENGTH = 2


def highlight(html, terms):
    """Wrap each occurrence of the words of `terms` in `html`'s text in <mark class="search-hit">."""
    words = sorted({escape(w) for w in terms.split() if len(w) >= MIN_WORD_LENGTH}, key=len, reverse=True)
    if not words:
        return mark_safe(html)  # noqa: S308 (html is the stored, sanitised body)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    parts = MARKUP.split(html)
    # Odd-numbered parts are the markup itself; only the text between is marked.
    for i in range(0, len(parts), 2):
        parts[i] = pattern.sub(lambda m: f'<mark class="search-hit">{m.group(0)}</mark>', parts[i])
    return mark_safe("".join(parts))  # noqa: S308
