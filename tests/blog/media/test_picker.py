"""The picker window and the writing desk's image views: browsing and searching the library, uploading where the
writer is (the picker's form, an image dropped into the text) and describing an image where it stands."""

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.contrib.auth.models import Permission

from blog.media import picker
from blog.media.library import choice
from blog.media.models import Image
from blog.media.validation import NOT_AN_IMAGE, SVG_REFUSED
from tests.blog.authoring.conftest import with_role
from tests.factories import UserFactory
from tests.html import parse_fragment, parse_strict
from tests.media_factories import ImageFactory, image_bytes, image_upload, upload

pytestmark = pytest.mark.django_db

PICKER = "/admin/blog/image/picker/"
UPLOAD = "/admin/blog/image/upload/"
KEPT = {"mode": "multiple", "target": "id_featured_image", "CKEditorFuncNum": "7"}
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def describe_url(image_id):
    return f"/admin/blog/image/{image_id}/describe/"


@pytest.fixture
def contributor():
    return with_role("Contributor")


@pytest.fixture
def author():
    return with_role("Author")


@pytest.fixture
def editor():
    return with_role("Editor")


@pytest.fixture
def no_role():
    """Staff, so the admin lets them in, but in no role: no permission on images at all."""
    return UserFactory(is_staff=True)


@pytest.fixture
def viewer():
    """Staff who may look at the library but not add to it."""
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="blog", codename="view_image"))
    return user


def shown(response):
    """The images the picker offers, in order: the choice() each of its buttons hands back."""
    tree = parse_fragment(response.content.decode())
    return [json.loads(button.get("data-image")) for button in tree.iter("button") if button.get("data-image")]


def shown_alts(response):
    return [image["alt"] for image in shown(response)]


