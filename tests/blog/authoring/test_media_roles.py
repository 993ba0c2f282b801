"""Each role in the media library: everyone who writes sees and picks every image, but only its uploader
(or an editor) may edit, replace or delete it, since posts other than theirs may show it."""

import pytest
from django.core.files.storage import default_storage

from blog.media.models import GalleryItem, Image
from tests.blog.authoring.conftest import change_url, post_form
from tests.factories import PostFactory, UserFactory
from tests.media_factories import ImageFactory, image_upload

pytestmark = pytest.mark.django_db

LIBRARY = "/admin/blog/image/"


def image_url(image, view="change"):
    return f"{LIBRARY}{image.pk}/{view}/"


def replacement(**changes):
    """The image form as the admin posts it: new alt text and, unless `changes` say otherwise, a new file."""
    return {"file": image_upload("PNG", (500, 400), name="replacement.png"), "alt_text": "Replaced", **changes}


def on_disk(names):
    return all(default_storage.exists(name) for name in names)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as a real request would: replaced or deleted files are removed then."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def owner():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture(params=["contributor", "author", "editor", "owner"])
def anyone(request):
    """A user of each role that may use the media library."""
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["contributor", "author"])
def writer(request):
    """A user of each role limited to their own images."""
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["editor", "owner"])
def editor_or_owner(request):
    return request.getfixturevalue(request.param)


# --- Everyone sees and picks every image ---------------------------------------


def test_everyone_sees_every_image_in_the_library_and_its_picker(as_user, anyone):
    ImageFactory(uploaded_by=anyone, alt_text="My own quay")
    ImageFactory(alt_text="Someone else's lighthouse")
    client = as_user(anyone)
    for params in ({}, {"_popup": "1", "_to_field": "id"}):  # the picker the post form's magnifier opens
        html = client.get(LIBRARY, params).content.decode()
        assert "My own quay" in html and "Someone else&#x27;s lighthouse" in html


def test_a_writer_opens_someone_elses_image_read_only(as_user, writer):
    theirs = ImageFactory(alt_text="Someone else's lighthouse")
    response = as_user(writer).get(image_url(theirs))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="file"' not in html and 'name="alt_text"' not in html and 'name="_save"' not in html


def test_a_writer_edits_and_replaces_their_own_image(as_user, writer, committed):
    mine = ImageFactory(uploaded_by=writer)
    old = mine.stored_names()
    with committed():
        response = as_user(writer).post(image_url(mine), replacement())
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.alt_text, mine.width, mine.height) == ("Replaced", 500, 400)
    assert on_disk(mine.stored_names()) and not any(default_storage.exists(name) for name in old)


# --- Nobody but the uploader or an editor alters an image ----------------------


@pytest.mark.parametrize("changes", [{}, {"file": ""}], ids=["replacing the file", "editing the text"])
def test_a_forged_change_to_someone_elses_image_is_refused_and_keeps_its_files(as_user, writer, committed, changes):
    theirs = ImageFactory(alt_text="Someone else's lighthouse")
    kept = theirs.stored_names()
    with committed():
        response = as_user(writer).post(image_url(theirs), replacement(**changes))
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.alt_text == "Someone else's lighthouse"
    assert sorted(theirs.stored_names()) == sorted(kept)  # PostgreSQL's jsonb keeps no key order
    assert on_disk(kept)


def test_a_contributor_deletes_no_image_not_even_their_own(as_user, contributor, committed):
    mine = ImageFactory(uploaded_by=contributor)
    with committed():
        response = as_user(contributor).post(image_url(mine, "delete"), {"post": "yes"})
    assert response.status_code == 403
    assert Image.objects.filter(pk=mine.pk).exists() and on_disk(mine.stored_names())


