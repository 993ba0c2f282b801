"""The one HTML sanitiser: every path that accepts HTML (posts, pages, comments, imports) calls clean_html().

One allow-list for the whole site, so nothing a reader or an imported file
writes can run script: no script/style/iframe, no event handlers, no style
attributes, and links only to http(s) and mailto.
"""

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

# What readers may use in comments: a small part of the one allow-list, no images, headings or tables.
READER_TAGS = {"a", "abbr", "b", "blockquote", "br", "cite", "code", "del", "em", "i", "p", "pre", "q", "s", "strong"}
assert READER_TAGS <= ALLOWED_TAGS

URL_SCHEMES = {"http", "https", "mailto"}

# Search engines give no credit to links that readers (not the blog's authors) write.
USER_LINK_REL = "nofollow ugc"


def clean_html(html, *, user_generated=False):
    """Return `html` reduced to the site's allow-list; what readers write, to its reader part, links nofollow."""
    return nh3.clean(
        html,
        tags=READER_TAGS if user_generated else ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=USER_LINK_REL if user_generated else None,
        strip_comments=True,
    )
