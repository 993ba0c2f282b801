"""Images from a WordPress export: files from the old uploads folder, galleries, captions, old addresses."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from blog.models import GalleryItem, Image, Post
from core.pagecache import generation
from tests.media_factories import image_bytes, jpeg_with_gps
from tests.wordpress.wxr_builder import item, wxr

pytestmark = pytest.mark.django_db

UPLOADS = "https://old.example.com/wp-content/uploads"


def attachment(wp_id, name, parent=0, alt="A photo"):
    return item(wp_id, title=name, post_type="attachment", status="inherit", parent=parent,
                attachment_url=f"{UPLOADS}/2011/03/{name}", link=f"https://old.example.com/?attachment_id={wp_id}",
                meta={"_wp_attached_file": f"2011/03/{name}", "_wp_attachment_image_alt": alt})  # fmt: skip


@pytest.fixture
def uploads(tmp_path):
    folder = tmp_path / "uploads" / "2011" / "03"
    folder.mkdir(parents=True)
    (folder / "beans.jpg").write_bytes(jpeg_with_gps())
    (folder / "rack.png").write_bytes(image_bytes("PNG", (400, 300)))
    (folder / "fake.jpg").write_bytes(b"this is text, not a picture")
    return tmp_path / "uploads"


def export_with_images():
    body = (
        f'[caption id="attachment_81" align="alignright" width="300"]<img src="{UPLOADS}/2011/03/beans-300x225.jpg" '
        'alt="Beans" width="300" height="225" /> Runner beans drying[/caption]\n\nText after.\n\n[gallery ids="81,82"]'
    )
    items = [
        item(80, title="Drying beans", content=body),
        attachment(81, "beans.jpg", parent=80, alt="Beans on a rack"),
        attachment(82, "rack.png", parent=80),
        attachment(83, "missing.jpg"),
        attachment(84, "fake.jpg"),
    ]
    return wxr(authors=[{"id": 2, "login": "alice"}], items=items)


def run(tmp_path, *args):
    path = tmp_path / "export.xml"
    path.write_text(export_with_images(), encoding="utf-8")
    out = io.StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_files_come_from_the_uploads_folder_validated_and_stripped(tmp_path, uploads):
    out = run(tmp_path, "--media-dir", str(uploads))
    beans = Image.objects.get(wp_id=81)
    assert beans.file and beans.alt_text == "Beans on a rack" and beans.renditions
    assert beans.source_url == f"{UPLOADS}/2011/03/beans.jpg"
    from PIL import Image as PILImage

    with beans.file.open("rb") as f:
        assert not PILImage.open(f).getexif().get_ifd(0x8825)  # no GPS position left
    assert "attachment 84:" in out  # the text file pretending to be a JPEG is refused, by its WordPress ID
    assert not Image.objects.filter(wp_id=84).exists()


def test_missing_files_are_recorded_with_their_old_address_and_reported(tmp_path, uploads):
    out = run(tmp_path, "--media-dir", str(uploads))
    missing = Image.objects.get(wp_id=83)
    assert not missing.file and missing.source_url == f"{UPLOADS}/2011/03/missing.jpg"
    assert "1 image file(s) were not found" in out


def test_without_a_media_folder_every_file_is_reported_missing(tmp_path):
    out = run(tmp_path)
    assert Image.objects.filter(file="").count() == 4
    assert "4 image file(s) were not found" in out


def test_attachments_form_their_posts_gallery_and_shortcodes_use_the_imported_images(tmp_path, uploads, client):
    run(tmp_path, "--media-dir", str(uploads))
    post = Post.objects.get(wp_id=80)
    assert list(GalleryItem.objects.filter(post=post).values_list("image__wp_id", flat=True)) == [81, 82]
    html = client.get(post.get_absolute_url()).content.decode()
    beans = Image.objects.get(wp_id=81)
    assert '<figure class="wp-caption alignright">' in html and "Runner beans drying</figcaption>" in html
    assert beans.file.url in html  # the old uploads address now points at the imported file
    assert "old.example.com/wp-content" not in html
    assert f'href="/{post.published_on:%Y/%m/%d}/{post.slug}/gallery/{beans.pk}/"' in html


def test_old_attachment_pages_lead_to_the_file(tmp_path, uploads, client):
    run(tmp_path, "--media-dir", str(uploads))
    beans = Image.objects.get(wp_id=81)
    assert client.get("/?attachment_id=81")["Location"] == beans.file.url
    assert client.get("/?attachment_id=83").status_code == 404


def test_reimporting_images_changes_nothing(tmp_path, uploads):
    run(tmp_path, "--media-dir", str(uploads))
    files = dict(Image.objects.values_list("wp_id", "file"))
    out = run(tmp_path, "--media-dir", str(uploads))
    assert dict(Image.objects.values_list("wp_id", "file")) == files
    attachment_line = next(line for line in out.splitlines() if line.startswith("attachment"))
    assert attachment_line.split()[1:3] == ["0", "0"]


def test_a_dry_run_checks_the_files_but_writes_none(tmp_path, uploads, settings, django_capture_on_commit_callbacks):
    before = generation.current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        out = run(tmp_path, "--dry-run", "--media-dir", str(uploads))
    assert not Image.objects.exists()
    assert not [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert generation.current_generation() == before  # cached pages stay valid
    attachment_line = next(line for line in out.splitlines() if line.startswith("attachment"))
    assert attachment_line.split()[1:] == ["3", "0", "0", "0", "1"]
    assert "attachment 84:" in out  # the text file pretending to be a JPEG would be refused
    assert "1 image file(s) were not found" in out
