"""WordPress-style shortcodes in a post's body: [gallery], [gallery ids="3,5,9"], [image id=12 size=medium].

expand_shortcodes() runs once, at save time, on the body HTML the sanitiser has
already cleaned; the <picture> markup it puts in is built from the database
through templates that escape every value, so it needs no second cleaning (which
would strip <picture> and <source>). The syntax for bloggers is in README.md here.

Shortcodes are expanded in text only, never inside attributes, <code> or <pre>.
A shortcode alone in its paragraph (or between blocks) becomes a block: a figure
with its caption, or a gallery grid. One inside a sentence can only be an image,
shown inline. Anything not understood stays as the text it was.
"""

import html
import re
from dataclasses import dataclass

from blog.media.display import render_figure, render_gallery, render_picture
from blog.media.models import Image
from blog.media.renditions import SIZES
from core.ids import as_id

NAMES = r"(?:gallery|image)(?![\w-])"
# [[gallery]] is how to write "[gallery]" itself, as in WordPress.
SHORTCODE_RE = re.compile(r"(\[?)\[(" + NAMES + r")([^\[\]]*)\](\]?)")
SOLE_PARAGRAPH_RE = re.compile(r"<p>((?:\s|<br>|\[" + NAMES + r"[^\[\]]*\])+)</p>")
ATTRIBUTE_RE = re.compile(r"""([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))\s*""")
TAG_RE = re.compile(r"""<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>""", re.DOTALL)

