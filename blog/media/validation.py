"""Checking an uploaded image with Pillow, then re-encoding it without its metadata.

Every upload path (the admin form, an importer, the shell) goes through
clean_upload(): the format is read from the content, never from the name, and
the checks run cheapest first, so an oversized file is refused before it is read
and an oversized image before its pixels are decoded. Only then is the image
decoded in full, which is what finds truncated and corrupt files.

What is kept: the pixels with their EXIF orientation applied, and the colour
profile. What is dropped: EXIF (camera, GPS position), XMP, comments. Animated
GIFs and WebPs keep their first frame only: re-encoding every frame of an
untrusted animation costs time and memory with no bound the pixel limit could
set, and the original must be re-encoded to drop its metadata.
"""

import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

from blog.media.encoding import EXTENSIONS, encode, without_metadata

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 40 megapixels: what today's phone and camera photos stay within
ACCEPTED = "JPEG, PNG, GIF or WebP"
SNIFF_BYTES = 1024
# Pillow reads some cameras' JPEGs (several pictures in one file) as "MPO"; they are stored as plain JPEG.
JPEG_VARIANTS = {"MPO": "JPEG"}

NOT_AN_IMAGE = (
    f"This file is not an image Candid can use: its content is not {ACCEPTED}, whatever its name says. "
    f"Please upload a {ACCEPTED} image."
)
SVG_REFUSED = (
    "SVG drawings are not accepted, because they can carry scripts that would run on the site. "
    f"Please export the drawing as PNG (or another {ACCEPTED} image) and upload that."
)
DAMAGED = (
    "This image is damaged or incomplete (perhaps its upload or download was cut short), so it cannot be read. "
    f"Please upload the file again, or save it afresh as {ACCEPTED} from your photo editor."
)


def max_upload_bytes():
    return getattr(settings, "CANDID_MAX_UPLOAD_BYTES", MAX_UPLOAD_BYTES)


def max_pixels():
    """The largest image accepted, in pixels; never above Pillow's own decompression-bomb limit."""
    limit = getattr(settings, "CANDID_MAX_UPLOAD_PIXELS", MAX_PIXELS)
    return min(limit, PILImage.MAX_IMAGE_PIXELS or limit)


def too_many_pixels(size=None):
    limit = f"{max_pixels() / 1_000_000:g} megapixels"
    found = (
        f"This image is {size[0]} × {size[1]} pixels; " if size else "This image has too many pixels to open safely; "
    )
    return found + f"images up to {limit} are accepted. Please make it smaller and upload it again."


@dataclass(frozen=True)
class CheckedImage:
    """An upload that passed every check: its decoded first frame, orientation applied, and its format."""

    image: PILImage.Image
    format: str  # a key of encoding.EXTENSIONS


class CleanImageFile(ContentFile):
    """An upload re-encoded without metadata, named after its real format; `checked` holds its pixels."""

    def __init__(self, checked, name):
        super().__init__(encode(checked.image, checked.format), name=name)
        self.checked = checked


def clean_upload(upload):
    """Return `upload` (any Django File) checked and re-encoded as a CleanImageFile, or raise ValidationError."""
    if isinstance(upload, CleanImageFile):
        return upload
    checked = check_image(upload)
    stem = os.path.splitext(os.path.basename(upload.name or ""))[0][:40] or "image"
    return CleanImageFile(checked, name=f"{stem}.{EXTENSIONS[checked.format]}")


def check_image(upload):
    """Return the CheckedImage in `upload`, or raise ValidationError saying what is wrong and what is accepted."""
    check_size(upload)
    refuse_svg(upload)
    image_format = check_header(upload)
    return CheckedImage(image=decode(upload), format=image_format)


def check_size(upload):
    if upload.size > max_upload_bytes():
        raise ValidationError(
            f"This file is {filesizeformat(upload.size)}; images up to {filesizeformat(max_upload_bytes())} "
            "are accepted. Please make it smaller and upload it again.",
            code="too_large",
        )


def refuse_svg(upload):
    upload.seek(0)
    start = upload.read(SNIFF_BYTES).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in start or (start.startswith(b"<?xml") and b"svg" in start):
        raise ValidationError(SVG_REFUSED, code="svg")


def check_header(upload):
    """Read only the image's header: refuse what is not an accepted format or has too many pixels."""
    with open_image(upload) as image:
        if image.width * image.height > max_pixels():
            raise ValidationError(too_many_pixels(image.size), code="too_many_pixels")
        try:
            image.verify()
        except Exception:
            raise ValidationError(DAMAGED, code="damaged") from None
        return JPEG_VARIANTS.get(image.format, image.format)


def decode(upload):
    """Decode the first frame in full, and return it upright, without its metadata."""
    with open_image(upload) as image:
        try:
            image.load()
            upright = ImageOps.exif_transpose(image)  # always a new, single-frame image
        except Exception:
            # Pillow's decoders answer malformed data with many kinds of exception (OSError,
            # SyntaxError, ValueError, struct.error…); all of them mean the file cannot be used.
            raise ValidationError(DAMAGED, code="damaged") from None
    return without_metadata(upright)


def open_image(upload):
    """Open `upload` lazily (header only) as one of the accepted formats, or raise ValidationError."""
    upload.seek(0)
    try:
        return PILImage.open(upload, formats=list(EXTENSIONS))
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        # A warning is raised like an error only where warnings are errors (the test suite);
        # elsewhere it is printed, and max_pixels() refuses the same images anyway.
        raise ValidationError(too_many_pixels(), code="too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
