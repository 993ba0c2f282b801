"""Switching a text between formats (the visual editor's HTML, Markdown, WordPress's), saying what is not exact.

A conversion is checked, not trusted: the converted text is rendered and compared with the original's
rendering, element by element, and every kind of element that would not come back is named, so that the
writer is warned before saving ("underlining, superscript"). Nothing is saved by converting.

The visual editor keeps only the markup its extensions know (VISUAL_EDITOR_TAGS, which must match the
extensions in static/js/writing-desk.js); `visual_editor_losses()` names what an HTML text holds beyond it,
so that such a text opens as HTML source rather than lose it.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from markdownify import markdownify

from blog.rendering.figures import figures_to_shortcodes
from blog.rendering.markup import ContentFormat
from core.sanitizer import clean_html

# What the visual editor can hold: its extensions' elements, and the attributes each keeps.
VISUAL_EDITOR_TAGS = {
    "p": set(), "br": set(), "h2": set(), "h3": set(), "h4": set(), "strong": set(), "em": set(), "s": set(),
    "code": set(), "pre": set(), "ul": set(), "ol": {"start"}, "li": set(), "blockquote": set(), "hr": set(),
    "a": {"href", "title"}, "table": set(), "tbody": set(), "thead": set(), "tr": set(),
    "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}, "figure": set(), "figcaption": set(),
    "img": {"src", "alt", "title", "width", "height"},
}  # fmt: skip
# The editor writes these for what other HTML spells differently.
SAME_AS = {"b": "strong", "i": "em", "del": "s"}

# How a writer would call what a conversion cannot keep.
ELEMENT_NAMES = {
    "abbr": "abbreviations", "blockquote": "quotes", "caption": "table captions", "cite": "citations",
    "code": "code", "dd": "definition lists", "details": "collapsible sections", "dfn": "definitions",
    "div": "blocks with a layout of their own", "dl": "definition lists", "dt": "definition lists",
    "figcaption": "captions", "figure": "figures", "h2": "headings", "h3": "headings", "h4": "headings",
    "h5": "small headings (levels 5 and 6)", "h6": "small headings (levels 5 and 6)", "hr": "separators",
    "img": "images", "ins": "inserted text", "kbd": "keyboard keys", "mark": "highlighted text",
    "ol": "numbered lists", "pre": "code blocks", "q": "inline quotations", "s": "strikethrough",
    "samp": "sample output",
    "small": "small print", "span": "styled text", "sub": "subscript", "summary": "collapsible sections",
    "sup": "superscript", "table": "tables", "td": "table cells", "th": "table headers", "time": "dates",
    "u": "underlining", "ul": "bulleted lists", "var": "variables",
}  # fmt: skip

TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTRIBUTE_NAME_RE = re.compile(r"""([a-zA-Z][\w:-]*)\s*(?:=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")


@dataclass(frozen=True)
class Conversion:
    text: str
    lost: list = field(default_factory=list)  # what readers would see differently, in words

    @property
    def exact(self):
        return not self.lost


# WordPress's markers (the teaser's end, page breaks) are the same in every format: kept as they are.
MARKER_RE = re.compile(r"(<!--more.*?-->|<!--nextpage-->)", re.DOTALL)


def convert(source, source_format, target_format):
    """`source` in `target_format`, with what the conversion could not keep named in `lost`."""
    source_format, target_format = ContentFormat(source_format), ContentFormat(target_format)
    if source_format == target_format:
        return Conversion(source)
    parts = MARKER_RE.split(source)
    if len(parts) > 1:
        converted = [
            part if n % 2 else convert_part(part, source_format, target_format) for n, part in enumerate(parts)
        ]
        texts = [part if n % 2 else part.text.strip() for n, part in enumerate(converted)]
        lost = [name for n, part in enumerate(converted) if not n % 2 for name in part.lost]
        return Conversion("\n\n".join(text for text in texts if text) + "\n", list(dict.fromkeys(lost)))
    return convert_part(source, source_format, target_format)


def convert_part(source, source_format, target_format):
    if target_format == ContentFormat.WORDPRESS:
        # Automatic paragraphs leave HTML's blocks alone: an HTML text is already one in this format.
        text = source if source_format == ContentFormat.HTML else to_html(source, source_format)
    elif target_format == ContentFormat.HTML:
        text = to_html(source, source_format)
    else:
        text = to_markdown(to_html(source, source_format) if source_format == ContentFormat.WORDPRESS else source)
    return Conversion(text, named(missing(rendered(source, source_format), rendered(text, target_format))))


def to_html(source, source_format):
    """A text as HTML source: Markdown and WordPress's rendered (and sanitised) as on saving, HTML as written."""
    if ContentFormat(source_format) == ContentFormat.MARKDOWN:
        return ContentFormat.MARKDOWN.to_html(source)
    if ContentFormat(source_format) == ContentFormat.WORDPRESS:
        return ContentFormat.WORDPRESS.to_html(source)
    return source


def to_markdown(html_source):
    # The library's figures first become shortcodes, which Markdown keeps as they are.
    markdown = markdownify(figures_to_shortcodes(html_source), heading_style="ATX", bullets="-", strip=["span"])
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def rendered(source, content_format):
    return ContentFormat(content_format).to_html(source)


def elements(html):
    """Counter of the element names in (sanitised) HTML, spelt as the visual editor spells them."""
    return Counter(SAME_AS.get(name.lower(), name.lower()) for name, _ in TAG_RE.findall(html))


# Paragraphs and table sections come and go with the way each format spells lists and tables, unseen.
UNSEEN = {"p", "tbody", "thead"}


def missing(before_html, after_html):
    """Element names that `after_html` has fewer of than `before_html`."""
    before, after = elements(before_html), elements(after_html)
    return sorted(name for name, count in before.items() if after[name] < count and name not in UNSEEN)


def named(tag_names):
    return list(dict.fromkeys(ELEMENT_NAMES.get(name, f"<{name}>") for name in tag_names))


def visual_editor_losses(html_source):
    """What the visual editor would drop from an HTML text, in words; [] when it keeps everything."""
    lost = set()
    for name, attributes in TAG_RE.findall(clean_html(figures_to_shortcodes(html_source))):
        name = SAME_AS.get(name.lower(), name.lower())
        if name not in VISUAL_EDITOR_TAGS:
            lost.add(ELEMENT_NAMES.get(name, f"<{name}>"))
        elif any(key.lower() not in VISUAL_EDITOR_TAGS[name] for key in ATTRIBUTE_NAME_RE.findall(attributes)):
            lost.add("alignment and other attributes" if "class" in attributes else f"attributes of <{name}>")
    return sorted(lost)
