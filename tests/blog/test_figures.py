"""The visual editor's library figures and images, written as media shortcodes before the sanitiser sees them."""

import re

import pytest

from blog.media.renditions import url
from blog.media.shortcodes import SHORTCODE_RE, parse
from blog.rendering.figures import figures_to_shortcodes, library_images
from tests.factories import PostFactory
from tests.html import parse_strict
from tests.media_factories import ImageFactory


def editor_figure(image_id, caption=None, alt="What the editor says", src="/media/images/harbour-large.jpg"):
    """A library image as the visual editor writes it, with a caption when one is given."""
    figcaption = "" if caption is None else f'<figcaption class="figure-caption">{caption}</figcaption>'
    return f'<figure class="figure"><img src="{src}" alt="{alt}" data-file="{image_id}">{figcaption}</figure>'


def sole_shortcode(html):
    """The Shortcode the shortcode parser reads from `html`, which must hold exactly one."""
    matches = SHORTCODE_RE.findall(html)
    assert len(matches) == 1, html
    _, name, attributes, _ = matches[0]
    return parse(name, attributes)


# --- figures_to_shortcodes -----------------------------------------------------


def test_a_figure_without_caption_becomes_a_large_image_shortcode_in_its_own_paragraph():
    assert figures_to_shortcodes(editor_figure(12)) == "<p>[image id=12 size=large]</p>"


def test_a_figure_with_an_empty_caption_has_no_caption_attribute():
    assert figures_to_shortcodes(editor_figure(12, caption="")) == "<p>[image id=12 size=large]</p>"


def test_a_figure_with_a_caption_keeps_it_as_the_shortcodes_caption():
    html = figures_to_shortcodes(editor_figure(12, caption="The harbour"))
    assert html == '<p>[image id=12 size=large caption="The harbour"]</p>'
    code = sole_shortcode(html)
    assert (code.name, code.ids, code.size, code.align, code.caption) == (
        "image",
        (12,),
        "large",
        "none",
        "The harbour",
    )


def test_the_text_around_a_figure_is_left_as_it_was():
    source = f"<p>Before.</p>{editor_figure(7, caption='Boats')}<p>After.</p>"
    assert figures_to_shortcodes(source) == '<p>Before.</p><p>[image id=7 size=large caption="Boats"]</p><p>After.</p>'


def test_a_caption_with_double_quotes_is_quoted_with_single_ones():
    html = figures_to_shortcodes(editor_figure(12, caption='He called it "the old quay"'))
    assert html == """<p>[image id=12 size=large caption='He called it "the old quay"']</p>"""
    assert sole_shortcode(html).caption == 'He called it "the old quay"'


def test_a_caption_with_double_quotes_written_as_entities_is_read_back_whole():
    html = figures_to_shortcodes(editor_figure(12, caption="He called it &quot;the old quay&quot;"))
    assert sole_shortcode(html).caption == 'He called it "the old quay"'


def test_a_caption_with_single_quotes_is_quoted_with_double_ones():
    html = figures_to_shortcodes(editor_figure(12, caption="The harbour's mouth"))
    assert html == """<p>[image id=12 size=large caption="The harbour's mouth"]</p>"""
    assert sole_shortcode(html).caption == "The harbour's mouth"


def test_a_caption_with_both_quote_marks_keeps_the_typographic_double_quote():
    html = figures_to_shortcodes(editor_figure(12, caption="""She said "it's the quay" twice"""))
    assert html == """<p>[image id=12 size=large caption="She said ”it's the quay” twice"]</p>"""
    assert sole_shortcode(html).caption == "She said ”it's the quay” twice"


def test_brackets_in_a_caption_become_parentheses_so_they_do_not_end_the_shortcode():
    html = figures_to_shortcodes(editor_figure(12, caption="The quay [1868] and [image id=3]"))
    assert html == '<p>[image id=12 size=large caption="The quay (1868) and (image id=3)"]</p>'
    code = sole_shortcode(html)
    assert code.ids == (12,) and code.caption == "The quay (1868) and (image id=3)"


