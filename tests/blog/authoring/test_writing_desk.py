"""The writing desk in the post and page forms: the body's editor, switching formats, the live preview, and the
alt texts written where an image stands."""

import html
import re

import pytest

from blog.media.library import choice
from blog.models import Page, Post
from blog.rendering import bounded
from tests.blog.authoring.conftest import ADD_URL, change_url, post_form, saved
from tests.factories import PageFactory, PostFactory, UserFactory
from tests.media_factories import ImageFactory

pytestmark = pytest.mark.django_db

CONVERT = "/admin/blog/post/convert/"
LIVE_PREVIEW = "/admin/blog/post/live-preview/"
PAGE_ADD = "/admin/blog/page/add/"
TEXTAREA_RE = re.compile(r'<textarea name="body"[^>]*>(.*?)</textarea>', re.DOTALL)


@pytest.fixture
def no_role():
    """Staff, so the admin lets them in, but in no role: no permission on posts at all."""
    return UserFactory(is_staff=True)


def body_in_form(response):
    """The text of the form's body <textarea>, as the browser reads it."""
    return html.unescape(TEXTAREA_RE.search(response.content.decode())[1]).removeprefix("\n")


def editor_figure(image, alt, caption=""):
    """A library image as the visual editor writes it."""
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure><img src="{choice(image)["url"]}" alt="{alt}" data-file="{image.pk}">{figcaption}</figure>'


# --- The desk in the form -----------------------------------------------------


def test_the_add_form_sets_out_the_writing_desk(as_user, author):
    response = as_user(author).get(ADD_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "data-writing-desk" in page
    assert 'data-editor-module="/static/django_prose_editor/editor.js"' in page
    assert 'data-convert-url="/admin/blog/post/convert/"' in page
    assert 'data-preview-url="/admin/blog/post/live-preview/"' in page
    assert 'data-upload-url="/admin/blog/image/upload/"' in page
    assert 'data-picker-url="/admin/blog/image/picker/"' in page
    assert 'data-describe-url="/admin/blog/image/0/describe/"' in page
    assert 'data-kept-as-source=""' in page
    assert re.search(r'<script src="/static/js/writing-desk\.js" type="module"></script>', page)
    assert 'href="/static/django_prose_editor/editor.css"' in page and 'href="/static/css/writing-desk.css"' in page


def test_a_new_entry_starts_in_the_visual_editor_with_the_formats_in_writers_words(as_user, author):
    response = as_user(author).get(ADD_URL)
    form = response.context["adminform"].form
    assert form.initial["format"] == "html"
    assert form.fields["format"].choices == [
        ("markdown", "Markdown"),
        ("html", "Visual editor (HTML)"),
        ("wordpress", "WordPress (automatic paragraphs)"),
    ]
    page = response.content.decode()
    assert '<option value="html" selected>Visual editor (HTML)</option>' in page
    assert "Switching converts the text" in page


def test_a_format_in_the_address_still_wins_over_the_default(as_user, author):
    response = as_user(author).get(ADD_URL, {"format": "markdown"})
    assert '<option value="markdown" selected>Markdown</option>' in response.content.decode()


def test_the_body_stays_a_plain_textarea_that_works_without_javascript(as_user, author):
    page = as_user(author).get(ADD_URL).content.decode()
    assert re.search(r'<textarea name="body" cols="80" rows="24" id="id_body">', page)
    assert page.count('name="body"') == 1
    # The desk's tools wait for the script.
    assert '<div class="writing-desk-tools" hidden>' in page


def test_posting_the_form_in_the_visual_editors_format_saves_the_post(as_user, author):
    body = "<h2>Beans</h2><p>They climb <strong>fast</strong>.</p>"
    response = as_user(author).post(ADD_URL, post_form(format="html", body=body))
    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.format, post.body, post.author) == ("html", body, author)
    assert "<h2>Beans</h2>" in post.body_html and "<strong>fast</strong>" in post.body_html


def test_an_html_text_the_editor_cannot_hold_says_what_is_kept_as_source(as_user, author):
    post = PostFactory(author=author, format="html", body="<dl><dt>Beans</dt><dd>A climbing plant.</dd></dl>")
    page = as_user(author).get(change_url(post)).content.decode()
    assert 'data-kept-as-source="definition lists"' in page


