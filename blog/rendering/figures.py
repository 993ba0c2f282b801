"""The visual editor's pictures, as the media shortcodes they stand for.

The editor writes an image from the media library as
`<figure><img src="…" alt="…" data-file="12"><figcaption>The harbour</figcaption></figure>`:
`data-file` is the library image's number. Before the sanitiser (which drops `data-*`) sees an HTML body,
each such figure becomes `[image id=12 size=large caption="The harbour"]` alone in its paragraph, and an
image of the library inside a sentence becomes `[image id=12]`. The shortcode expander then shows it as
every library image is shown (a <picture> with its renditions, `srcset` and WebP, the library's alt text,
re-rendered when the image changes). An image from elsewhere (no `data-file`) stays an <img>.
"""

import html
import re

FIGURE_RE = re.compile(r"<figure\b[^>]*>(.*?)</figure>", re.IGNORECASE | re.DOTALL)
IMG_RE = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
FILE_RE = re.compile(r"""\bdata-file\s*=\s*(?:"\s*(\d{1,18})\s*"|'\s*(\d{1,18})\s*'|(\d{1,18})(?=[\s/>]))""", re.I)
ALT_RE = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
CAPTION_RE = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
TAG_RE = re.compile(r"<[^>]*>")

FIGURE_SIZE = "large"  # the reading column's width; the theme scales it down on small screens


def library_image_id(img_tag):
    """The library image an <img> tag names with `data-file`, or None."""
    match = FILE_RE.search(img_tag)
    return int(next(group for group in match.groups() if group)) if match else None


def alt_text(img_tag):
    match = ALT_RE.search(img_tag)
    return html.unescape(next((group for group in match.groups() if group is not None), "")) if match else ""


def library_images(source):
    """[(image id, alt text written in the editor)] for each library image in an HTML body, in order."""
    if "data-file" not in source:
        return []
    found = ((library_image_id(tag), alt_text(tag)) for tag in IMG_RE.findall(source))
    return [(image_id, alt) for image_id, alt in found if image_id is not None]


def caption_attribute(caption_html):
    """caption="…" for a shortcode: plain text, quoted so that the shortcode parser reads it back whole."""
    text = " ".join(html.unescape(TAG_RE.sub(" ", caption_html)).split())
    # Brackets would end the shortcode; a caption with both quote marks keeps the typographic one.
    text = text.replace("[", "(").replace("]", ")")
    if not text:
        return ""
    if '"' not in text:
        quoted = f'"{text}"'
    elif "'" not in text:
        quoted = f"'{text}'"
    else:
        quoted = '"{}"'.format(text.replace('"', "”"))
    return f" caption={html.escape(quoted, quote=False)}"


def figures_to_shortcodes(source):
    """`source` (an HTML body) with the editor's library figures and images written as media shortcodes."""
    if "data-file" not in source:
        return source

    def figure(match):
        images = IMG_RE.findall(match[1])
        if len(images) != 1 or library_image_id(images[0]) is None:
            return match[0]  # not a figure the editor makes: its library images become inline ones below
        caption = CAPTION_RE.search(match[1])
        attributes = caption_attribute(caption[1]) if caption else ""
        return f"<p>[image id={library_image_id(images[0])} size={FIGURE_SIZE}{attributes}]</p>"

    def image(match):
        image_id = library_image_id(match[0])
        return match[0] if image_id is None else f"[image id={image_id}]"

    return IMG_RE.sub(image, FIGURE_RE.sub(figure, source))
