"""What a reader types in a comment, as HTML: a small, safe part of Markdown, then the site's one sanitiser.

Markdown here is CommonMark through markdown-it-py, whose parser runs in linear time: anyone may post a
comment, and Python-Markdown (the posts' renderer) takes seconds on a few thousand `[` (see
blog/rendering/bounded.py). Only what a discussion needs is switched on: emphasis, `code` and fenced code,
links and autolinks, bare web addresses, quotes, lists and line breaks. Headings, images, tables and indented
code are not (readers indent, and shout), and the few raw tags readers may use pass on to the sanitiser.
"""

from markdown_it import MarkdownIt

from core.sanitizer import clean_html

LINK_SCHEMES = ("http:", "https:", "mailto:")

RULES = [
    "emphasis", "backticks", "fence", "link", "autolink", "linkify", "blockquote", "list", "newline", "escape",
    "entity", "html_inline", "html_block",
]  # fmt: skip


class CommentMarkdown(MarkdownIt):
    def validateLink(self, url):  # noqa: N802 (markdown-it's name)
        """Only web and mail addresses become links; `javascript:`, `data:`, relative and the rest stay text.
        `url` comes with its entities decoded, so `java&#115;cript:` is refused as `javascript:` is."""
        return url.strip().lower().startswith(LINK_SCHEMES)


def _markdown():
    md = CommentMarkdown("zero", {"breaks": True, "html": True, "linkify": True})
    md.enable(RULES)
    # Only addresses with their scheme: "example.com" and "name@example.com" in a sentence stay words.
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": False})
    return md


_md = _markdown()


def render_comment_body(text):
    """A comment's text as the HTML stored with it (rendered once, at save)."""
    return clean_html(_md.render(text.strip()), user_generated=True).strip()