def test_markup_in_a_caption_is_reduced_to_its_text_and_entities_stay_escaped():
    html = figures_to_shortcodes(editor_figure(12, caption="Fish &amp; <em>chips</em> &lt;3"))
    assert html == '<p>[image id=12 size=large caption="Fish &amp; chips &lt;3"]</p>'
    assert sole_shortcode(html).caption == "Fish & chips <3"  # the parser unescapes what came from HTML


def test_the_spaces_of_a_caption_are_collapsed():
    html = figures_to_shortcodes(editor_figure(12, caption="  The\n   harbour  "))
    assert html == '<p>[image id=12 size=large caption="The harbour"]</p>'


def test_a_line_break_in_a_caption_keeps_the_words_apart():
    html = figures_to_shortcodes(editor_figure(12, caption="At dawn<br>from the quay"))
    assert sole_shortcode(html).caption == "At dawn from the quay"  # is "At dawnfrom the quay"


def test_a_figure_whose_image_is_not_from_the_library_stays_as_it_is():
    source = (
        '<figure class="figure"><img src="https://example.com/x.jpg" alt="x">'
        '<figcaption class="figure-caption">Elsewhere</figcaption></figure>'
    )
    assert figures_to_shortcodes(source) == source


def test_a_text_without_library_images_is_returned_as_it_is():
    source = '<p>Hello <img src="https://example.com/x.jpg" alt="x"> there.</p>'
    assert figures_to_shortcodes(source) == source


def test_a_figure_with_two_library_images_is_not_made_one_image():
    """Not a figure the editor writes: the <figure> and its caption stay, and each library image in it is
    written as an inline [image] (as any library image outside an editor figure is), not one large figure."""
    source = (
        '<figure><img src="/a.jpg" alt="a" data-file="3"><img src="/b.jpg" alt="b" data-file="4">'
        "<figcaption>Two boats</figcaption></figure>"
    )
    assert (
        figures_to_shortcodes(source) == "<figure>[image id=3][image id=4]<figcaption>Two boats</figcaption></figure>"
    )


def test_a_figure_with_a_library_image_and_another_image_keeps_the_other_one():
    source = '<figure><img src="/a.jpg" alt="a" data-file="3"><img src="https://example.com/y.jpg" alt="y"></figure>'
    assert "https://example.com/y.jpg" in figures_to_shortcodes(source)  # is "<p>[image id=3 size=large]</p>"


def test_a_library_image_inside_a_sentence_becomes_an_inline_image_shortcode():
    source = (
        '<p>Our logo <img src="/logo.png" alt="Logo" data-file="9"> and <img src="https://e.com/y.jpg" alt="y">.</p>'
    )
    assert figures_to_shortcodes(source) == '<p>Our logo [image id=9] and <img src="https://e.com/y.jpg" alt="y">.</p>'


@pytest.mark.parametrize(
    ("tag", "image_id"),
    [
        ('<img data-file="12" src="/x.jpg">', 12),
        ("<img data-file='12' src='/x.jpg'>", 12),
        ('<img src="/x.jpg" data-file=12>', 12),
        ('<img src="/x.jpg" data-file=" 12 ">', 12),
        ('<img alt="a > b" src="/x.jpg" data-file="12">', 12),  # a ">" inside a value does not end the tag
        ('<img src="/x.jpg" data-file="">', None),
        ('<img src="/x.jpg" data-file="twelve">', None),
    ],
)
def test_how_data_file_may_be_written(tag, image_id):
    expected = tag if image_id is None else f"[image id={image_id}]"
    assert figures_to_shortcodes(f"<p>{tag}</p>") == f"<p>{expected}</p>"


# --- library_images ------------------------------------------------------------


def test_library_images_are_the_ids_and_alt_texts_in_order_with_entities_unescaped():
    source = (
        f"<p>Intro.</p>{editor_figure(5, caption='One', alt='Fish &amp; chips')}"
        '<p>An <img src="https://example.com/y.jpg" alt="not ours"> image from elsewhere, '
        "and <img src='/b.jpg' alt='It&#39;s &quot;ours&quot;' data-file='9'> inline.</p>"
        f"{editor_figure(2, alt='a &lt; b')}<p><img src=/c.jpg data-file=11></p>"
    )
    assert library_images(source) == [(5, "Fish & chips"), (9, """It's "ours\""""), (2, "a < b"), (11, "")]


