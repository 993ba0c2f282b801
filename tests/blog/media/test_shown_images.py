"""A post or page shows its images as stored HTML: changing an image renders them again, with no second save."""

import importlib

import pytest
from django.apps import apps as live_apps

from blog.models import Page, Post
from tests.factories import PageFactory, PostFactory
from tests.media_factories import GalleryItemFactory, ImageFactory, image_upload

pytestmark = pytest.mark.django_db


def small_image(**kwargs):
    return ImageFactory(file=image_upload("JPEG", (400, 300)), **kwargs)


def test_a_post_and_a_page_know_the_images_they_show():
    shown, gallery, unused = small_image(), small_image(), small_image()
    post = PostFactory(body=f"Look.\n\n[image id={shown.pk}]\n\n[gallery]")
    GalleryItemFactory(post=post, image=gallery)
    post.save()  # as the admin does once its gallery is saved
    page = PageFactory(body=f"[gallery ids={shown.pk},{unused.pk + 100}]")
    assert set(post.shown_images.all()) == {shown, gallery}
    assert set(page.shown_images.all()) == {shown}
    post.body = "No pictures now."
    post.save()
    assert not post.shown_images.exists()


def test_new_alt_text_shows_in_every_post_and_page_at_once():
    image = small_image(alt_text="A boat")
    post = PostFactory(body=f"[image id={image.pk}]")
    page = PageFactory(body=f"Inline [image id={image.pk}] here.")
    other = PostFactory(body="No image.")
    before = Post.objects.values_list("updated_at", flat=True).get(pk=other.pk)
    image.alt_text = "A red fishing boat at dawn"
    image.save()
    assert 'alt="A red fishing boat at dawn"' in Post.objects.get(pk=post.pk).body_html
    assert 'alt="A red fishing boat at dawn"' in Page.objects.get(pk=page.pk).body_html
    assert Post.objects.values_list("updated_at", flat=True).get(pk=other.pk) == before


def test_a_gallery_images_alt_text_and_caption_show_in_the_gallery():
    post = PostFactory(body="[gallery]")
    item = GalleryItemFactory(post=post, image=small_image(alt_text="Nets"))
    post.save()
    item.image.alt_text, item.image.caption = "Nets drying on the quay", "Morning on the quay"
    item.image.save()
    html = Post.objects.get(pk=post.pk).body_html
    assert 'alt="Nets drying on the quay"' in html and "<figcaption>Morning on the quay</figcaption>" in html


def test_the_summary_in_lists_is_rendered_again_too(client):
    image = small_image(alt_text="A boat")
    post = PostFactory(body=f"[image id={image.pk}]\n\n<!--more-->\n\nMore.")
    assert 'alt="A boat"' in client.get("/").content.decode()
    image.alt_text = "A red boat"
    image.save()
    home = client.get("/").content.decode()
    assert 'alt="A red boat"' in home and 'alt="A boat"' not in home
    assert 'alt="A red boat"' in Post.objects.get(pk=post.pk).excerpt_html


def test_a_deleted_image_leaves_its_shortcode_as_written():
    image = small_image()
    post = PostFactory(body=f"Before.\n\n[image id={image.pk}]")
    pk = image.pk
    image.delete()
    assert f"[image id={pk}]" in Post.objects.get(pk=post.pk).body_html


def test_the_migration_finds_the_images_existing_entries_show():
    shown, gallery = small_image(), small_image()
    post = PostFactory(body=f"[image id={shown.pk}] and `[image id={gallery.pk + 50}]`\n\n[gallery]")
    GalleryItemFactory(post=post, image=gallery)
    page = PageFactory(body=f"[gallery ids={shown.pk}]")
    Post.shown_images.through.objects.all().delete()
    Page.shown_images.through.objects.all().delete()
    migration = importlib.import_module("blog.migrations.0019_shown_images")
    migration.note_the_images_entries_show(live_apps, None)
    assert set(post.shown_images.all()) == {shown, gallery}
    assert set(page.shown_images.all()) == {shown}