def test_an_author_deletes_their_own_image_and_its_files(as_user, author, committed):
    mine = ImageFactory(uploaded_by=author)
    names = mine.stored_names()
    with committed():
        response = as_user(author).post(image_url(mine, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Image.objects.filter(pk=mine.pk).exists()
    assert not any(default_storage.exists(name) for name in names)


def test_an_author_cannot_delete_someone_elses_image(as_user, author, committed):
    theirs = ImageFactory()
    client = as_user(author)
    assert client.get(image_url(theirs, "delete")).status_code == 403
    with committed():
        assert client.post(image_url(theirs, "delete"), {"post": "yes"}).status_code == 403
    assert Image.objects.filter(pk=theirs.pk).exists() and on_disk(theirs.stored_names())


def test_an_author_cannot_bulk_delete_someone_elses_image_among_their_own(as_user, author, committed):
    mine, theirs = ImageFactory(uploaded_by=author), ImageFactory()
    with committed():
        response = as_user(author).post(
            LIBRARY, {"action": "delete_selected", "_selected_action": [mine.pk, theirs.pk], "post": "yes"}
        )
    assert response.status_code == 403
    assert Image.objects.count() == 2
    assert on_disk(mine.stored_names() + theirs.stored_names())


def test_an_imported_image_without_an_uploader_is_for_editors_to_alter(as_user, author):
    imported = ImageFactory(uploaded_by=None, alt_text="From the old site")
    client = as_user(author)
    assert client.post(image_url(imported), replacement()).status_code == 403
    assert client.post(image_url(imported, "delete"), {"post": "yes"}).status_code == 403
    assert Image.objects.get(pk=imported.pk).alt_text == "From the old site"


def test_editors_and_owners_replace_and_delete_anyones_image(as_user, editor_or_owner, committed):
    theirs, other = ImageFactory(), ImageFactory(uploaded_by=None)
    old = theirs.stored_names()
    client = as_user(editor_or_owner)
    with committed():
        assert client.post(image_url(theirs), replacement()).status_code == 302
        assert client.post(image_url(other, "delete"), {"post": "yes"}).status_code == 302
    theirs.refresh_from_db()
    assert theirs.alt_text == "Replaced" and theirs.uploaded_by != editor_or_owner
    assert not any(default_storage.exists(name) for name in old)
    assert list(Image.objects.all()) == [theirs]


# --- Galleries: a post's gallery is the post's, whoever uploaded its images ---


def gallery_form(post, image):
    return post_form(
        post,
        **{"gallery_items-TOTAL_FORMS": 1, "gallery_items-0-image": image.pk, "gallery_items-0-position": 1},
    )


def test_a_writer_puts_someone_elses_image_in_their_own_posts_gallery(as_user, writer):
    post = PostFactory(author=writer, status="draft", published_at=None)
    theirs = ImageFactory(alt_text="Someone else's lighthouse")
    response = as_user(writer).post(change_url(post), gallery_form(post, theirs))
    assert response.status_code == 302
    assert [item.image for item in GalleryItem.objects.filter(post=post)] == [theirs]
    assert Image.objects.get(pk=theirs.pk).alt_text == "Someone else's lighthouse"


def test_a_contributor_cannot_change_the_gallery_of_their_published_post(as_user, contributor):
    post = PostFactory(author=contributor)
    image = ImageFactory(uploaded_by=contributor)
    client = as_user(contributor)
    assert 'name="gallery_items-0-image"' not in client.get(change_url(post)).content.decode()
    assert client.post(change_url(post), gallery_form(post, image)).status_code == 403
    assert not GalleryItem.objects.exists()


def test_a_writer_cannot_change_the_gallery_of_someone_elses_post(as_user, writer):
    post, image = PostFactory(), ImageFactory(uploaded_by=writer)
    response = as_user(writer).post(change_url(post), gallery_form(post, image))
    assert response.status_code in (302, 403)  # the post "doesn't exist" for them, or is refused
    assert not GalleryItem.objects.exists()


def test_an_editor_changes_the_gallery_of_anyones_post(as_user, editor):
    post, image = PostFactory(), ImageFactory()
    assert as_user(editor).post(change_url(post), gallery_form(post, image)).status_code == 302
    assert [item.image for item in GalleryItem.objects.filter(post=post)] == [image]
