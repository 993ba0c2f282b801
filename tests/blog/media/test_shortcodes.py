"""[gallery], [gallery ids="…"] and [image id=…] in a post's sanitised body HTML, expanded at save time."""

import pytest

from blog.media.shortcodes import expand_shortcodes
from blog.rendering.markup import ContentFormat
from tests.factories import PageFactory, PostFactory
from tests.html import parse_strict
from tests.media_factories import GalleryItemFactory, ImageFactory, image_upload

pytestmark = pytest.mark.django_db


def small_image(**kwargs):
    return ImageFactory(file=image_upload("JPEG", (400, 300)), **kwargs)


def body(source, content_format=ContentFormat.MARKDOWN):
    """What the lead's Post.render() hands over: the body rendered and sanitised."""
    return ContentFormat(content_format).to_html(source)


def assert_valid(html):
    parse_strict(f"<!DOCTYPE html><title>t</title>{html}")


@pytest.fixture
def post():
    return PostFactory()


def test_gallery_shows_the_posts_own_gallery_in_order_linking_to_each_full_size_page(post):
    items = [GalleryItemFactory(post=post, image=small_image(), position=n) for n in (2, 1)]
    html = expand_shortcodes(body("Our trip.\n\n[gallery]\n\nThe end."), post)
    assert "[gallery]" not in html
    assert html.startswith('<p>Our trip.</p>\n<div class="gallery gallery-own">')
    assert html.index(items[1].get_absolute_url()) < html.index(items[0].get_absolute_url())
    assert items[0].image.renditions["thumbnail"]["webp"] in html
    assert html.endswith("<p>The end.</p>")
    assert_valid(html)


def test_gallery_with_ids_shows_those_images_in_the_order_given(post):
    first, second, third = small_image(), small_image(), small_image()
    html = expand_shortcodes(body(f'[gallery ids="{third.pk}, {first.pk}"]'), post)
    assert html.index(third.renditions["thumbnail"]["original"]) < html.index(first.renditions["thumbnail"]["original"])
    assert second.renditions["thumbnail"]["original"] not in html
    assert f'<a href="/media/{third.file.name}">' in html  # not in this post's gallery: the file itself
    assert_valid(html)


def test_gallery_ids_skip_the_ones_that_do_not_exist(post):
    image = small_image()
    html = expand_shortcodes(body(f'[gallery ids="999999,{image.pk}"]'), post)
    assert image.renditions["thumbnail"]["webp"] in html and "[gallery" not in html


def test_image_shows_one_image_at_its_size_aligned_with_its_caption(post):
    image = small_image(alt_text="The lighthouse")
    html = expand_shortcodes(body(f'[image id={image.pk} size=medium align=left caption="Built in 1868"]'), post)
    assert html.startswith('<figure class="wp-caption alignleft"><picture>')
    assert image.renditions["medium"]["webp"] in html
    assert 'alt="The lighthouse"' in html
    assert "<figcaption>Built in 1868</figcaption>" in html
    assert "<p>" not in html  # the paragraph Markdown wrapped it in is gone: a <figure> cannot be in a <p>
    assert_valid(html)


def test_image_defaults_to_medium_unaligned_and_links_to_its_gallery_page(post):
    item = GalleryItemFactory(post=post, image=small_image())
    html = expand_shortcodes(body(f"[image id={item.image.pk}]"), post)
    assert html.startswith(f'<figure class="wp-caption alignnone"><a href="{item.get_absolute_url()}"><picture>')
    assert 'width="300" height="225"' in html


def test_an_image_inside_a_sentence_stays_inline(post):
    image = small_image()
    html = expand_shortcodes(body(f"Here [image id={image.pk} size=thumbnail align=right] is our logo."), post)
    assert html.startswith('<p>Here <picture class="alignright">')
    assert html.endswith("</picture> is our logo.</p>")
    assert_valid(html)


def test_several_shortcodes_in_one_paragraph_each_become_a_block(post):
    a, b = small_image(), small_image()
    html = expand_shortcodes(body(f"[image id={a.pk}]\n[image id={b.pk}]"), post)
    assert html.count("<figure") == 2 and "<p>" not in html
    assert_valid(html)


def test_shortcodes_work_in_html_bodies_and_inside_lists_and_quotes(post):
    image = small_image()
    source = (
        f"<ul><li>[image id={image.pk}]</li></ul>\n[image id={image.pk} size=large]\n"
        f"<blockquote>[gallery ids={image.pk}]</blockquote>"
    )
    html = expand_shortcodes(body(source, ContentFormat.HTML), post)
    assert "[" not in html
    assert html.count("<figure") == 3  # two images, and the gallery's one item
    assert_valid(html)