VOID_ELEMENTS = {"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"}
VERBATIM_ELEMENTS = {"code", "kbd", "pre", "samp", "script", "style", "textarea"}
# Elements that may hold a <figure> or a gallery's <div>; inside any other, only an inline image fits.
FLOW_ELEMENTS = {
    "article", "aside", "blockquote", "dd", "details", "div", "dl", "figure", "footer", "header", "li", "main",
    "nav", "ol", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
ALIGNMENTS = {"left", "right", "center", "none"}
SIZE_ALIASES = {"full": "large"}  # WordPress's name for the largest size


@dataclass(frozen=True)
class Shortcode:
    name: str  # "gallery" or "image"
    ids: tuple = ()  # the images asked for; none for the post's own gallery
    size: str = "medium"
    align: str = "none"
    caption: str = ""


def expand_shortcodes(html_text, post, shown=None):
    """Return `html_text` (sanitised HTML of `post`'s body) with its media shortcodes expanded; add to the set
    `shown` the ids of the images it may show (so that changing one renders the post again).

    `post` may also be a Page, which has no gallery: there only [image] and [gallery ids=…] show.

    Costs at most two queries (the images named, the post's gallery), whatever the number of shortcodes.
    """
    if "[" not in html_text:
        return html_text
    expander = Expander(post, html_text)
    if shown is not None:
        shown.update(expander.images, (item.image_id for item in expander.gallery))
    return expander.expand(html_text)


def parse(name, attribute_text):
    """The Shortcode written as `[name attribute_text]`, or None when it is malformed."""
    attributes = parse_attributes(attribute_text)
    if attributes is None:
        return None
    if name == "gallery":
        listed = attributes.get("ids", attributes.get("include"))
        if listed is None:
            return Shortcode("gallery")
        ids = parse_ids(listed)
        return Shortcode("gallery", ids) if ids else None
    ids = parse_ids(attributes.get("id", ""))
    size = SIZE_ALIASES.get(attributes.get("size"), attributes.get("size", "medium"))
    align = attributes.get("align", "none")
    if len(ids) != 1 or size not in SIZES or align not in ALIGNMENTS:
        return None
    return Shortcode("image", ids, size, align, attributes.get("caption", "").strip())


def parse_attributes(text):
    """{name: value} from `name="value" name='value' name=value`, or None when anything else is there."""
    text = text.strip().removesuffix("/").strip()
    attributes, position = {}, 0
    while position < len(text):
        match = ATTRIBUTE_RE.match(text, position)
        if match is None:
            return None
        value = next(group for group in match.groups()[1:] if group is not None)
        attributes[match[1].lower()] = html.unescape(value)  # the text comes from HTML: &amp; is "&"
        position = match.end()
    return attributes


def parse_ids(text):
    """(3, 5, 9) from "3,5,9"; () if any part is not a number."""
    parts = [part.strip() for part in text.split(",")]
    if not all(as_id(part) is not None for part in parts):
        return ()
    return tuple(dict.fromkeys(int(part) for part in parts))


class Expander:
    """Expands the shortcodes of one post's body, with the images they need fetched up front."""

    def __init__(self, post, html_text):
        self.post = post
        codes = [parse(m[2], m[3]) for m in SHORTCODE_RE.finditer(html_text) if not (m[1] and m[4])]
        codes = [code for code in codes if code]
        ids = {image_id for code in codes for image_id in code.ids}
        self.images = Image.objects.in_bulk(ids) if ids else {}
        has_gallery = codes and post.pk and hasattr(post, "gallery_items")  # pages have none
        self.gallery = list(post.gallery_items.select_related("image")) if has_gallery else []
        self.gallery_links = {item.image_id: item.get_absolute_url() for item in self.gallery}

    def expand(self, html_text):
        """Walk the HTML, expanding shortcodes in its text according to where each stands."""
        out, stack, position = [], [], 0
        while (tag := TAG_RE.search(html_text, position)) is not None:
            out.append(self.expand_text(html_text[position : tag.start()], stack))
            sole = SOLE_PARAGRAPH_RE.match(html_text, tag.start())
            if sole and not any(name in VERBATIM_ELEMENTS for name in stack):
                out.append(self.expand_paragraph(sole[1]))
                position = sole.end()
                continue
            out.append(tag[0])
            update_stack(stack, tag)
            position = tag.end()
        out.append(self.expand_text(html_text[position:], stack))
        return "".join(out)

    def expand_text(self, text, stack):
        if "[" not in text or any(name in VERBATIM_ELEMENTS for name in stack):
            return text
        block = all(name in FLOW_ELEMENTS for name in stack)

        def replace(match):
            if match[1] and match[4]:
                return match[0][1:-1]
            code = parse(match[2], match[3])
            rendered = code and (self.block(code) if block else self.inline(code))
            return f"{match[1]}{rendered}{match[4]}" if rendered else match[0]

        return SHORTCODE_RE.sub(replace, text)

    def expand_paragraph(self, content):
        """A paragraph of nothing but shortcodes becomes their blocks; one that fails stays a paragraph."""
        blocks = []
        for match in SHORTCODE_RE.finditer(content):
            code = parse(match[2], match[3])
            blocks.append((code and self.block(code)) or f"<p>{match[0]}</p>")
        return "\n".join(blocks)

    def block(self, code):
        """The HTML of `code` standing on its own, or "" when it shows nothing."""
        if code.name == "gallery" and not code.ids:
            return render_gallery([(item.image, self.gallery_links[item.image_id]) for item in self.gallery], own=True)
        if code.name == "gallery":
            return render_gallery([(image, self.link(image)) for image in self.images_for(code)])
        image = self.images.get(code.ids[0])
        link = self.gallery_links.get(image.pk, "") if image else ""
        return render_figure(image, code.size, code.align, code.caption, link) if image else ""

    def inline(self, code):
        """The HTML of `code` inside a sentence: an image only, as a <picture>."""
        image = self.images.get(code.ids[0]) if code.name == "image" else None
        return render_picture(image, code.size, css_class=f"align{code.align}") if image else ""

    def images_for(self, code):
        return [self.images[image_id] for image_id in code.ids if image_id in self.images]

    def link(self, image):
        """Where a gallery thumbnail leads: its page in this post's gallery, else the file itself."""
        return self.gallery_links.get(image.pk) or (image.file.url if image.file else "")


def update_stack(stack, tag):
    """Track the open elements through a tag of well-formed (sanitised) HTML."""
    closing, name = tag[1], (tag[2] or "").lower()
    if not name or name in VOID_ELEMENTS or tag[0].endswith("/>"):
        return
    if not closing:
        stack.append(name)
    elif name in stack:
        del stack[len(stack) - 1 - stack[::-1].index(name) :]
