"""Uploads are checked by their content: only real JPEG, PNG, GIF and WebP images of a sane size get in."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from PIL import Image as PILImage
from PIL import PngImagePlugin

from blog.media.validation import clean_upload
from tests.media_factories import image_bytes, image_upload, upload


def refusal(file):
    with pytest.raises(ValidationError) as caught:
        clean_upload(file)
    return caught.value.messages[0].replace("\xa0", " ")  # file sizes are written with no-break spaces


def png_of_zeros(width, height):
    """A real, valid 1-bit PNG of `width` × `height`: tiny on disk, enormous once decoded."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    compressor, row = zlib.compressobj(9), bytes(1 + (width + 7) // 8)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.fixture
def no_decoding(monkeypatch):
    """Make decoding a PNG's pixels fail the test: the header alone must be enough to refuse."""

    def load(self):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", load)


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "GIF", "WEBP"])
def test_each_accepted_format_passes_and_keeps_its_format(image_format):
    clean = clean_upload(image_upload(image_format, (320, 200)))
    assert clean.checked.format == image_format
    assert PILImage.open(io.BytesIO(clean.read())).format == image_format


def test_the_format_comes_from_the_content_not_the_name():
    clean = clean_upload(upload(image_bytes("PNG", (40, 30)), name="holiday.jpg"))
    assert clean.name == "holiday.png"


def test_a_multi_picture_jpeg_from_a_camera_is_kept_as_a_jpeg():
    buffer = io.BytesIO()
    left, right = PILImage.new("RGB", (120, 80), "red"), PILImage.new("RGB", (120, 80), "blue")
    left.save(buffer, format="MPO", save_all=True, append_images=[right])
    clean = clean_upload(upload(buffer.getvalue(), name="stereo.jpg"))
    assert (clean.checked.format, clean.name) == ("JPEG", "stereo.jpg")
    assert PILImage.open(io.BytesIO(clean.read())).format == "JPEG"


def test_a_text_file_renamed_jpg_is_refused():
    message = refusal(upload(b"Dear diary, today I renamed a text file.\n" * 20, name="diary.jpg"))
    assert "not an image" in message
    assert "JPEG, PNG, GIF or WebP" in message


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
        b'<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
        b'\xef\xbb\xbf  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ],
    ids=["with-script", "plain-drawing", "with-bom-and-handler"],
)
def test_svg_is_refused_with_or_without_script(svg):
    message = refusal(upload(svg, name="logo.png", content_type="image/png"))
    assert "SVG drawings are not accepted" in message
    assert "PNG" in message


def test_a_truncated_jpeg_is_refused():
    buffer = io.BytesIO()
    PILImage.effect_noise((400, 300), 64).save(buffer, format="JPEG")
    message = refusal(upload(buffer.getvalue()[: len(buffer.getvalue()) // 2]))
    assert "damaged or incomplete" in message


def test_a_corrupt_png_is_refused():
    data = bytearray(image_bytes("PNG", (64, 64)))
    data[60:70] = b"\xff" * 10  # inside the pixel data: its checksum no longer matches
    assert "damaged or incomplete" in refusal(upload(bytes(data), name="broken.png"))


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.jpg"
    with path.open("wb") as sparse:
        sparse.truncate(50 * 1024 * 1024)  # 50 MB on paper, no disk or memory used
    with path.open("rb") as handle:
        message = refusal(File(handle, name="huge.jpg"))
    assert "This file is 50.0 MB" in message
    assert "up to 20.0 MB" in message


def test_the_size_limit_is_a_setting(settings):
    settings.CANDID_MAX_UPLOAD_BYTES = 1000
    buffer = io.BytesIO()
    PILImage.effect_noise((100, 100), 64).save(buffer, format="PNG")
    assert len(buffer.getvalue()) > 1000
    assert "up to 1000 bytes" in refusal(upload(buffer.getvalue(), name="noise.png"))


def test_an_image_over_the_pixel_limit_is_refused_from_its_header(no_decoding):
    message = refusal(upload(png_of_zeros(8000, 6000), name="panorama.png"))
    assert "This image is 8000 × 6000 pixels" in message
    assert "up to 40 megapixels" in message


def test_a_20000_by_20000_png_is_refused_without_decoding_it(no_decoding):
    bomb = png_of_zeros(20000, 20000)
    assert len(bomb) < 100_000  # what makes it a decompression bomb: 400 megapixels from a small file
    message = refusal(upload(bomb, name="bomb.png"))
    assert "too many pixels" in message
    assert "up to 40 megapixels" in message


def test_pillows_decompression_bomb_warning_is_a_refusal(monkeypatch):
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)
    assert "up to 0.001 megapixels" in refusal(image_upload("PNG", (40, 40)))  # 1600 pixels: Pillow warns


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_the_bomb_warning_refuses_even_where_warnings_are_only_printed(monkeypatch):
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)
    assert "megapixels" in refusal(image_upload("PNG", (40, 40)))


def test_pillows_decompression_bomb_error_is_a_refusal(monkeypatch):
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)
    assert "too many pixels" in refusal(image_upload("PNG", (100, 100)))  # over twice the limit: Pillow errs


def test_an_animated_gif_keeps_its_first_frame_only():
    frames = [PILImage.new("P", (60, 40), index) for index in (1, 2, 3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    clean = clean_upload(upload(buffer.getvalue(), name="dance.gif"))
    stored = PILImage.open(io.BytesIO(clean.read()))
    assert stored.format == "GIF"
    assert getattr(stored, "n_frames", 1) == 1
