"""Checking that pages are well-formed HTML5."""

import html5lib


def parse_strict(content):
    """Parse a page with the HTML5 parsing algorithm, failing on any parse error; return the tree."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(content.decode() if isinstance(content, bytes) else content)


def main_html(response):
    """The page's <main> element as text: what a view shows, without the sidebar."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def parse_fragment(content):
    """Parse a piece of HTML (a comment's body, say) as the inside of a <body>; return its container."""
    return html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(content)