def test_an_html_text_the_editor_holds_keeps_nothing_as_source(as_user, author):
    image = ImageFactory(uploaded_by=author)
    body = f"<p>Some <em>text</em>.</p>{editor_figure(image, 'A quay', 'Dawn')}"
    post = PostFactory(author=author, format="html", body=body)
    assert 'data-kept-as-source=""' in as_user(author).get(change_url(post)).content.decode()


def test_the_page_form_sets_out_the_desk_too(as_user, editor):
    response = as_user(editor).get(PAGE_ADD)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-convert-url="/admin/blog/page/convert/"' in page
    assert 'data-preview-url="/admin/blog/page/live-preview/"' in page
    assert 'data-picker-url="/admin/blog/image/picker/"' in page
    assert '<option value="html" selected>Visual editor (HTML)</option>' in page
    assert re.search(r'<textarea name="body" cols="80" rows="24" id="id_body">', page)


# --- Switching formats ----------------------------------------------------------


def test_html_converts_to_markdown(as_user, author):
    body = '<h2>Beans</h2><p>They climb <strong>fast</strong>, see <a href="https://example.com/">this</a>.</p>'
    response = as_user(author).post(CONVERT, {"body": body, "from": "html", "to": "markdown"})
    assert response.status_code == 200
    assert response.json() == {
        "body": "## Beans\n\nThey climb **fast**, see [this](https://example.com/).\n",
        "lost": [],
        "kept_as_source": [],
    }


def test_a_conversion_names_what_the_other_format_cannot_keep(as_user, author):
    response = as_user(author).post(CONVERT, {"body": "<p>H<sub>2</sub>O</p>", "from": "html", "to": "markdown"})
    assert response.status_code == 200
    assert "subscript" in response.json()["lost"]


def test_markdown_with_a_large_library_image_becomes_the_editors_figure(as_user, author):
    image = ImageFactory(alt_text="Boats at the quay")
    body = f'Before.\n\n[image id={image.pk} size=large caption="At dawn"]\n\nAfter.\n'
    response = as_user(author).post(CONVERT, {"body": body, "from": "markdown", "to": "html"})
    assert response.status_code == 200
    converted = response.json()
    figure = (
        f'<figure><img src="{choice(image)["url"]}" alt="Boats at the quay" data-file="{image.pk}">'
        "<figcaption>At dawn</figcaption></figure>"
    )
    assert figure in converted["body"]
    assert "<p>Before.</p>" in converted["body"] and "<p>After.</p>" in converted["body"]
    assert (converted["lost"], converted["kept_as_source"]) == ([], [])


def test_a_library_image_of_another_size_says_the_editor_drops_sizes(as_user, author):
    image = ImageFactory(alt_text="Boats at the quay")
    body = f"[image id={image.pk} size=medium]\n"
    converted = as_user(author).post(CONVERT, {"body": body, "from": "markdown", "to": "html"}).json()
    assert f'data-file="{image.pk}"' in converted["body"]
    assert "image sizes and alignment" in converted["lost"]


def test_a_shortcode_for_an_image_no_longer_in_the_library_stays_as_written(as_user, author):
    converted = as_user(author).post(CONVERT, {"body": "[image id=999999]\n", "from": "markdown", "to": "html"}).json()
    assert converted["body"] == "<p>[image id=999999]</p>"
    assert converted["lost"] == []


def test_markdown_that_the_editor_cannot_hold_is_named_on_converting_to_html(as_user, author):
    body = "Beans\n:   A climbing plant.\n"
    converted = as_user(author).post(CONVERT, {"body": body, "from": "markdown", "to": "html"}).json()
    assert "<dl>" in converted["body"]
    assert converted["kept_as_source"] == ["definition lists"]


@pytest.mark.parametrize(
    "formats",
    [{"from": "html", "to": "latex"}, {"from": "rtf", "to": "html"}, {"to": "html"}, {}],
    ids=["bad target", "bad source", "no source", "none"],
)
def test_converting_between_unknown_formats_is_refused(as_user, author, formats):
    response = as_user(author).post(CONVERT, {"body": "Some text.", **formats})
    assert response.status_code == 400
    assert response.json() == {"error": "Choose one of the formats offered."}


def test_converting_too_long_a_text_is_refused(as_user, author, monkeypatch):
    monkeypatch.setattr(bounded, "MAX_BODY_CHARS", 50)
    response = as_user(author).post(CONVERT, {"body": "a" * 51, "from": "markdown", "to": "html"})
    assert response.status_code == 413
    assert "at most 50" in response.json()["error"]
    assert as_user(author).post(CONVERT, {"body": "a" * 50, "from": "markdown", "to": "html"}).status_code == 200


