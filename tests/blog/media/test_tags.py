"""{% responsive_image %}, {% post_gallery %} and {% featured_image %}: pictures from the stored renditions."""

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from blog.media.models import Image
from blog.protection import unlock
from tests.factories import PostFactory
from tests.html import parse_strict
from tests.media_factories import GalleryItemFactory, ImageFactory, image_upload

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load media_tags %}" + source).render(Context(context))


def reader_request():
    request = RequestFactory().get("/")
    request.session = {}
    return request


def test_responsive_image_offers_webp_and_the_original_format_from_the_renditions():
    image = ImageFactory(alt_text="Gulls over the pier")
    html = render('{% responsive_image image "medium" %}', image=image)
    medium, large = image.renditions["medium"], image.renditions["large"]
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', html)[1]
    assert webp == f"/media/{medium['webp']} 300w, /media/{large['webp']} 1024w"
    assert f'<img src="/media/{medium["original"]}"' in html
    assert f'srcset="/media/{medium["original"]} 300w, /media/{large["original"]} 1024w"' in html
    assert 'sizes="(max-width: 300px) 100vw, 300px"' in html
    assert 'width="300" height="200" alt="Gulls over the pier" loading="lazy"' in html
    parse_strict(f"<!DOCTYPE html><title>t</title>{html}")


def test_the_thumbnail_is_offered_alone_because_it_is_cropped():
    image = ImageFactory()
    html = render('{% responsive_image image "thumbnail" %}', image=image)
    assert f'srcset="/media/{image.renditions["thumbnail"]["webp"]} 150w"' in html
    assert image.renditions["medium"]["webp"] not in html


def test_a_small_image_lists_each_width_once():
    image = ImageFactory(file=image_upload("PNG", (200, 100)))
    html = render('{% responsive_image image "large" %}', image=image)
    assert html.count(" 200w") == 2  # once in the WebP source, once in the <img>


def test_alt_text_is_escaped():
    image = ImageFactory(alt_text='"><script>alert(1)</script>')
    html = render("{% responsive_image image %}", image=image)
    assert "<script>" not in html
    assert 'alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_an_image_without_renditions_shows_its_source():
    image = Image.objects.create(alt_text="Imported", source_url="https://example.com/old.jpg")
    html = render("{% responsive_image image %}", image=image)
    assert '<img src="https://example.com/old.jpg" alt="Imported"' in html
    assert "<source" not in html


def test_no_image_renders_nothing():
    assert render("{% responsive_image image %}", image=None) == ""


def test_post_gallery_links_each_thumbnail_to_its_full_size_page(django_assert_num_queries):
    post = PostFactory()
    items = [GalleryItemFactory(post=post, image=ImageFactory(caption=f"Shot {n}")) for n in range(3)]
    post.refresh_from_db()  # as a page loads it: knowing it has a gallery
    with django_assert_num_queries(1):
        html = render("{% post_gallery post %}", post=post, request=reader_request())
    for item in items:
        assert f'<a href="{item.get_absolute_url()}"><picture>' in html
        assert item.image.renditions["thumbnail"]["webp"] in html
    assert html.startswith('<div class="gallery gallery-own">')
    assert html.index("Shot 0") < html.index("Shot 2")


def test_a_post_without_a_gallery_asks_for_none(django_assert_num_queries):
    post = PostFactory()
    with django_assert_num_queries(0):
        assert render("{% post_gallery post %}", post=post, request=reader_request()) == ""


def test_a_post_knows_whether_it_has_a_gallery_as_items_come_and_go():
    post = PostFactory()
    item = GalleryItemFactory(post=post)
    post.refresh_from_db()
    assert post.has_gallery
    post.save()  # an instance read before the item was added must not save it away either
    item.delete()
    post.refresh_from_db()
    assert not post.has_gallery


def test_post_gallery_is_hidden_when_the_text_already_places_it():
    post = PostFactory(body="Look:\n\n[gallery]")
    GalleryItemFactory(post=post)
    post.body_html = '<div class="gallery gallery-own">…</div>'  # what the [gallery] shortcode leaves
    assert render("{% post_gallery post %}", post=post, request=reader_request()) == ""


def test_a_protected_posts_images_show_only_once_it_is_unlocked():
    post = PostFactory(password="secret", featured_image=ImageFactory())
    GalleryItemFactory(post=post)
    post.refresh_from_db()
    request = reader_request()
    source = "{% featured_image post %}{% post_gallery post %}"
    assert render(source, post=post, request=request) == ""
    unlock(request, post)
    html = render(source, post=post, request=request)
    assert 'class="featured-image"' in html and 'class="gallery gallery-own"' in html


def test_featured_image_shows_the_large_rendition():
    image = ImageFactory(alt_text="The new bakery")
    post = PostFactory(featured_image=image)
    html = render("{% featured_image post %}", post=post, request=reader_request())
    assert html.startswith('<picture class="featured-image">')
    assert f'<img src="/media/{image.renditions["large"]["original"]}"' in html
    assert render('{% featured_image post "medium" %}', post=post).count("300w") == 2


def test_a_post_without_featured_image_shows_nothing():
    assert render("{% featured_image post %}", post=PostFactory()) == ""