def query_of(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


# --- Browsing -----------------------------------------------------------------


def test_the_picker_shows_thumbnails_newest_first_with_their_alt_text(as_user, author):
    oldest = ImageFactory(alt_text="The old mill")
    middle = ImageFactory(alt_text="", title="Untitled harbour")
    newest = ImageFactory(alt_text="A red lighthouse", caption="At dusk")
    response = as_user(author).get(PICKER)
    assert response.status_code == 200
    assert [image["id"] for image in shown(response)] == [newest.pk, middle.pk, oldest.pk]
    assert shown(response)[0] == choice(newest)
    html = response.content.decode()
    for image in (newest, middle, oldest):
        assert f'<img src="{choice(image)["thumbnail"]}" alt="" width="150" height="150" loading="lazy">' in html
    assert "A red lighthouse" in html and "The old mill" in html
    # An image without alt text shows its title, and says what it lacks.
    assert 'Untitled harbour <em class="image-picker-no-alt">(no alt text)</em>' in html
    assert 'aria-pressed="true"' not in html  # nothing was just uploaded


def test_every_writer_sees_every_image_in_the_picker(as_user, contributor):
    ImageFactory(alt_text="Someone else's lighthouse")
    ImageFactory(uploaded_by=contributor, alt_text="My own quay")
    assert shown_alts(as_user(contributor).get(PICKER)) == ["My own quay", "Someone else's lighthouse"]


def test_an_empty_library_invites_an_upload(as_user, author):
    html = as_user(author).get(PICKER).content.decode()
    assert "The library has no images yet: upload one above." in html
    assert 'name="file"' in html


@pytest.mark.parametrize(
    ("field", "query"),
    [("alt_text", "lighthouse"), ("title", "Beacon"), ("caption", "dusk")],
)
def test_the_search_finds_images_by_alt_text_title_or_caption(as_user, author, field, query):
    ImageFactory(alt_text="A green field", title="Meadow", caption="At noon")
    found = ImageFactory(**{"alt_text": "Something", field: f"The {query.upper()} here"})
    ImageFactory(alt_text="A grey sea", title="Waves", caption="In winter")
    response = as_user(author).get(PICKER, {"q": query})
    assert [image["id"] for image in shown(response)] == [found.pk]
    assert f'name="q" value="{query}"' in response.content.decode()


def test_a_search_that_finds_nothing_says_so(as_user, author):
    ImageFactory(alt_text="A green field")
    response = as_user(author).get(PICKER, {"q": "  submarine  "})
    assert shown(response) == []
    assert "No image matches “submarine”." in response.content.decode()


def test_the_picker_pages_through_a_large_library(as_user, author, monkeypatch):
    monkeypatch.setattr(picker, "PER_PAGE", 2)
    images = [ImageFactory(alt_text=f"Photo {n}") for n in range(5)]
    client = as_user(author)
    first = client.get(PICKER, KEPT)
    assert shown_alts(first) == ["Photo 4", "Photo 3"]
    html = first.content.decode()
    assert "Page 1 of 3" in html and "Newer images" not in html
    links = {link.text: link.get("href") for link in parse_fragment(html).iter("a") if link.get("href", "")[:1] == "?"}
    assert query_of(links["Older images"]) == {**KEPT, "q": "", "page": "2"}

    second = client.get(PICKER, query_of(links["Older images"]))
    assert shown_alts(second) == ["Photo 2", "Photo 1"]
    html = second.content.decode()
    assert "Page 2 of 3" in html and "Newer images" in html and "Older images" in html

    last = client.get(PICKER, {**KEPT, "page": "3"})
    assert [image["id"] for image in shown(last)] == [images[0].pk]
    assert "Older images" not in last.content.decode()
    # A page past the end shows the last; a page that is not a number, the first: never an error.
    assert shown_alts(client.get(PICKER, {"page": "99"})) == ["Photo 0"]
    assert shown_alts(client.get(PICKER, {"page": "next"})) == ["Photo 4", "Photo 3"]


def test_the_search_is_kept_across_pages(as_user, author, monkeypatch):
    monkeypatch.setattr(picker, "PER_PAGE", 1)
    ImageFactory(alt_text="A boat")
    ImageFactory(alt_text="A harbour at dawn")
    ImageFactory(alt_text="A harbour at night")
    html = as_user(author).get(PICKER, {"q": "harbour"}).content.decode()
    older = next(link.get("href") for link in parse_fragment(html).iter("a") if link.text == "Older images")
    assert query_of(older) == {"q": "harbour", "page": "2"}
    assert "Page 1 of 2" in html


def test_the_picker_keeps_who_opened_it_in_its_links_and_forms(as_user, author, monkeypatch):
    monkeypatch.setattr(picker, "PER_PAGE", 1)
    ImageFactory.create_batch(2)
    response = as_user(author).get(PICKER, {**KEPT, "q": "harbour"})
    html = response.content.decode()
    tree = parse_fragment(html)
    container = next(div for div in tree.iter("div") if div.get("id") == "content-main")
    assert (container.get("data-target"), container.get("data-ckeditorfuncnum")) == ("id_featured_image", "7")
    search, upload_form = (next(form for form in tree.iter("form") if form.get("method") == m) for m in ("get", "post"))
    hidden = {field.get("name"): field.get("value") for field in search.iter("input") if field.get("type") == "hidden"}
    assert hidden == KEPT
    assert query_of(upload_form.get("action")) == {**KEPT, "q": "harbour"}
    older = next(link.get("href") for link in tree.iter("a") if link.text == "Older images")
    assert query_of(older) == {**KEPT, "q": "harbour", "page": "2"}


def test_the_picker_keeps_nothing_it_was_not_given(as_user, author):
    html = as_user(author).get(PICKER, {"other": "x"}).content.decode()
    tree = parse_fragment(html)
    search = next(form for form in tree.iter("form") if form.get("method") == "get")
    assert [field for field in search.iter("input") if field.get("type") == "hidden"] == []
    assert 'action="?q="' in html


@pytest.mark.parametrize(
    ("mode", "title", "done_hidden"),
    [
        (None, "Choose an image", True),
        ("single", "Choose an image", True),
        ("multiple", "Choose images for the gallery", False),
        ("everything", "Choose an image", True),
    ],
)
def test_the_title_says_whether_one_image_or_several_are_chosen(as_user, author, mode, title, done_hidden):
    response = as_user(author).get(PICKER, {"mode": mode} if mode else {})
    assert response.context["title"] == title
    assert response.context["mode"] == ("multiple" if mode == "multiple" else "single")
    html = response.content.decode()
    assert f"<title>{title} |" in html
    done = next(b for b in parse_fragment(html).iter("button") if b.get("data-picker-done") is not None)
    assert (done.get("hidden") is not None) is done_hidden


def test_the_picker_page_is_well_formed_html(as_user, author):
    ImageFactory(alt_text="A red lighthouse")
    parse_strict(as_user(author).get(PICKER).content)


def test_the_picker_page_is_well_formed_html_when_opened_for_a_gallery(as_user, author):
    ImageFactory(alt_text="A red lighthouse")
    parse_strict(as_user(author).get(PICKER, KEPT).content)


# --- Uploading in the picker ----------------------------------------------------


def test_an_upload_in_the_picker_is_stored_and_chosen(as_user, author):
    ImageFactory(alt_text="An older image")
    client = as_user(author)
    data = {
        "file": image_upload("PNG", (400, 300), name="quay.png"),
        "alt_text": "Boats at the quay",
        "caption": "Dawn",
    }
    response = client.post(f"{PICKER}?{urlencode({**KEPT, 'q': ''})}", data)
    assert response.status_code == 302
    image = Image.objects.get(alt_text="Boats at the quay")
    assert (image.uploaded_by, image.caption, image.width, image.height) == (author, "Dawn", 400, 300)
    location = urlsplit(response["Location"])
    assert location.path == PICKER
    assert query_of(response["Location"]) == {**KEPT, "uploaded": str(image.pk)}

    page = client.get(response["Location"])
    assert shown_alts(page) == ["Boats at the quay", "An older image"]
    pressed = [
        b.get("aria-pressed") for b in parse_fragment(page.content.decode()).iter("button") if b.get("data-image")
    ]
    assert pressed == ["true", "false"]


def test_a_bad_file_in_the_picker_shows_the_librarys_message_and_stores_nothing(as_user, author, stored_files):
    client = as_user(author)
    notes = b"Just some words, not a picture."
    response = client.post(PICKER, {"file": upload(notes, name="notes.jpg"), "alt_text": "Something"})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [NOT_AN_IMAGE]
    html = response.content.decode()
    assert NOT_AN_IMAGE in html
    assert '<details class="image-picker-upload" open>' in html
    assert Image.objects.count() == 0
    assert stored_files() == []
    # The same words as the library's own form.
    library = client.post("/admin/blog/image/add/", {"file": upload(notes, name="notes.jpg"), "alt_text": "Something"})
    assert library.context["adminform"].form.errors["file"] == response.context["form"].errors["file"]


def test_the_picker_asks_for_alt_text_on_upload(as_user, author, stored_files):
    response = as_user(author).post(PICKER, {"file": image_upload(), "alt_text": ""})
    assert response.status_code == 200
    assert "alt_text" in response.context["form"].errors
    assert Image.objects.count() == 0
    assert stored_files() == []


def test_a_user_who_may_only_view_gets_no_upload_form_and_cannot_upload(as_user, viewer, stored_files):
    ImageFactory(alt_text="A red lighthouse")
    client = as_user(viewer)
    response = client.get(PICKER)
    assert response.status_code == 200
    assert shown_alts(response) == ["A red lighthouse"]
    assert response.context["form"] is None and 'name="file"' not in response.content.decode()
    response = client.post(PICKER, {"file": image_upload(), "alt_text": "Sneaked in"})
    assert response.status_code == 200
    assert not Image.objects.filter(alt_text="Sneaked in").exists()


def test_staff_without_a_role_may_not_open_the_picker(as_user, no_role):
    client = as_user(no_role)
    assert client.get(PICKER).status_code == 403
    assert client.post(PICKER, {"file": image_upload(), "alt_text": "Sneaked in"}).status_code == 403
    assert not Image.objects.exists()


def test_a_visitor_is_sent_to_the_login_page(client):
    response = client.get(PICKER)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    non_staff = UserFactory()
    client.force_login(non_staff)
    assert client.get(PICKER).status_code == 302


# --- Uploading from the editor (JSON) ---------------------------------------------


def test_an_image_dropped_into_the_text_is_stored_and_described_back(as_user, author, stored_files):
    response = as_user(author).post(UPLOAD, {"file": image_upload("JPEG", (1200, 800), name="quay.jpg")})
    assert response.status_code == 201
    image = Image.objects.get()
    body = response.json()
    assert body == choice(image)
    assert {"id", "url", "thumbnail", "alt", "caption"} <= set(body)
    assert (body["id"], body["alt"], body["caption"]) == (image.pk, "", "")
    assert body["url"].endswith(image.renditions["large"]["original"])
    assert body["thumbnail"].endswith(image.renditions["thumbnail"]["original"])
    assert (image.uploaded_by, image.width, image.height) == (author, 1200, 800)
    assert stored_files()  # the original and its renditions


def test_a_dropped_image_may_bring_its_alt_text(as_user, contributor):
    response = as_user(contributor).post(UPLOAD, {"file": image_upload("PNG", (300, 200)), "alt_text": "A quay"})
    assert response.status_code == 201
    assert response.json()["alt"] == "A quay"
    assert Image.objects.get().uploaded_by == contributor


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (lambda: upload(b"Just some words, not a picture.", name="notes.jpg"), NOT_AN_IMAGE),
        (lambda: upload(SVG, name="logo.svg", content_type="image/svg+xml"), SVG_REFUSED),
        (lambda: upload(image_bytes("PNG", (300, 300)), name="big.png", content_type="image/png"), "images up to 500"),
    ],
    ids=["text-named-jpg", "svg", "over-the-size-limit"],
)
def test_a_refused_drop_says_why_in_the_librarys_words_and_stores_nothing(
    as_user, author, settings, stored_files, file, message
):
    settings.CANDID_MAX_UPLOAD_BYTES = 500
    response = as_user(author).post(UPLOAD, {"file": file()})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["error"]
    assert Image.objects.count() == 0
    assert stored_files() == []