def test_a_contributor_may_convert(as_user, contributor):
    assert as_user(contributor).post(CONVERT, {"body": "*Hi*", "from": "markdown", "to": "html"}).status_code == 200


def test_staff_without_a_role_may_not_convert(as_user, no_role):
    response = as_user(no_role).post(CONVERT, {"body": "Some text.", "from": "markdown", "to": "html"})
    assert response.status_code == 403


def test_the_convert_view_only_takes_posts(as_user, author):
    assert as_user(author).get(CONVERT, {"body": "Some text.", "from": "markdown", "to": "html"}).status_code == 405


# --- The live preview -------------------------------------------------------------


def test_the_live_preview_shows_the_text_as_readers_would_see_it_sanitised(as_user, author):
    body = "Beans *climb*.\n\n<script>alert('stolen')</script>\n\n<p onclick=\"alert(1)\">Click</p>\n"
    response = as_user(author).post(LIVE_PREVIEW, {"body": body, "format": "markdown"})
    assert response.status_code == 200
    shown = response.json()["html"]
    assert "<em>climb</em>" in shown
    assert "<script" not in shown and "onclick" not in shown
    assert not Post.objects.exists()


def test_the_live_preview_shows_library_images_as_readers_would(as_user, author):
    image = ImageFactory(alt_text="Boats at the quay")
    body = f"<p>Before.</p>{editor_figure(image, 'Boats at the quay', 'At dawn')}"
    shown = as_user(author).post(LIVE_PREVIEW, {"body": body, "format": "html"}).json()["html"]
    assert "<picture" in shown and 'alt="Boats at the quay"' in shown and "At dawn" in shown
    assert "data-file" not in shown


@pytest.mark.parametrize("content_format", ["latex", ""])
def test_the_live_preview_refuses_an_unknown_format(as_user, author, content_format):
    response = as_user(author).post(LIVE_PREVIEW, {"body": "Some text.", "format": content_format})
    assert response.status_code == 400
    assert response.json() == {"error": "Choose one of the formats offered."}


def test_the_live_preview_refuses_too_long_a_text(as_user, author, monkeypatch):
    monkeypatch.setattr(bounded, "MAX_BODY_CHARS", 50)
    response = as_user(author).post(LIVE_PREVIEW, {"body": "a" * 51, "format": "markdown"})
    assert response.status_code == 413
    assert "at most 50" in response.json()["error"]


def test_the_live_preview_is_for_writers_only(as_user, no_role):
    client = as_user(no_role)
    assert client.post(LIVE_PREVIEW, {"body": "Some text.", "format": "markdown"}).status_code == 403
    assert client.get(LIVE_PREVIEW).status_code == 405


def test_the_page_admin_has_its_live_preview_for_editors(as_user, editor):
    response = as_user(editor).post("/admin/blog/page/live-preview/", {"body": "A *page*.", "format": "markdown"})
    assert response.status_code == 200
    assert "<em>page</em>" in response.json()["html"]
    assert not Page.objects.exists()


def test_an_author_has_no_page_live_preview(as_user, author):
    response = as_user(author).post("/admin/blog/page/live-preview/", {"body": "A *page*.", "format": "markdown"})
    assert response.status_code == 403


def test_the_page_admin_converts_for_editors(as_user, editor):
    response = as_user(editor).post("/admin/blog/page/convert/", {"body": "*Hi*", "from": "markdown", "to": "html"})
    assert response.status_code == 200
    assert response.json()["body"] == "<p><em>Hi</em></p>"


# --- Alt texts written in the editor ------------------------------------------------


def test_the_uploader_saving_a_post_makes_its_alt_text_the_librarys(as_user, author):
    image = ImageFactory(uploaded_by=author, alt_text="Old words")
    body = f"<p>Look:</p>{editor_figure(image, 'Boats at the quay', 'At dawn')}"
    response = as_user(author).post(ADD_URL, post_form(format="html", body=body))
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.alt_text == "Boats at the quay"
    # The post shows the library's image with the alt text just given.
    assert 'alt="Boats at the quay"' in Post.objects.get().body_html


def test_another_author_saving_a_post_leaves_the_librarys_alt_text_alone(as_user, author):
    image = ImageFactory(uploaded_by=UserFactory(), alt_text="Old words")
    body = editor_figure(image, "My words")
    response = as_user(author).post(ADD_URL, post_form(format="html", body=body))
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.alt_text == "Old words"
    post = Post.objects.get()
    assert post.body == body  # the post is saved as written
    assert 'alt="Old words"' in post.body_html and "My words" not in post.body_html


