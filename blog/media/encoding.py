"""Writing Pillow images as JPEG, PNG, GIF or WebP bytes, with no metadata but their colour profile."""

import io

# The formats Candid stores, with the file extension each is saved under.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}

# The image modes each format can store as they are; any other mode is converted first.
NATIVE_MODES = {
    "JPEG": {"L", "RGB", "CMYK"},
    "PNG": {"1", "L", "LA", "P", "RGB", "RGBA"},
    "GIF": {"L", "P", "RGB", "RGBA"},
    "WEBP": {"RGB", "RGBA"},
}

SAVE_OPTIONS = {
    "JPEG": {"quality": 88, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "GIF": {"optimize": True},
    "WEBP": {"quality": 82, "method": 4},
}

# Whatever else a decoded image carries in `info` (EXIF, XMP, comments, GPS) is left behind.
KEPT_INFO = {"icc_profile", "transparency"}


def without_metadata(image):
    """Drop everything Pillow read besides the pixels, the colour profile and the transparent colour."""
    image.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    return image


def has_alpha(image):
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def for_resizing(image):
    """`image` in a mode that resizes smoothly (palettes and bit depths other than 8 do not)."""
    if image.mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        return image
    return image.convert("RGBA" if has_alpha(image) else "RGB")


def convert_for(image, image_format):
    """`image` in a mode `image_format` can store."""
    if image.mode in NATIVE_MODES[image_format]:
        return image
    return image.convert("RGBA" if has_alpha(image) and image_format != "JPEG" else "RGB")


def encode(image, image_format):
    """Return `image` encoded as `image_format`, keeping its ICC profile and nothing else."""
    image = convert_for(image, image_format)
    options = dict(SAVE_OPTIONS[image_format])
    icc_profile = image.info.get("icc_profile")
    if icc_profile and image_format != "GIF":
        options["icc_profile"] = icc_profile
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()