def test_a_drop_without_a_file_is_refused(as_user, author):
    response = as_user(author).post(UPLOAD, {})
    assert response.status_code == 400
    assert response.json()["error"]
    assert not Image.objects.exists()


def test_a_user_who_may_not_add_images_cannot_drop_one(as_user, viewer, stored_files):
    response = as_user(viewer).post(UPLOAD, {"file": image_upload()})
    assert response.status_code == 403
    assert response.json() == {"error": "Your role may not upload images."}
    assert not Image.objects.exists()
    assert stored_files() == []


def test_the_upload_view_only_takes_posts(as_user, author):
    assert as_user(author).get(UPLOAD).status_code == 405


# --- Describing an image where it stands -----------------------------------------


def test_the_uploader_describes_their_image(as_user, author):
    image = ImageFactory(uploaded_by=author, alt_text="Old words", caption="Old caption")
    response = as_user(author).post(describe_url(image.pk), {"alt_text": "Boats at the quay", "caption": "At dawn"})
    assert response.status_code == 200
    image.refresh_from_db()
    assert (image.alt_text, image.caption) == ("Boats at the quay", "At dawn")
    assert response.json() == choice(image)
    assert response.json()["alt"] == "Boats at the quay"


def test_an_empty_alt_text_is_refused_with_a_message(as_user, author):
    image = ImageFactory(uploaded_by=author, alt_text="Old words")
    response = as_user(author).post(describe_url(image.pk), {"alt_text": "", "caption": "At dawn"})
    assert response.status_code == 400
    assert response.json()["error"] == "This field is required."
    image.refresh_from_db()
    assert (image.alt_text, image.caption) == ("Old words", "")


