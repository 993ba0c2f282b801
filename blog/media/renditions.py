"""The smaller copies of an image that pages show, made once when it is uploaded.

Each size is written twice, in WebP (what browsers pick when they can) and in the
original's format (what the others get). Images are never enlarged: a size wider
than the original is a copy at the original's width.
"""

import posixpath
from dataclasses import dataclass

from django.core.files.storage import default_storage
from PIL import Image as PILImage
from PIL import ImageOps

from blog.media import storage
from blog.media.encoding import EXTENSIONS, encode, for_resizing

RENDITIONS_DIR = "images/renditions"


@dataclass(frozen=True)
class Size:
    width: int
    crop: bool = False  # a square of `width`, cut from the middle; otherwise at most `width` wide


SIZES = {"thumbnail": Size(150, crop=True), "medium": Size(300), "large": Size(1024)}


def create(image, image_format, original_name):
    """Write every rendition of `image` (a Pillow image) and return them as stored in Image.renditions.

    `original_name` is the stored original's name, which the renditions' names follow.
    On failure no file written here is left behind.
    """
    image = for_resizing(image)
    renditions, written = {}, {}
    try:
        for size_name, size in SIZES.items():
            resized = resize(image, size)
            # A small original makes equal sizes (medium and large alike): their files are shared.
            if resized.size not in written:
                written[resized.size] = write_rendition(resized, image_format, original_name)
            renditions[size_name] = written[resized.size]
    except BaseException:
        storage.delete(names(renditions))
        raise
    return renditions


def resize(image, size):
    """`image` fitted to `size`, never enlarged."""
    if size.crop:
        side = min(size.width, image.width, image.height)
        return ImageOps.fit(image, (side, side), method=PILImage.Resampling.LANCZOS)
    if image.width <= size.width:
        return image
    height = max(1, round(image.height * size.width / image.width))
    return image.resize((size.width, height), PILImage.Resampling.LANCZOS)


def write_rendition(image, image_format, original_name):
    """Store `image` in WebP and in `image_format`; return its entry: width, height and both names."""
    stem = posixpath.splitext(rendition_path(original_name))[0] + f"-{image.width}x{image.height}"
    webp_bytes = encode(image, "WEBP")
    original_bytes = None if image_format == "WEBP" else encode(image, image_format)  # both before any write
    webp = storage.write(f"{stem}.webp", webp_bytes)
    original = storage.write(f"{stem}.{EXTENSIONS[image_format]}", original_bytes) if original_bytes else webp
    return {"width": image.width, "height": image.height, "original": original, "webp": webp}


def rendition_path(original_name):
    """images/2024/05/cat.jpg → images/renditions/2024/05/cat.jpg"""
    relative = posixpath.relpath(original_name, "images")
    if relative.startswith(".."):
        relative = posixpath.basename(original_name)
    return posixpath.join(RENDITIONS_DIR, relative)


def names(renditions):
    """The storage names of every file in `renditions` (an Image.renditions value)."""
    found = (entry[key] for entry in renditions.values() for key in ("original", "webp") if entry.get(key))
    return list(dict.fromkeys(found))


def url(name):
    return default_storage.url(name)