@pytest.mark.parametrize(
    "source",
    [
        "[audio src=song.mp3]",  # not ours
        "[image]",  # no id
        "[image id=abc]",
        "[image id=12 size=huge]",
        "[image id=12 align=middle]",
        '[image id="12 caption="unclosed]',
        '[gallery ids="3,x"]',
        '[gallery ids=""]',
        "[galleryx]",
        "[image id=999999]",  # no such image
        "[gallery ids=99999999999999999999999999]",  # more than the database can count
        "[gallery]",  # this post has no gallery
    ],
)
def test_unknown_malformed_and_missing_shortcodes_stay_as_plain_text(post, source):
    html = body(source)
    assert expand_shortcodes(html, post) == html


def test_a_malformed_shortcode_next_to_a_good_one_keeps_its_own_paragraph(post):
    image = small_image()
    html = expand_shortcodes(body(f"[image id={image.pk}]\n[image id=nope]"), post)
    assert "<figure" in html and html.endswith("<p>[image id=nope]</p>")
    assert_valid(html)


def test_double_brackets_write_a_shortcode_as_text(post):
    html = expand_shortcodes(body("Type [[gallery]] to show your photos."), post)
    assert html == "<p>Type [gallery] to show your photos.</p>"


def test_shortcodes_in_code_and_attributes_are_left_alone(post):
    image = small_image()
    source = f'Write `[image id={image.pk}]`.\n\n[see]( https://example.com "[image id={image.pk}]")'
    html = body(source)
    assert expand_shortcodes(html, post) == html


def test_alt_text_and_captions_are_escaped(post):
    image = small_image(alt_text='"><script>alert("alt")</script>', caption="<script>alert('caption')</script>")
    GalleryItemFactory(post=post, image=image)
    source = f"[image id={image.pk} caption='&quot;&gt;&lt;script&gt;x()&lt;/script&gt;']\n\n[gallery]"
    html = expand_shortcodes(body(source, ContentFormat.HTML), post)
    assert "<script" not in html
    assert 'alt="&quot;&gt;&lt;script&gt;alert(&quot;alt&quot;)&lt;/script&gt;"' in html
    assert "<figcaption>&quot;&gt;&lt;script&gt;x()&lt;/script&gt;</figcaption>" in html
    assert "&lt;script&gt;alert(&#x27;caption&#x27;)&lt;/script&gt;" in html


def test_markdown_escapes_in_the_caption_are_read_as_text(post):
    image = small_image()
    html = expand_shortcodes(body(f'[image id={image.pk} caption="Fish & chips"]'), post)
    assert "<figcaption>Fish &amp; chips</figcaption>" in html


def test_expansion_costs_two_queries_at_most(post, django_assert_max_num_queries):
    images = [small_image() for _ in range(3)]
    GalleryItemFactory(post=post, image=images[0])
    source = "\n\n".join(
        [f"[image id={image.pk}]" for image in images] + ["[gallery]", f"[gallery ids={images[1].pk}]"]
    )
    html = body(source)
    with django_assert_max_num_queries(2):
        expanded = expand_shortcodes(html, post)
    assert "[image" not in expanded and "[gallery" not in expanded
    assert all(image.renditions["medium"]["webp"] in expanded for image in images)


def test_a_body_without_shortcodes_costs_no_query(post, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert expand_shortcodes("<p>Nothing [here].</p>", post) == "<p>Nothing [here].</p>"


def test_an_unsaved_post_has_no_gallery_yet():
    unsaved = PostFactory.build()
    assert expand_shortcodes("<p>[gallery]</p>", unsaved) == "<p>[gallery]</p>"


def test_pages_have_images_but_no_gallery_of_their_own():
    page, image = PageFactory(), small_image()
    html = expand_shortcodes(f"<p>[image id={image.pk}]</p>\n<p>[gallery]</p>", page)
    assert html.startswith("<figure") and html.endswith("<p>[gallery]</p>")


def test_page_separators_survive(post):
    image = small_image()
    html = f"<p>One</p>\n<!--nextpage-->\n<p>[image id={image.pk}]</p>"
    assert "\n<!--nextpage-->\n<figure" in expand_shortcodes(html, post)
