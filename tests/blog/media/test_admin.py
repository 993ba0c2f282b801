"""Uploading in the admin: good images are stored with their uploader; refused ones explain why, store nothing."""

import io

import pytest
from django.contrib.admin.sites import AdminSite
from django.test import RequestFactory
from PIL import Image as PILImage

from blog.media.admin import GalleryItemInline
from blog.media.models import GalleryItem, Image
from blog.media.widgets import ImageChoiceWidget
from blog.models import Post
from tests.media_factories import ImageFactory, image_upload, jpeg_with_gps, upload

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/blog/image/add/"


def truncated_jpeg():
    buffer = io.BytesIO()
    PILImage.effect_noise((300, 200), 64).save(buffer, format="JPEG")
    return buffer.getvalue()[:2000]


def test_a_superuser_uploads_an_image_and_is_recorded_as_its_uploader(admin_client, admin_user):
    data = {"file": upload(jpeg_with_gps(), name="quay.jpg"), "alt_text": "Boats at the quay", "caption": "Dawn"}
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.uploaded_by == admin_user
    assert (image.alt_text, image.caption) == ("Boats at the quay", "Dawn")
    assert (image.width, image.height) == (640, 480)
    assert set(image.renditions) == {"thumbnail", "medium", "large"}
    assert image.file.name.startswith("images/") and image.file.name.endswith("quay.jpg")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"Just some words, not a picture.", "notes.jpg", "not an image Candid can use"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "logo.svg", "SVG drawings"),
        (truncated_jpeg(), "cut.jpg", "damaged or incomplete"),
    ],
    ids=["text-named-jpg", "svg-with-script", "truncated-jpeg"],
)
def test_a_refused_upload_shows_why_and_saves_nothing(admin_client, stored_files, content, name, message):
    response = admin_client.post(ADD_URL, {"file": upload(content, name=name), "alt_text": "Something"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["adminform"].form.errors["file"]
    assert Image.objects.count() == 0
    assert stored_files() == []


def test_an_image_over_the_size_limit_is_refused_in_the_form(admin_client, settings, stored_files):
    settings.CANDID_MAX_UPLOAD_BYTES = 500
    response = admin_client.post(ADD_URL, {"file": image_upload("PNG", (300, 300)), "alt_text": "Big"})
    assert response.status_code == 200
    assert "file" in response.context["adminform"].form.errors
    assert "images up to 500" in response.content.decode()
    assert Image.objects.count() == 0
    assert stored_files() == []


def test_alt_text_is_required_and_nothing_is_stored_without_it(admin_client, stored_files):
    response = admin_client.post(ADD_URL, {"file": image_upload(), "alt_text": ""})
    assert response.status_code == 200
    assert "alt_text" in response.context["adminform"].form.errors
    assert Image.objects.count() == 0
    assert stored_files() == []


def test_the_form_tells_what_is_accepted(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    assert "JPEG, PNG, GIF or WebP, up to 20.0" in html
    assert 'accept="image/jpeg,image/png,image/gif,image/webp"' in html


def test_editing_the_text_keeps_the_file(admin_client):
    image = ImageFactory(alt_text="Old words")
    name = image.file.name
    response = admin_client.post(f"/admin/blog/image/{image.pk}/change/", {"alt_text": "New words", "caption": ""})
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.alt_text, image.file.name) == ("New words", name)


def test_the_library_lists_thumbnails_and_finds_images_by_alt_text(admin_client):
    ImageFactory(alt_text="A red lighthouse", file=image_upload("PNG", (400, 300)))
    ImageFactory(alt_text="A green field")
    html = admin_client.get("/admin/blog/image/", {"q": "lighthouse"}).content.decode()
    assert "A red lighthouse" in html and "A green field" not in html
    assert '.png" width="64" height="64" alt=""' in html
    assert "400 × 300" in html


def test_the_gallery_inline_saves_images_in_their_positions(admin_user):
    post = Post.objects.create(title="Trip", author=admin_user, body="Photos.")
    first, second = ImageFactory(), ImageFactory()
    request = RequestFactory().post("/")
    request.user = admin_user
    inline = GalleryItemInline(Post, AdminSite())
    FormSet = inline.get_formset(request, post)
    prefix = FormSet.get_default_prefix()
    data = {f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-INITIAL_FORMS": "0"}
    data |= {f"{prefix}-0-image": str(second.pk), f"{prefix}-0-position": "2"}
    data |= {f"{prefix}-1-image": str(first.pk), f"{prefix}-1-position": "1"}
    formset = FormSet(data, instance=post, prefix=prefix)
    assert formset.is_valid(), formset.errors
    formset.save()
    assert [item.image for item in GalleryItem.objects.filter(post=post)] == [first, second]
    # Picked in the library's picker, not from a <select> of every image ever uploaded.
    widget = formset.forms[0].fields["image"].widget
    assert isinstance(widget, ImageChoiceWidget) and not widget.preview  # the row's preview shows it


def test_the_help_text_follows_the_size_limit_setting(admin_client, settings):
    settings.CANDID_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
    assert "up to 5.0" in admin_client.get(ADD_URL).content.decode()


def test_an_unwritable_media_folder_is_a_clear_admin_error_with_nothing_saved(admin_client, settings, tmp_path):
    from blog.media.models import Image
    from tests.media_factories import image_upload

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker / "media"
    response = admin_client.post("/admin/blog/image/add/", {"file": image_upload(), "alt_text": "Beans"}, follow=True)
    assert response.status_code == 200
    assert "The image could not be stored" in response.content.decode()
    assert not Image.objects.exists()
