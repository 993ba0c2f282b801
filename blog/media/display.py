"""The HTML of images and galleries, shared by the template tags and the body shortcodes.

Everything is rendered through templates, so every value taken from the
database (alt text, caption, file names) is escaped.
"""

from django.template.loader import render_to_string

from blog.media.renditions import SIZES, url

# Renditions of the same shape as `medium` and `large`, which a browser may pick from by width.
SCALED = [name for name, size in SIZES.items() if not size.crop]

# The mark of a post's own gallery in its HTML, so that a theme showing the gallery under
# the text can leave it out when the writer already placed it with [gallery].
OWN_GALLERY_CLASS = "gallery-own"


def picture(image, size="medium"):
    """What templates/blog/media/_picture.html needs to show `image` at `size` (a key of SIZES)."""
    rendition = image.renditions.get(size)
    if not rendition:
        return fallback_picture(image)
    family = [rendition] if SIZES[size].crop else [image.renditions[n] for n in SCALED if n in image.renditions]
    widths = {entry["width"]: entry for entry in family}  # small originals make equal sizes
    return {
        "src": url(rendition["original"]),
        "srcset": srcset(widths, "original"),
        "webp_srcset": srcset(widths, "webp"),
        "sizes": f"(max-width: {rendition['width']}px) 100vw, {rendition['width']}px",
        "width": rendition["width"],
        "height": rendition["height"],
        "alt": image.alt_text,
    }


def srcset(entries_by_width, key):
    return ", ".join(f"{url(entry[key])} {width}w" for width, entry in sorted(entries_by_width.items()))


def fallback_picture(image):
    """An image without renditions (imported without its file, or made before them): its file as it is."""
    src = image.file.url if image.file else image.source_url
    return {"src": src, "width": image.width, "height": image.height, "alt": image.alt_text} if src else None


def render_picture(image, size="medium", css_class="", loading="lazy"):
    """`image` as a <picture> with a WebP source, or "" when there is nothing to show."""
    context = picture(image, size) if image else None
    if context is None:
        return ""
    return render_to_string("blog/media/_picture.html", {"p": context, "class": css_class, "loading": loading})


def render_figure(image, size="medium", align="none", caption="", link=""):
    """`image` as a <figure>, aligned like WordPress's alignleft/alignright/aligncenter, with a caption."""
    context = {"picture": render_picture(image, size), "align": align, "caption": caption, "link": link}
    return render_to_string("blog/media/_figure.html", context) if context["picture"] else ""


def render_gallery(entries, own=False):
    """A grid of thumbnails; `entries` are (image, link) pairs, `own` marks the post's own gallery."""
    items = [{"picture": render_picture(image, "thumbnail"), "image": image, "link": link} for image, link in entries]
    items = [item for item in items if item["picture"]]
    css_class = f"gallery {OWN_GALLERY_CLASS}" if own else "gallery"
    return render_to_string("blog/media/_gallery.html", {"items": items, "css_class": css_class}) if items else ""
