"""Turning a post's source (Markdown or HTML) into the sanitised HTML stored at save time.

WordPress's markers split the source before rendering: `<!--more-->` (optionally
`<!--more Custom link text-->`) ends the teaser shown on lists, `<!--nextpage-->`
splits a post into pages. They are HTML comments, which the sanitiser strips, so
each part is rendered on its own.
"""

import math
import re
from dataclasses import dataclass

import markdown
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator

from blog.rendering.figures import figures_to_shortcodes
from blog.rendering.wordpress import wordpress_source_to_html
from core.sanitizer import clean_html

MORE_RE = re.compile(r"<!--more(.*?)-->", re.DOTALL)
NEXTPAGE_RE = re.compile(r"\s*<!--nextpage-->\s*")
PAGE_SEPARATOR = "\n<!--nextpage-->\n"  # kept between the stored, already-sanitised pages

AUTO_EXCERPT_WORDS = 55
WORDS_PER_MINUTE = 220


class ContentFormat(models.TextChoices):
    MARKDOWN = "markdown", "Markdown"
    HTML = "html", "HTML"
    WORDPRESS = "wordpress", "WordPress (automatic paragraphs)"

    def to_html(self, source):
        """Return `source` in this format as sanitised HTML."""
        if self == ContentFormat.MARKDOWN:
            source = markdown.markdown(source, extensions=["extra", "sane_lists"], output_format="html")
        elif self == ContentFormat.WORDPRESS:
            source = wordpress_source_to_html(source)
        else:
            source = figures_to_shortcodes(source)  # the visual editor's pictures from the media library
        return clean_html(source).strip()


@dataclass(frozen=True)
class Rendered:
    pages: list  # sanitised HTML of each page
    teaser: str  # the HTML shown on lists, without its "Continue reading" link
    has_more: bool  # whether the teaser leaves something out
    words: int

    @property
    def html(self):
        return PAGE_SEPARATOR.join(self.pages)

    @property
    def reading_minutes(self):
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE))


# The last rendering made within a time limit (blog/rendering/bounded.py), so that the save or preview following it
# does not render the same text again. One entry, and Markdown and HTML depend on nothing but the arguments:
# an entry left over from an earlier request is still the right answer for the same text, and no answer for
# another. The WordPress format looks up imported images, so it is not remembered.
_remembered = None


def remember(rendered, source, content_format, excerpt=""):
    global _remembered
    if ContentFormat(content_format) != ContentFormat.WORDPRESS:
        _remembered = ((source, str(content_format), excerpt), rendered)


def render(source, content_format, excerpt=""):
    """Render a post body (and its optional hand-written excerpt) for storage."""
    remembered = _remembered
    if remembered is not None and remembered[0] == (source, str(content_format), excerpt):
        return remembered[1]
    content_format = ContentFormat(content_format)
    page_sources = NEXTPAGE_RE.split(source.strip())
    more = MORE_RE.search(page_sources[0])
    pages = [content_format.to_html(MORE_RE.sub("", page)) for page in page_sources]
    words = sum(len(strip_tags(page).split()) for page in pages)

    if excerpt.strip():
        teaser, has_more = content_format.to_html(excerpt), True
    elif more:
        teaser = content_format.to_html(page_sources[0][: more.start()])
        has_more = bool(page_sources[0][more.end() :].strip()) or len(pages) > 1
    else:
        teaser, has_more = auto_excerpt(pages[0], len(pages) > 1)
    return Rendered(pages=pages, teaser=teaser, has_more=has_more, words=words)


def auto_excerpt(html, more_pages):
    """Return (teaser, has_more): the whole first page if short, else its first words as one paragraph."""
    text = strip_tags(html)
    if len(text.split()) <= AUTO_EXCERPT_WORDS:
        return html, more_pages
    return clean_html(f"<p>{Truncator(text).words(AUTO_EXCERPT_WORDS, truncate=' […]')}</p>"), True
