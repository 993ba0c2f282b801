"""Real image files, made with Pillow, and factories for the media library's models."""

import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from blog.media.models import GalleryItem, Image
from tests.factories import PostFactory, UserFactory

# EXIF tag numbers: the GPS block, and inside it the latitude.
GPS_IFD, GPS_LATITUDE_REF, GPS_LATITUDE = 0x8825, 1, 2
MAKE, ORIENTATION = 0x010F, 0x0112


def image_bytes(image_format="JPEG", size=(800, 600), color=(200, 120, 40), mode="RGB", **save_options):
    """The bytes of a plain image of `size` in `image_format`."""
    buffer = io.BytesIO()
    PILImage.new(mode, size, color).save(buffer, format=image_format, **save_options)
    return buffer.getvalue()


def jpeg_with_gps(size=(640, 480), orientation=None):
    """A JPEG carrying a camera make and a GPS position in its EXIF (and an orientation, if given)."""
    exif = PILImage.Exif()
    exif[MAKE] = "Candid Test Camera"
    exif.get_ifd(GPS_IFD).update({GPS_LATITUDE_REF: "N", GPS_LATITUDE: (48.0, 51.0, 24.0)})
    if orientation:
        exif[ORIENTATION] = orientation
    return image_bytes("JPEG", size, exif=exif.tobytes())


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def image_upload(image_format="JPEG", size=(800, 600), name=None, **kwargs):
    extension = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}[image_format]
    return upload(image_bytes(image_format, size, **kwargs), name or f"picture.{extension}", f"image/{extension}")


class ImageFactory(factory.django.DjangoModelFactory):
    """A stored image, cleaned and with its renditions, like an upload through the admin."""

    class Meta:
        model = Image

    file = factory.LazyFunction(lambda: image_upload("JPEG", (1200, 800)))
    alt_text = factory.Sequence(lambda n: f"A view of the harbour, number {n}")
    uploaded_by = factory.SubFactory(UserFactory)


class GalleryItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GalleryItem

    post = factory.SubFactory(PostFactory)
    image = factory.SubFactory(ImageFactory)
    position = factory.Sequence(int)