def test_an_editor_saving_a_post_makes_its_alt_text_the_librarys(as_user, editor):
    image = ImageFactory(uploaded_by=UserFactory(), alt_text="Old words")
    data = post_form(format="html", body=editor_figure(image, "Better words"), author=editor.pk)
    response = as_user(editor).post(ADD_URL, data)
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.alt_text == "Better words"


def test_saving_an_alt_text_renders_the_other_posts_showing_the_image_again(as_user, author):
    image = ImageFactory(uploaded_by=author, alt_text="Old words")
    other = PostFactory(author=author, format="markdown", body=f"[image id={image.pk}]")
    assert 'alt="Old words"' in other.body_html
    as_user(author).post(ADD_URL, post_form(format="html", body=editor_figure(image, "New words")))
    assert 'alt="New words"' in saved(other).body_html


def test_an_empty_alt_text_in_the_editor_does_not_wipe_the_librarys(as_user, author):
    image = ImageFactory(uploaded_by=author, alt_text="Old words")
    as_user(author).post(ADD_URL, post_form(format="html", body=editor_figure(image, "  ")))
    image.refresh_from_db()
    assert image.alt_text == "Old words"


def test_a_markdown_post_does_not_change_the_librarys_alt_text(as_user, author):
    image = ImageFactory(uploaded_by=author, alt_text="Old words")
    response = as_user(author).post(ADD_URL, post_form(format="markdown", body=editor_figure(image, "New words")))
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.alt_text == "Old words"


def test_an_editor_saving_a_page_makes_its_alt_text_the_librarys(as_user, editor):
    image = ImageFactory(uploaded_by=UserFactory(), alt_text="Old words")
    data = {"title": "About", "format": "html", "body": editor_figure(image, "Page words"), "status": "draft",
            "author": editor.pk, "menu_order": 0}  # fmt: skip
    response = as_user(editor).post(PAGE_ADD, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    image.refresh_from_db()
    assert image.alt_text == "Page words"


def test_the_change_form_shows_the_librarys_current_alt_text(as_user, author):
    image = ImageFactory(uploaded_by=author, alt_text="Stale words")
    post = PostFactory(author=author, format="html", body=f"<p>Look:</p>{editor_figure(image, 'Stale words')}")
    image.alt_text = 'Boats at "the" quay'
    image.save()
    body = body_in_form(as_user(author).get(change_url(post)))
    assert 'alt="Boats at &quot;the&quot; quay"' in body
    assert "Stale words" not in body
    assert body.startswith("<p>Look:</p><figure>")
    assert saved(post).body == post.body  # only the form's copy was brought up to date


def test_the_change_form_gives_an_alt_text_to_a_library_image_written_without_one(as_user, author):
    image = ImageFactory(uploaded_by=author, alt_text="Boats at the quay")
    post = PostFactory(author=author, format="html", body=f'<p><img src="/x.jpg" data-file="{image.pk}"></p>')
    body = body_in_form(as_user(author).get(change_url(post)))
    assert f'<img alt="Boats at the quay" src="/x.jpg" data-file="{image.pk}">' in body


def test_the_change_form_leaves_other_images_as_written(as_user, author):
    body = (
        '<p><img src="https://example.com/a.jpg" alt="Elsewhere"><img src="/y.jpg" alt="Gone" data-file="999999"></p>'
    )
    post = PostFactory(author=author, format="html", body=body)
    assert body_in_form(as_user(author).get(change_url(post))) == body


def test_the_page_change_form_shows_the_librarys_current_alt_text(as_user, editor):
    image = ImageFactory(alt_text="Current words")
    page = PageFactory(author=editor, format="html", body=editor_figure(image, "Stale words"))
    body = body_in_form(as_user(editor).get(f"/admin/blog/page/{page.pk}/change/"))
    assert 'alt="Current words"' in body and "Stale words" not in body


def test_a_form_sent_back_with_an_error_keeps_the_alt_text_the_writer_typed(as_user, author):
    image = ImageFactory(uploaded_by=author, alt_text="Old words")
    response = as_user(author).post(ADD_URL, post_form(title="", format="html", body=editor_figure(image, "New words")))
    assert response.status_code == 200  # the title is required
    assert not Post.objects.exists()
    assert 'alt="New words"' in body_in_form(response)
