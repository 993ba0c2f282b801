"""The one HTML sanitiser: every path that accepts HTML (posts, pages, comments, imports) calls clean_html().

One allow-list for the whole site, so nothing a reader or an imported file
writes can run script: no script/style/iframe, no event handlers, no style
attributes, and links only to http(s) and mailto.
"""

import re

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height", "loading", "srcset", "sizes"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}

# Classes the theme styles; any other class is dropped.
ALLOWED_CLASSES = {
    "img": {"alignleft", "alignright", "aligncenter", "alignnone"},
    "figure": {"alignleft", "alignright", "aligncenter", "alignnone", "wp-caption", "gallery"},
    "div": {"gallery", "embed"},
    "p": {"embed"},
    "mark": {"search-hit"},
}

# What readers may use in comments: a small part of the one allow-list (no images, headings or tables).
READER_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "del", "em", "i", "li", "ol", "p", "pre", "q", "s",
    "strong", "ul",
}  # fmt: skip
assert READER_TAGS <= ALLOWED_TAGS

URL_SCHEMES = {"http", "https", "mailto"}

# Search engines give no credit to links that readers (not the blog's authors) write.
USER_LINK_REL = "nofollow ugc"


# C0 control characters but tab, newline and carriage return: no HTML or XML may hold them (a feed
# with one cannot be written at all), and no one types them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


def clean_html(html, *, user_generated=False):
    """Return `html` reduced to the site's allow-list; what readers write, to its reader part, links nofollow."""
    cleaned = _clean(without_control_characters(html), user_generated)
    if CONTROL_CHARACTERS.search(cleaned):
        # nh3 writes out what character references stood for (&#1; and the like): take those out, and
        # clean again what that joined up (`java&#1;script:` is no link; `javascript:` would be one).
        cleaned = _clean(without_control_characters(cleaned), user_generated)
    return cleaned


def _clean(html, user_generated):
    return nh3.clean(
        html,
        tags=READER_TAGS if user_generated else ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=USER_LINK_REL if user_generated else None,
        strip_comments=True,
    )
