"""The media library as the writing desk uses it: who may change an image, and the alt texts written in the editor.

An image's alt text is the library's, one for every post that shows it (blog/rendering/figures.py makes
each editor figure a shortcode, which shows the library's). The editor lets the writer fill it in where the
image stands: on saving, what they wrote there becomes the library's (take_alt_texts), and a form opened
later shows the library's current one (refresh_alt_texts), so that an old copy never overwrites a newer one.
"""

import html
import re

from blog.authoring.permissions import can_edit_others
from blog.media.models import Image
from blog.media.renditions import url
from blog.media.shortcodes import parse
from blog.models import Post
from blog.rendering.figures import ALT_RE, FIGURE_SIZE, IMG_RE, library_image_id, library_images


def choice(image):
    """What the writing desk needs to show and place `image`."""
    renditions = image.renditions
    large = renditions.get("large") or renditions.get("medium")
    thumbnail = renditions.get("thumbnail")
    file_url = image.file.url if image.file else image.source_url
    return {
        "id": image.pk,
        "url": url(large["original"]) if large else file_url,
        "thumbnail": url(thumbnail["original"]) if thumbnail else file_url,
        "alt": image.alt_text,
        "caption": image.caption,
        "title": str(image),
    }


def may_alter(user, image):
    """Whether `user` may edit, replace or delete `image`: their own uploads, or anyone's for an editor.

    Posts other than the uploader's may show the image, and replacing or deleting it removes its files.
    """
    return image.uploaded_by_id == user.pk or can_edit_others(user, Post)


def take_alt_texts(source, user):
    """Make the alt texts written in `source`'s library images the library's, where `user` may alter them."""
    written = {image_id: alt.strip() for image_id, alt in library_images(source) if alt.strip()}
    if not written:
        return
    for image in Image.objects.filter(pk__in=written):
        alt = written[image.pk][: Image._meta.get_field("alt_text").max_length]
        if image.alt_text != alt and may_alter(user, image):
            image.alt_text = alt
            image.save(update_fields=["alt_text"])  # renders again the other posts that show it


def refresh_alt_texts(source):
    """`source` with each library image's alt attribute set to the library's alt text now."""
    ids = {image_id for image_id, _ in library_images(source)}
    if not ids:
        return source
    alts = dict(Image.objects.filter(pk__in=ids).values_list("pk", "alt_text"))

    def refresh(match):
        tag, image_id = match[0], library_image_id(match[0])
        if image_id not in alts:
            return tag
        attribute = f'alt="{html.escape(alts[image_id])}"'
        if ALT_RE.search(tag):
            return ALT_RE.sub(lambda _: attribute, tag, count=1)
        return f"<img {attribute}{tag[4:]}"

    return IMG_RE.sub(refresh, source)


SOLE_IMAGE_RE = re.compile(r"<p>\s*\[image(?![\w-])([^\[\]]*)\]\s*</p>")


def shortcodes_as_figures(html_source):
    """(`html_source` with each [image] alone in its paragraph as the visual editor's figure, what that changes).

    The second item names what the editor's figure does not keep ("image sizes and alignment"), or is [].
    """
    codes = [(match, parse("image", match[1])) for match in SOLE_IMAGE_RE.finditer(html_source)]
    images = Image.objects.in_bulk({code.ids[0] for _, code in codes if code})
    changed = []

    def figure(match):
        code = parse("image", match[1])
        image = images.get(code.ids[0]) if code else None
        if image is None:
            return match[0]
        if (code.size, code.align) != (FIGURE_SIZE, "none"):
            changed.append("image sizes and alignment")
        caption = f"<figcaption>{html.escape(code.caption)}</figcaption>" if code.caption else ""
        source = html.escape(choice(image)["url"])
        return (
            f'<figure><img src="{source}" alt="{html.escape(image.alt_text)}" data-file="{image.pk}">{caption}</figure>'
        )

    return SOLE_IMAGE_RE.sub(figure, html_source) if codes else html_source, sorted(set(changed))