def test_an_author_may_not_describe_someone_elses_image(as_user, author):
    image = ImageFactory(alt_text="Old words")
    response = as_user(author).post(describe_url(image.pk), {"alt_text": "Mine now", "caption": ""})
    assert response.status_code == 403
    assert "uploader or an editor" in response.json()["error"]
    image.refresh_from_db()
    assert image.alt_text == "Old words"


def test_an_editor_describes_anyones_image(as_user, editor):
    image = ImageFactory(alt_text="Old words")
    response = as_user(editor).post(describe_url(image.pk), {"alt_text": "Better words", "caption": "Fixed"})
    assert response.status_code == 200
    image.refresh_from_db()
    assert (image.alt_text, image.caption) == ("Better words", "Fixed")


def test_describing_a_missing_image_is_a_json_404(as_user, editor):
    image = ImageFactory()
    missing = image.pk + 100
    response = as_user(editor).post(describe_url(missing), {"alt_text": "Words", "caption": ""})
    assert response.status_code == 404
    assert response.json() == {"error": "This image is no longer in the library."}


def test_the_describe_view_only_takes_posts(as_user, author):
    image = ImageFactory(uploaded_by=author)
    assert as_user(author).get(describe_url(image.pk)).status_code == 405


def test_a_user_without_a_role_may_not_describe_images(as_user, no_role):
    image = ImageFactory(uploaded_by=no_role, alt_text="Old words")
    assert as_user(no_role).post(describe_url(image.pk), {"alt_text": "New", "caption": ""}).status_code == 403
    image.refresh_from_db()
    assert image.alt_text == "Old words"
