"""Bloggers at work in the admin: publishing and scheduling, uploading an image, moderating comments."""

import datetime

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image as PILImage
from playwright.sync_api import expect

from blog.media.models import Image
from blog.models import Post
from comments.models import Comment
from tests.e2e.steps import blogger, log_in_to_admin
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def write_post(page, title, body):
    page.goto("/admin/blog/post/add/")
    page.get_by_label("Title:").fill(title)
    page.get_by_role("textbox", name="Body").fill(body)  # the visual editor


def test_an_author_publishes_a_post_onto_the_home_page_and_a_scheduled_one_waits(page, rules):
    author = blogger("alma", "Author")
    log_in_to_admin(page, author)

    write_post(page, "Seed swap on Saturday", "Bring what you saved last autumn.")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    later = timezone.localtime() + datetime.timedelta(days=7)
    write_post(page, "Harvest supper", "Tables go up at six.")
    page.locator("#id_published_at_0").fill(later.strftime("%Y-%m-%d"))
    page.locator("#id_published_at_1").fill("18:00:00")
    page.get_by_role("button", name="Schedule", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    published = Post.objects.get(title="Seed swap on Saturday")
    scheduled = Post.objects.get(title="Harvest supper")
    assert (published.status, published.author) == (Post.Status.PUBLISHED, author)
    assert (scheduled.status, scheduled.author) == (Post.Status.SCHEDULED, author)

    page.goto("/")
    home = page.get_by_role("main")
    expect(home.get_by_role("heading", name="Seed swap on Saturday")).to_be_visible()
    expect(page.get_by_text("Harvest supper")).to_have_count(0)  # nor in the sidebar's recent posts
    home.get_by_role("link", name="Seed swap on Saturday", exact=True).click()
    expect(page.locator(".entry-content")).to_contain_text("Bring what you saved last autumn.")


def test_an_author_uploads_an_image_with_alt_text_and_it_is_stored_with_its_renditions(page, rules, tmp_path):
    photo = tmp_path / "sweet-peas.png"
    PILImage.radial_gradient("L").convert("RGB").resize((640, 480)).save(photo)
    author = blogger("alma", "Author")
    log_in_to_admin(page, author)

    page.goto("/admin/blog/image/add/")
    page.get_by_label("Image:", exact=True).set_input_files(photo)
    page.get_by_label("Alt text:").fill("Sweet peas climbing a hazel wigwam")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    image = Image.objects.get()
    assert (image.alt_text, image.uploaded_by, image.width, image.height) == (
        "Sweet peas climbing a hazel wigwam",
        author,
        640,
        480,
    )
    assert set(image.renditions) >= {"thumbnail", "medium", "large"}
    assert default_storage.exists(image.file.name)
    for rendition in image.renditions.values():
        assert all(default_storage.exists(name) for key, name in rendition.items() if key in ("original", "webp"))
    assert str(settings.MEDIA_ROOT).startswith(str(tmp_path))
    expect(page.get_by_role("row", name="Sweet peas climbing a hazel wigwam")).to_be_visible()


def test_an_editor_approves_a_held_comment_in_bulk_and_readers_then_see_it(page, open_page, rules, post):
    held = CommentFactory(post=post, author_name="Cleo", body="Any spare bean poles?", status=Comment.Status.PENDING)
    other = CommentFactory(post=post, author_name="Dan", body="Selling poles, cheap!", status=Comment.Status.PENDING)
    reader = open_page()
    reader.goto(post.get_absolute_url())
    expect(reader.get_by_text("Any spare bean poles?")).to_have_count(0)

    log_in_to_admin(page, blogger("edna", "Editor"))
    page.goto("/admin/comments/comment/?status__exact=pending")
    page.locator(f"input[name=_selected_action][value='{held.pk}']").check()
    page.get_by_label("Action:").select_option(label="Approve (also teaches the filter: not spam)")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("1 comment(s) approved.")

    held.refresh_from_db()
    other.refresh_from_db()
    assert (held.status, other.status) == (Comment.Status.APPROVED, Comment.Status.PENDING)
    reader.reload()
    approved = reader.locator(f"#comment-{held.pk}")
    expect(approved).to_contain_text("Any spare bean poles?")
    expect(approved).not_to_contain_text("Your comment is awaiting moderation.")
    expect(reader.get_by_text("Selling poles, cheap!")).to_have_count(0)
    expect(reader.get_by_role("heading", name="One thought on “Bean poles”")).to_be_visible()


def test_the_login_page_shows_the_blogs_own_title_and_tagline(page, configure):
    configure(title="Hilltop Garden", tagline="Notes from the allotment")
    page.goto("/admin/")
    expect(page.get_by_role("heading", name="Sign In")).to_be_visible()
    expect(page.locator(".site-title")).to_have_text("Hilltop Garden", timeout=1_000)
    expect(page.locator(".site-description")).to_have_text("Notes from the allotment", timeout=1_000)
    expect(page).to_have_title("Sign In | Hilltop Garden", timeout=1_000)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("holiday.png", b"<html><script>alert(1)</script></html>", "not an image"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "SVG drawings are not accepted"),
        ("cut-short.jpg", "half a photo", "damaged or incomplete"),
    ],
)
def test_an_author_uploading_a_disguised_or_broken_file_is_told_why_and_keeps_the_form(
    page, rules, tmp_path, name, content, message
):
    upload = tmp_path / name
    if content == "half a photo":  # a real JPEG, cut off halfway through its picture data
        PILImage.effect_noise((400, 300), 80).convert("RGB").save(upload, "JPEG")
        content = upload.read_bytes()[: upload.stat().st_size // 2]
    upload.write_bytes(content)
    log_in_to_admin(page, blogger("alma", "Author"))

    page.goto("/admin/blog/image/add/")
    page.get_by_label("Image:", exact=True).set_input_files(upload)
    page.get_by_label("Alt text:").fill("What the author typed stays")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".errorlist")).to_contain_text(message)
    expect(page.get_by_label("Alt text:")).to_have_value("What the author typed stays")
    assert not Image.objects.exists()