def test_library_images_of_a_text_without_any():
    assert library_images('<p>Hi <img src="https://example.com/y.jpg" alt="y"></p>') == []
    assert library_images("") == []


def test_library_images_lists_an_image_shown_twice_twice():
    assert library_images(editor_figure(4, alt="A") + editor_figure(4, alt="B")) == [(4, "A"), (4, "B")]


# --- Through the post, as readers see it ---------------------------------------


@pytest.mark.django_db
def test_an_editor_figure_in_an_html_post_is_shown_as_the_librarys_picture():
    image = ImageFactory(alt_text="Boats at the quay")
    body = f"<p>Before.</p>{editor_figure(image.pk, caption='At dawn', alt='What I typed long ago')}<p>After.</p>"
    post = PostFactory(format="html", body=body)
    post.refresh_from_db()
    html = post.body_html

    medium, large = image.renditions["medium"], image.renditions["large"]
    webp_srcset = f"{url(medium['webp'])} 300w, {url(large['webp'])} 1024w"
    jpeg_srcset = f"{url(medium['original'])} 300w, {url(large['original'])} 1024w"
    assert html.startswith('<p>Before.</p><figure class="wp-caption alignnone"><picture>')
    assert html.endswith("</figure><p>After.</p>")
    assert f'<source type="image/webp" srcset="{webp_srcset}" sizes="(max-width: 1024px) 100vw, 1024px">' in html
    assert f'<img src="{url(large["original"])}" srcset="{jpeg_srcset}"' in html
    assert 'width="1024" height="683"' in html
    assert 'alt="Boats at the quay"' in html
    assert "What I typed long ago" not in html
    assert "<figcaption>At dawn</figcaption>" in html
    assert "data-file" not in html and "/media/images/harbour-large.jpg" not in html
    assert html.count("<figure") == 1 and html.count("<picture>") == 1
    assert "<p><figure" not in html  # the paragraph the shortcode stood in is gone
    assert set(post.shown_images.all()) == {image}  # changing the image renders the post again
    parse_strict(f"<!DOCTYPE html><title>t</title>{html}")


@pytest.mark.django_db
def test_a_caption_with_quotes_survives_into_the_rendered_figcaption():
    image = ImageFactory()
    post = PostFactory(format="html", body=editor_figure(image.pk, caption='The "Marie-Louise" at anchor'))
    assert "<figcaption>The &quot;Marie-Louise&quot; at anchor</figcaption>" in post.body_html


@pytest.mark.django_db
def test_a_caption_with_both_quote_marks_and_markup_survives_into_the_figcaption():
    image = ImageFactory()
    caption = """<strong>The "Marie-Louise"</strong> &amp; the pilot's boat"""
    post = PostFactory(format="html", body=editor_figure(image.pk, caption=caption))
    assert "<figcaption>The ”Marie-Louise” &amp; the pilot&#x27;s boat</figcaption>" in post.body_html


@pytest.mark.django_db
def test_a_library_image_in_a_sentence_of_an_html_post_is_an_inline_picture():
    image = ImageFactory(alt_text="Our logo")
    post = PostFactory(format="html", body=f'<p>See <img src="/x.jpg" alt="old" data-file="{image.pk}"> here.</p>')
    inline_picture = r'<picture class="alignnone"><source type="image/webp" [^>]*><img [^>]*></picture>'
    assert re.fullmatch(rf"<p>See {inline_picture} here\.</p>", post.body_html)
    assert url(image.renditions["medium"]["webp"]) in post.body_html
    assert 'alt="Our logo"' in post.body_html and "data-file" not in post.body_html


@pytest.mark.django_db
def test_an_editor_figure_naming_no_existing_image_shows_the_shortcode_as_text():
    post = PostFactory(format="html", body=editor_figure(999999, caption="Gone"))
    assert post.body_html == '<p>[image id=999999 size=large caption="Gone"]</p>'


@pytest.mark.django_db
def test_an_image_from_elsewhere_in_an_html_post_stays_an_img():
    post = PostFactory(format="html", body='<p>Look: <img src="https://example.com/x.jpg" alt="x"></p>')
    assert post.body_html == '<p>Look: <img src="https://example.com/x.jpg" alt="x"></p>'
    assert not post.shown_images.exists()
