"""A stored image: its original without metadata, its renditions made once, its files gone with it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from PIL import ImageCms

from blog.media import renditions
from blog.media.models import Image
from tests.media_factories import (
    GPS_IFD,
    ImageFactory,
    image_bytes,
    image_upload,
    jpeg_with_gps,
    upload,
)

pytestmark = pytest.mark.django_db


def opened(name):
    with default_storage.open(name) as handle:
        image = PILImage.open(handle)
        image.load()
    return image


def test_exif_and_gps_are_stripped_from_the_stored_original():
    assert PILImage.open(upload(jpeg_with_gps())).getexif().get_ifd(GPS_IFD)  # the upload has them
    image = ImageFactory(file=upload(jpeg_with_gps(), name="beach.jpg"))
    stored = opened(image.file.name)
    assert not stored.getexif()
    assert not stored.getexif().get_ifd(GPS_IFD)
    assert "exif" not in stored.info and "xmp" not in stored.info


def test_renditions_carry_no_exif_either():
    image = ImageFactory(file=upload(jpeg_with_gps(size=(1200, 900))))
    assert set(image.renditions) == {"thumbnail", "medium", "large"}
    for entry in image.renditions.values():
        assert not opened(entry["original"]).getexif()
        assert not opened(entry["webp"]).getexif()


def test_the_exif_orientation_is_applied_before_it_is_dropped():
    image = ImageFactory(file=upload(jpeg_with_gps(size=(640, 480), orientation=6)))  # 6: turn 90° clockwise
    assert (image.width, image.height) == (480, 640)
    assert opened(image.file.name).size == (480, 640)


def test_the_colour_profile_is_kept():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image = ImageFactory(file=upload(image_bytes("JPEG", (400, 300), icc_profile=profile)))
    assert opened(image.file.name).info.get("icc_profile") == profile
    assert opened(image.renditions["medium"]["webp"]).info.get("icc_profile") == profile


def test_renditions_exist_in_storage_at_their_sizes_in_webp_and_the_original_format():
    image = ImageFactory(file=image_upload("JPEG", (1200, 800), name="harbour.jpg"))
    expected = {"thumbnail": (150, 150), "medium": (300, 200), "large": (1024, 683)}
    assert set(image.renditions) == set(expected)
    for size_name, size in expected.items():
        entry = image.renditions[size_name]
        assert (entry["width"], entry["height"]) == size
        assert entry["original"].startswith("images/renditions/") and entry["original"].endswith(".jpg")
        assert entry["webp"].endswith(".webp")
        assert (opened(entry["original"]).format, opened(entry["original"]).size) == ("JPEG", size)
        assert (opened(entry["webp"]).format, opened(entry["webp"]).size) == ("WEBP", size)


def test_a_png_keeps_png_renditions_and_its_transparency():
    image = ImageFactory(file=image_upload("PNG", (600, 400), mode="RGBA", color=(0, 0, 0, 0)))
    medium = image.renditions["medium"]
    assert medium["original"].endswith(".png")
    assert opened(medium["original"]).getpixel((0, 0))[3] == 0
    assert opened(medium["webp"]).getpixel((0, 0))[3] == 0


def test_a_webp_original_has_one_file_per_size():
    image = ImageFactory(file=image_upload("WEBP", (600, 400)))
    assert all(entry["original"] == entry["webp"] for entry in image.renditions.values())


def test_small_images_are_never_enlarged():
    image = ImageFactory(file=image_upload("JPEG", (200, 120)))
    sizes = {name: (entry["width"], entry["height"]) for name, entry in image.renditions.items()}
    assert sizes == {"thumbnail": (120, 120), "medium": (200, 120), "large": (200, 120)}
    assert opened(image.renditions["large"]["webp"]).size == (200, 120)
    assert image.renditions["large"] == image.renditions["medium"]  # one set of files for both


def test_renditions_are_made_once_not_on_every_save(stored_files):
    image = ImageFactory()
    files = stored_files()
    image.alt_text = "A better description"
    image.save()
    assert stored_files() == files


def test_deleting_an_image_removes_its_files(stored_files, django_capture_on_commit_callbacks):
    kept = ImageFactory()
    image = ImageFactory()
    names = image.stored_names()
    assert len(names) == 7 and all(default_storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert not any(default_storage.exists(name) for name in names)
    assert sorted(stored_files()) == sorted(kept.stored_names())


def test_bulk_deletes_remove_files_too(stored_files, django_capture_on_commit_callbacks):
    ImageFactory.create_batch(2, file=image_upload("PNG", (40, 40)))
    with django_capture_on_commit_callbacks(execute=True):
        Image.objects.all().delete()
    assert stored_files() == []


def test_replacing_the_file_removes_the_old_files(stored_files, django_capture_on_commit_callbacks):
    image = ImageFactory()
    old = image.stored_names()
    with django_capture_on_commit_callbacks(execute=True):
        image.file = image_upload("PNG", (500, 500), name="new.png")
        image.save()
    assert not any(default_storage.exists(name) for name in old)
    assert sorted(stored_files()) == sorted(image.stored_names())
    assert image.renditions["thumbnail"]["original"].endswith(".png")


def test_a_refused_file_saved_by_code_raises_and_stores_nothing(stored_files):
    with pytest.raises(ValidationError):
        Image.objects.create(file=upload(b"not a picture", name="x.jpg"), alt_text="Nothing")
    assert Image.objects.count() == 0
    assert stored_files() == []


def test_a_failure_while_making_renditions_leaves_no_file_behind(monkeypatch, stored_files):
    real_write, calls = renditions.write_rendition, []

    def failing_on_the_second_size(*args):
        calls.append(args)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_write(*args)

    monkeypatch.setattr(renditions, "write_rendition", failing_on_the_second_size)
    with pytest.raises(OSError, match="disk full"):
        ImageFactory()
    assert Image.objects.count() == 0
    assert stored_files() == []
