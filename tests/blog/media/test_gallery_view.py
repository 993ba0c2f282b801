"""The full-size page of a gallery image: previous / next within the post, and only for readers of the post."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import Post
from tests.factories import PostFactory, UserFactory
from tests.html import main_html, parse_strict
from tests.media_factories import GalleryItemFactory, ImageFactory, image_upload

pytestmark = pytest.mark.django_db


def small_image(**kwargs):
    return ImageFactory(file=image_upload("JPEG", (160, 120)), **kwargs)


def gallery(post, count=3):
    return [GalleryItemFactory(post=post, image=small_image(), position=n) for n in range(count)]


def url(post, image):
    return f"{post.get_absolute_url()}gallery/{image.pk}/"


def test_the_page_shows_the_large_rendition_caption_and_the_way_back(client):
    post = PostFactory(title="Harbour walk")
    image = ImageFactory(alt_text="Boats at dawn", caption="The first boats leave", title="Dawn")
    item = GalleryItemFactory(post=post, image=image)
    response = client.get(url(post, image))
    html = main_html(response)
    assert item.get_absolute_url() == url(post, image)
    assert image.renditions["large"]["original"] in html
    assert 'alt="Boats at dawn"' in html
    assert "<figcaption>The first boats leave</figcaption>" in html
    assert f'href="{post.get_absolute_url()}" rel="up">« Back to “Harbour walk”</a>' in html
    assert "Image 1 of 1" in html
    parse_strict(response.content)


def test_previous_and_next_follow_the_gallery_order(client):
    post = PostFactory()
    first, middle, last = (item.image for item in gallery(post))
    html = main_html(client.get(url(post, middle)))
    assert f'href="{url(post, first)}" rel="prev"' in html
    assert f'href="{url(post, last)}" rel="next"' in html
    assert "Image 2 of 3" in html


def test_the_first_image_has_no_previous_and_the_last_no_next(client):
    post = PostFactory()
    first, middle, last = (item.image for item in gallery(post))
    html = main_html(client.get(url(post, first)))
    assert "Image 1 of 3" in html
    assert 'rel="prev"' not in html
    assert f'href="{url(post, middle)}" rel="next"' in html
    html = main_html(client.get(url(post, last)))
    assert "Image 3 of 3" in html
    assert 'rel="next"' not in html
    assert f'href="{url(post, middle)}" rel="prev"' in html


def test_clicking_the_picture_shows_the_next_one_and_the_last_leads_back_to_the_post(client):
    post = PostFactory()
    first, second = (item.image for item in gallery(post, 2))
    assert f'<a href="{url(post, second)}" title="Next image"><picture' in main_html(client.get(url(post, first)))
    assert f'<a href="{post.get_absolute_url()}" title="Back to the post"><picture' in main_html(
        client.get(url(post, second))
    )


def test_an_image_not_in_that_posts_gallery_is_not_found(client):
    post, other = PostFactory(), PostFactory()
    gallery(post, 1)
    elsewhere = GalleryItemFactory(post=other).image
    assert client.get(url(post, elsewhere)).status_code == 404
    assert client.get(url(post, small_image())).status_code == 404
    assert client.get(f"{post.get_absolute_url()}gallery/999999/").status_code == 404


def test_a_post_the_reader_cannot_see_hides_its_gallery(client):
    draft = PostFactory(status=Post.Status.DRAFT)
    private = PostFactory(status=Post.Status.PRIVATE)
    for post in (draft, private):
        image = gallery(post, 1)[0].image
        assert client.get(url(post, image)).status_code == 404


def test_a_private_posts_gallery_shows_to_its_author(client):
    author = UserFactory()
    post = PostFactory(status=Post.Status.PRIVATE, author=author)
    image = gallery(post, 1)[0].image
    client.force_login(author)
    assert client.get(url(post, image)).status_code == 200


def test_a_wrong_date_or_slug_is_not_found(client):
    post = PostFactory(slug="walk")
    image = gallery(post, 1)[0].image
    day = post.published_on
    assert client.get(f"/{day.year}/02/30/walk/gallery/{image.pk}/").status_code == 404
    assert client.get(f"/{day:%Y/%m/%d}/other-walk/gallery/{image.pk}/").status_code == 404
    assert client.get(f"/{day:%Y/%m/%d}/walk/gallery/{'9' * 40}/").status_code == 404
    assert client.get(f"/{'9' * 40}/01/01/walk/gallery/{image.pk}/").status_code == 404


def test_a_protected_posts_images_wait_for_its_password(client):
    post = PostFactory(password="open sesame")
    image = gallery(post, 1)[0].image
    response = client.get(url(post, image))
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    client.post(post.get_absolute_url(), {"password": "open sesame"})
    response = client.get(url(post, image))
    assert response.status_code == 200
    assert image.renditions["large"]["webp"] in response.content.decode()


def test_the_page_costs_the_same_queries_whatever_the_gallery_size(client, django_assert_max_num_queries):
    def queries(count):
        post = PostFactory()
        items = gallery(post, count)
        client.get(url(post, items[1].image))  # the site settings' row is made on the first page shown
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(post, items[count // 2].image)).status_code == 200
        return len(captured)

    assert queries(3) == queries(25)
    post = PostFactory()
    items = gallery(post, 25)
    # The post, its gallery with its images, the site settings and the sidebar's five widgets.
    with django_assert_max_num_queries(8):
        client.get(url(post, items[12].image))
