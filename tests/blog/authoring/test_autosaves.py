"""Autosaves of the post and page forms: what each tab keeps as the writer types, what opening the form again
offers to restore, and what saving the entry discards (blog/authoring/autosaves.py, blog/admin/writing.py)."""

import datetime
import html
import json
import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from blog.authoring import autosaves
from blog.authoring.autosaves import KEPT_PER_ENTRY, NEW_ENTRY_DAYS, valid_tab
from blog.models import Autosave, Page, Post, Revision
from blog.rendering import bounded
from tests.blog.authoring.conftest import ADD_URL, change_url, post_form, saved
from tests.factories import PageFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

AUTOSAVE = "/admin/blog/post/autosave/"
PAGE_AUTOSAVE = "/admin/blog/page/autosave/"
PAGE_ADD = "/admin/blog/page/add/"
TAB, OTHER_TAB = "tab-aaaaaaaa", "tab-bbbbbbbb"
NOT_UNDERSTOOD = {"error": "The autosave was not understood; reload the page."}
NOT_YOURS = {"error": "This entry is not yours to change, or no longer exists."}
NO_ROLE = {"error": "Your role may not write these."}
PROMPT = '<div class="writing-desk-restore" role="alert" hidden>'
AUTOSAVE_JSON_RE = re.compile(r'<script id="writing-desk-autosave" type="application/json">(.*?)</script>', re.DOTALL)
TEXTAREA_RE = re.compile(r'<textarea name="body"[^>]*>(.*?)</textarea>', re.DOTALL)
MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def no_role():
    """Staff, so the admin lets them in, but in no role: no permission on posts or pages at all."""
    return UserFactory(is_staff=True)


def autosave_data(entry="", tab=TAB, **changes):
    """What static/js/writing-desk.js posts to the autosave view."""
    return {"entry": entry, "tab": tab, "title": "Beans", "excerpt": "", "body": "Beans climb.", "format": "markdown",
            **changes}  # fmt: skip


def message_for(autosave):
    when = date_format(timezone.localtime(autosave.saved_at), "TIME_FORMAT")
    return f"Autosaved at {when}. Nothing is published until you save."


def rows(**filters):
    """The stored autosaves, newest first, as (user, entry_type, entry_id, tab, title, excerpt, body, format)."""
    fields = ("user", "entry_type", "entry_id", "tab", "title", "excerpt", "body", "format")
    return list(Autosave.objects.filter(**filters).values_list(*fields))


def words(entry=None, **changes):
    """The autosaved fields as `entry` has them (or as a new entry's defaults here), with `changes`."""
    base = {"title": "New post", "excerpt": "", "body": "Fresh words.", "format": "markdown"}
    if entry is not None:
        base = {name: getattr(entry, name, "") for name in autosaves.FIELDS}  # a page has no excerpt: ""
    return {**base, **changes}


def keep_row(user, entry, saved_at, tab=TAB, entry_type="post", **changes):
    """An autosave stored directly, at a chosen time: `entry`'s own words (None: a new entry's), with `changes`."""
    return Autosave.objects.create(
        user=user, entry_type=entry_type, entry_id=entry.pk if entry else None, tab=tab, saved_at=saved_at,
        **words(entry, **changes),
    )  # fmt: skip


def chosen(user, entry, entry_type="post"):
    """The fields of the autosave autosaves.newer() picks for `user` opening `entry` (None: a new one), or None."""
    autosave = autosaves.newer(user, entry_type, entry)
    return None if autosave is None else {name: getattr(autosave, name) for name in autosaves.FIELDS}


def saved_page(page):
    return Page.objects.get(pk=page.pk)


def offered(response):
    """The autosave the form offers to restore (the fields of its JSON), or None if it offers none."""
    assert response.status_code == 200
    page = response.content.decode()
    found = AUTOSAVE_JSON_RE.search(page)
    if found is None:
        assert PROMPT not in page and "Restore the autosave" not in page
        return None
    assert page.count(PROMPT) == 1
    assert "data-restore-autosave" in page and "data-dismiss-autosave" in page
    return json.loads(found[1])


def prompt_text(autosave):
    when = date_format(timezone.localtime(autosave.saved_at), "DATETIME_FORMAT")
    return f"There is an autosave of this text, from {when}, that is more recent than the version below."


def body_in_form(response):
    return html.unescape(TEXTAREA_RE.search(response.content.decode())[1]).removeprefix("\n")


# --- Keeping what is typed -------------------------------------------------------------


def test_an_authors_autosave_of_their_draft_is_kept_and_the_post_left_alone(as_user, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT, title="Beans", body="Old words.", excerpt="")
    before = timezone.now()
    data = autosave_data(post.pk, title="Beans, again", excerpt="Short.", body="New words.", format="html")
    response = as_user(author).post(AUTOSAVE, data)
    assert response.status_code == 200
    autosave = Autosave.objects.get()
    assert rows() == [(author.pk, "post", post.pk, TAB, "Beans, again", "Short.", "New words.", "html")]
    assert before <= autosave.saved_at <= timezone.now()
    assert response.json() == {"message": message_for(autosave)}
    assert response.json()["message"].startswith("Autosaved at ")
    # The post is not saved: same words, same time of its last save, no revision.
    stored = saved(post)
    assert (stored.title, stored.body, stored.excerpt, stored.format) == ("Beans", "Old words.", "", "markdown")
    assert stored.updated_at == post.updated_at
    assert stored.body_html == post.body_html
    assert not Revision.objects.exists()


def test_the_same_tab_autosaving_again_updates_its_row(as_user, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT)
    client = as_user(author)
    assert client.post(AUTOSAVE, autosave_data(post.pk, body="First words.")).status_code == 200
    first = Autosave.objects.get()
    response = client.post(AUTOSAVE, autosave_data(post.pk, body="Second words."))
    assert response.status_code == 200
    second = Autosave.objects.get()
    assert second.pk == first.pk
    assert second.body == "Second words."
    assert second.saved_at >= first.saved_at
    assert response.json() == {"message": message_for(second)}


def test_a_second_tab_keeps_its_own_autosave(as_user, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT)
    client = as_user(author)
    assert client.post(AUTOSAVE, autosave_data(post.pk, tab=TAB, body="In one tab.")).status_code == 200
    assert client.post(AUTOSAVE, autosave_data(post.pk, tab=OTHER_TAB, body="In another.")).status_code == 200
    assert sorted(Autosave.objects.values_list("tab", "body")) == [(TAB, "In one tab."), (OTHER_TAB, "In another.")]
    assert set(Autosave.objects.values_list("user", "entry_type", "entry_id")) == {(author.pk, "post", post.pk)}


def test_only_the_newest_tabs_of_an_entry_are_kept(as_user, author, editor):
    post = PostFactory(author=author, status=Post.Status.DRAFT)
    long_ago = timezone.now() - datetime.timedelta(days=1)
    editors = keep_row(editor, post, long_ago, tab="editor-tab", body="The editor's words.")
    new_entry = keep_row(author, None, long_ago, tab="new-entry-tab")
    client = as_user(author)
    tabs = [f"tab-{n:08d}" for n in range(KEPT_PER_ENTRY + 1)]
    for tab in tabs[:KEPT_PER_ENTRY]:
        assert client.post(AUTOSAVE, autosave_data(post.pk, tab=tab, body=f"Words of {tab}.")).status_code == 200
    assert Autosave.objects.filter(user=author, entry_id=post.pk).count() == KEPT_PER_ENTRY
    # The first tab writes again, so it is no longer the oldest: the next new tab pushes out the second.
    assert client.post(AUTOSAVE, autosave_data(post.pk, tab=tabs[0], body="Written again.")).status_code == 200
    assert client.post(AUTOSAVE, autosave_data(post.pk, tab=tabs[-1], body="The last tab.")).status_code == 200
    kept = list(Autosave.objects.filter(user=author, entry_id=post.pk).values_list("tab", flat=True))
    assert kept == [tabs[-1], tabs[0], *reversed(tabs[2:KEPT_PER_ENTRY])]
    assert Autosave.objects.get(user=author, entry_id=post.pk, tab=tabs[0]).body == "Written again."
    # Another writer's autosave of the post, and the author's of a new post, are not counted with these.
    assert Autosave.objects.filter(pk__in=[editors.pk, new_entry.pk]).count() == 2


def test_a_new_posts_autosave_is_kept_without_an_entry(as_user, author):
    response = as_user(author).post(AUTOSAVE, autosave_data("", title="Untitled yet", body="A start."))
    assert response.status_code == 200
    assert rows() == [(author.pk, "post", None, TAB, "Untitled yet", "", "A start.", "markdown")]
    assert response.json() == {"message": message_for(Autosave.objects.get())}
    assert not Post.objects.exists()


def test_a_title_longer_than_a_posts_is_cut_to_fit(as_user, author):
    response = as_user(author).post(AUTOSAVE, autosave_data(title="T" * 250))
    assert response.status_code == 200
    assert Autosave.objects.get().title == "T" * 200


@pytest.mark.parametrize(
    "tab",
    ["", "short12", "a" * 33, "tab with spaces", "tab/../../etc", "tab-ünïcode", "\ntab-aaaaaaaa"],
    ids=["empty", "too short", "too long", "spaces", "slashes", "non-ascii", "leading newline"],
)
def test_a_bad_tab_id_is_refused(as_user, author, tab):
    assert not valid_tab(tab)
    response = as_user(author).post(AUTOSAVE, autosave_data(tab=tab))
    assert response.status_code == 400
    assert response.json() == NOT_UNDERSTOOD
    assert not Autosave.objects.exists()


def test_a_tab_id_ending_in_a_newline_is_refused(as_user, author):
    tab = "a" * 32 + "\n"
    response = as_user(author).post(AUTOSAVE, autosave_data(tab=tab))
    assert not Autosave.objects.exists()
    assert (response.status_code, response.json()) == (400, NOT_UNDERSTOOD)
    assert not valid_tab(tab)


def test_tab_ids_of_eight_to_thirty_two_letters_digits_dashes_and_underscores_are_taken(as_user, author):
    client = as_user(author)
    for tab in ["a" * 8, "Z_9-" * 8]:
        assert valid_tab(tab)
        assert client.post(AUTOSAVE, autosave_data(tab=tab)).status_code == 200
    assert sorted(Autosave.objects.values_list("tab", flat=True)) == sorted(["a" * 8, "Z_9-" * 8])


def test_a_missing_tab_id_is_refused(as_user, author):
    data = autosave_data()
    del data["tab"]
    response = as_user(author).post(AUTOSAVE, data)
    assert (response.status_code, response.json()) == (400, NOT_UNDERSTOOD)
    assert not Autosave.objects.exists()


@pytest.mark.parametrize(
    "content_format", ["latex", "", "HTML", None], ids=["unknown", "empty", "wrong case", "missing"]
)
def test_an_unknown_format_is_refused(as_user, author, content_format):
    post = PostFactory(author=author, status=Post.Status.DRAFT)
    data = {k: v for k, v in autosave_data(post.pk, format=content_format).items() if v is not None}
    response = as_user(author).post(AUTOSAVE, data)
    assert response.status_code == 400
    assert response.json() == NOT_UNDERSTOOD
    assert not Autosave.objects.exists()


def test_too_long_a_body_is_refused(as_user, author, monkeypatch):
    monkeypatch.setattr(bounded, "MAX_BODY_CHARS", 50)
    post = PostFactory(author=author, status=Post.Status.DRAFT)
    client = as_user(author)
    response = client.post(AUTOSAVE, autosave_data(post.pk, body="a" * 51))
    assert response.status_code == 413
    assert response.json() == {"error": bounded.too_long("a" * 51)}
    assert "at most 50" in response.json()["error"]
    assert not Autosave.objects.exists()
    # At the limit it is kept; a browser's two-character line breaks count as one.
    assert client.post(AUTOSAVE, autosave_data(post.pk, body="a\r\n" * 25)).status_code == 200
    assert Autosave.objects.get().body == "a\r\n" * 25


def test_an_author_may_not_autosave_someone_elses_post(as_user, author):
    post = PostFactory(author=UserFactory(), status=Post.Status.DRAFT)
    response = as_user(author).post(AUTOSAVE, autosave_data(post.pk))
    assert response.status_code == 403
    assert response.json() == NOT_YOURS
    assert not Autosave.objects.exists()


@pytest.mark.parametrize("entry", ["999999", "not-a-number"])
def test_an_entry_that_does_not_exist_is_refused(as_user, author, entry):
    response = as_user(author).post(AUTOSAVE, autosave_data(entry))
    assert (response.status_code, response.json()) == (403, NOT_YOURS)
    assert not Autosave.objects.exists()


def test_an_editor_may_autosave_someone_elses_post(as_user, editor, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT)
    assert as_user(editor).post(AUTOSAVE, autosave_data(post.pk)).status_code == 200
    assert rows() == [(editor.pk, "post", post.pk, TAB, "Beans", "", "Beans climb.", "markdown")]


def test_a_contributor_may_not_autosave_their_published_post(as_user, contributor):
    post = PostFactory(author=contributor, status=Post.Status.PUBLISHED)
    response = as_user(contributor).post(AUTOSAVE, autosave_data(post.pk))
    assert (response.status_code, response.json()) == (403, NOT_YOURS)
    assert not Autosave.objects.exists()


def test_a_contributor_may_autosave_their_draft(as_user, contributor):
    post = PostFactory(author=contributor, status=Post.Status.DRAFT)
    assert as_user(contributor).post(AUTOSAVE, autosave_data(post.pk)).status_code == 200
    assert rows() == [(contributor.pk, "post", post.pk, TAB, "Beans", "", "Beans climb.", "markdown")]


def test_staff_without_a_role_may_not_autosave(as_user, no_role):
    client = as_user(no_role)
    response = client.post(AUTOSAVE, autosave_data(""))
    assert (response.status_code, response.json()) == (403, NO_ROLE)
    own_post = PostFactory(author=no_role, status=Post.Status.DRAFT)
    response = client.post(AUTOSAVE, autosave_data(own_post.pk))
    assert (response.status_code, response.json()) == (403, NOT_YOURS)
    assert not Autosave.objects.exists()


def test_the_autosave_view_only_takes_posts(as_user, author):
    response = as_user(author).get(AUTOSAVE, autosave_data())
    assert response.status_code == 405
    assert not Autosave.objects.exists()


def test_an_editor_autosaves_pages(as_user, editor):
    page = PageFactory(author=editor, status=Page.Status.DRAFT)
    client = as_user(editor)
    response = client.post(PAGE_AUTOSAVE, autosave_data(page.pk, title="About us", body="Who we are."))
    assert response.status_code == 200
    assert response.json() == {"message": message_for(Autosave.objects.get())}
    assert client.post(PAGE_AUTOSAVE, autosave_data("", tab=OTHER_TAB, body="A new page.")).status_code == 200
    assert rows() == [
        (editor.pk, "page", None, OTHER_TAB, "Beans", "", "A new page.", "markdown"),
        (editor.pk, "page", page.pk, TAB, "About us", "", "Who we are.", "markdown"),
    ]
    assert saved_page(page).body == page.body


def test_an_author_may_not_autosave_pages(as_user, author):
    client = as_user(author)
    response = client.post(PAGE_AUTOSAVE, autosave_data(""))
    assert (response.status_code, response.json()) == (403, NO_ROLE)
    page = PageFactory(author=author, status=Page.Status.DRAFT)
    response = client.post(PAGE_AUTOSAVE, autosave_data(page.pk))
    assert (response.status_code, response.json()) == (403, NOT_YOURS)
    assert not Autosave.objects.exists()


# --- Offering an autosave on opening the form -------------------------------------------


def test_the_change_form_offers_a_newer_autosave_that_differs(as_user, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT, title="Beans", body="Old words.")
    autosave = keep_row(author, post, post.updated_at + MINUTE, body="Newer <b>words</b> & </script> more.")
    expected = words(post, body="Newer <b>words</b> & </script> more.")
    assert chosen(author, post) == expected
    response = as_user(author).get(change_url(post))
    # Only offered: the form itself holds the post as saved.
    assert body_in_form(response) == "Old words."
    assert offered(response) == expected
    page = response.content.decode()
    assert prompt_text(autosave) in page
    assert "</script> more." not in page  # the JSON cannot close its <script> early


def test_the_change_form_tells_the_desk_which_post_it_autosaves(as_user, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT)
    page = as_user(author).get(change_url(post)).content.decode()
    # Without it, static/js/writing-desk.js sends entry="" and the post's words are kept as a new post's.
    assert f'data-entry="{post.pk}"' in page


def test_the_add_form_tells_the_desk_it_is_a_new_entry(as_user, author):
    assert (
        'data-autosave-url="/admin/blog/post/autosave/" data-entry=""' in as_user(author).get(ADD_URL).content.decode()
    )


@pytest.mark.parametrize(
    "change",
    [{"title": "Other title"}, {"excerpt": "An excerpt."}, {"body": "Other words."}, {"format": "html"}],
    ids=["title", "excerpt", "body", "format"],
)
def test_an_autosave_differing_in_any_one_field_is_chosen(author, change):
    post = PostFactory(author=author, status=Post.Status.DRAFT, title="Beans", body="Old words.")
    keep_row(author, post, post.updated_at + MINUTE, **change)
    assert chosen(author, post) == {"title": "Beans", "excerpt": "", "body": "Old words.", "format": "markdown",
                                    **change}  # fmt: skip


def test_an_autosave_with_the_posts_own_words_is_not_offered(as_user, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT, title="Beans", body="Old words.", excerpt="Short.")
    keep_row(author, post, post.updated_at + MINUTE)
    assert chosen(author, post) is None
    assert offered(as_user(author).get(change_url(post))) is None


def test_the_newest_autosave_that_differs_is_chosen(author):
    post = PostFactory(author=author, status=Post.Status.DRAFT, title="Beans", body="Old words.")
    keep_row(author, post, post.updated_at + MINUTE, tab="tab-older000", body="Older change.")
    keep_row(author, post, post.updated_at + 2 * MINUTE, tab="tab-middle00", body="Middle change.")
    keep_row(author, post, post.updated_at + 3 * MINUTE, tab="tab-newest00")  # the post's own words
    assert chosen(author, post) == words(post, body="Middle change.")


def test_an_autosave_older_than_the_posts_last_save_is_not_offered(as_user, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT, body="Old words.")
    keep_row(author, post, post.updated_at - MINUTE, body="Words from before the save.")
    assert chosen(author, post) is None
    assert offered(as_user(author).get(change_url(post))) is None


def test_an_autosave_made_before_the_post_was_saved_again_is_no_longer_chosen(author):
    post = PostFactory(author=author, status=Post.Status.DRAFT, body="Old words.")
    Post.objects.filter(pk=post.pk).update(updated_at=timezone.now() - 10 * MINUTE)  # last saved ten minutes ago
    keep_row(author, post, timezone.now() - 5 * MINUTE, body="Autosaved words.")
    assert chosen(author, saved(post)) == words(post, body="Autosaved words.")
    saved(post).save()  # saved again now, without those words
    assert chosen(author, saved(post)) is None


def test_another_writers_autosave_is_not_offered(as_user, author, editor):
    post = PostFactory(author=author, status=Post.Status.DRAFT, body="Old words.")
    keep_row(editor, post, post.updated_at + MINUTE, body="The editor's words.")
    assert chosen(author, post) is None
    assert offered(as_user(author).get(change_url(post))) is None
    assert chosen(editor, post) == words(post, body="The editor's words.")


def test_a_pages_autosave_is_not_offered_on_the_post_with_the_same_id(as_user, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT, body="Old words.")
    keep_row(author, post, post.updated_at + MINUTE, entry_type="page", body="Words of a page.")
    assert chosen(author, post) is None
    assert offered(as_user(author).get(change_url(post))) is None


def test_the_add_form_offers_a_recent_new_entry_autosave(as_user, author):
    now = timezone.now()
    keep_row(author, None, now - datetime.timedelta(days=NEW_ENTRY_DAYS - 1), tab="tab-older000", body="Older.")
    autosave = keep_row(author, None, now - datetime.timedelta(days=1), title="Half written", body="Newest.")
    expected = words(title="Half written", body="Newest.")
    assert chosen(author, None) == expected
    response = as_user(author).get(ADD_URL)
    assert offered(response) == expected
    assert prompt_text(autosave) in response.content.decode()


def test_a_new_entry_autosave_just_within_the_days_kept_is_chosen(author):
    keep_row(author, None, timezone.now() - datetime.timedelta(days=NEW_ENTRY_DAYS) + MINUTE, body="Still kept.")
    assert chosen(author, None) == words(body="Still kept.")


def test_the_add_form_does_not_offer_an_older_new_entry_autosave(as_user, author):
    keep_row(author, None, timezone.now() - datetime.timedelta(days=NEW_ENTRY_DAYS) - MINUTE, body="Too old.")
    assert chosen(author, None) is None
    assert offered(as_user(author).get(ADD_URL)) is None


def test_the_add_form_offers_neither_another_writers_nor_an_existing_posts_autosave(as_user, author, editor):
    post = PostFactory(author=author, status=Post.Status.DRAFT)
    keep_row(editor, None, timezone.now() - MINUTE, body="The editor's new post.")
    keep_row(author, post, timezone.now() - MINUTE, body="An existing post's words.")
    keep_row(author, None, timezone.now() - MINUTE, entry_type="page", body="A new page.")
    assert chosen(author, None) is None
    assert offered(as_user(author).get(ADD_URL)) is None


def test_the_page_add_form_offers_a_new_pages_autosave(as_user, editor):
    keep_row(editor, None, timezone.now() - MINUTE, entry_type="page", title="About", body="A new page.")
    keep_row(editor, None, timezone.now(), entry_type="post", body="A new post.")  # not a page's
    expected = {"title": "About", "excerpt": "", "body": "A new page.", "format": "markdown"}
    assert chosen(editor, None, "page") == expected
    assert offered(as_user(editor).get(PAGE_ADD)) == expected


def test_a_pages_autosave_with_a_new_title_is_chosen(editor):
    page = PageFactory(author=editor, title="About", body="Old words.")
    keep_row(editor, page, page.updated_at + MINUTE, entry_type="page", title="About us", body="New words.")
    assert chosen(editor, page, "page") == {"title": "About us", "excerpt": "", "body": "New words.",
                                            "format": "markdown"}  # fmt: skip


def test_the_page_change_form_opens_with_an_autosave_of_the_same_title(as_user, editor):
    page = PageFactory(author=editor, title="About", body="Old words.")
    # What the desk sends for a page, whose form has no excerpt: the title as it was, the body changed.
    keep_row(editor, page, page.updated_at + MINUTE, entry_type="page", body="New words.")
    response = as_user(editor).get(f"/admin/blog/page/{page.pk}/change/")
    assert response.status_code == 200
    assert chosen(editor, page, "page") == {"title": "About", "excerpt": "", "body": "New words.", "format": "markdown"}


# --- Saving the entry discards its autosaves --------------------------------------------


def test_saving_the_post_discards_the_savers_autosaves_of_it_only(as_user, author, editor):
    post = PostFactory(author=author, status=Post.Status.DRAFT, title="Beans", body="Old words.")
    other_post = PostFactory(author=author, status=Post.Status.DRAFT)
    later = post.updated_at + MINUTE
    keep_row(author, post, later, tab=TAB, body="Autosaved in one tab.")
    keep_row(author, post, later, tab=OTHER_TAB, body="Autosaved in another.")
    editors = keep_row(editor, post, later, tab=TAB, body="The editor's words.")
    elsewhere = keep_row(author, other_post, later, body="Another post's words.")
    new_entry = keep_row(author, None, later, tab="tab-newentry")
    pages = keep_row(author, post, later, entry_type="page", body="A page with the same id.")

    response = as_user(author).post(change_url(post), post_form(post, body="Saved words.", autosave_tab=TAB))
    assert response.status_code == 302
    assert saved(post).body == "Saved words."
    assert set(Autosave.objects.values_list("pk", flat=True)) == {editors.pk, elsewhere.pk, new_entry.pk, pages.pk}
    assert chosen(author, saved(post)) is None
    assert chosen(editor, saved(post)) == words(saved(post), body="The editor's words.")


def test_saving_a_new_post_discards_its_tabs_new_entry_autosave(as_user, author, editor):
    now = timezone.now()
    keep_row(author, None, now, tab=TAB, body="Typed in this tab.")
    other_tab = keep_row(author, None, now, tab=OTHER_TAB, body="Typed in another tab.")
    editors = keep_row(editor, None, now, tab=TAB, body="The editor's, in a tab of the same id.")
    page_tab = keep_row(author, None, now, tab=TAB, entry_type="page", body="A new page in this tab.")

    response = as_user(author).post(ADD_URL, post_form(body="Typed in this tab.", autosave_tab=TAB))
    assert response.status_code == 302
    assert Post.objects.get().body == "Typed in this tab."
    assert set(Autosave.objects.values_list("pk", flat=True)) == {other_tab.pk, editors.pk, page_tab.pk}
    # The other tab's words are still the ones to offer on the next new post.
    assert chosen(author, None) == words(body="Typed in another tab.")


def test_saving_a_new_post_without_a_tab_keeps_the_new_entry_autosaves(as_user, author):
    kept = keep_row(author, None, timezone.now(), tab=TAB)
    assert as_user(author).post(ADD_URL, post_form()).status_code == 302
    assert list(Autosave.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_form_sent_back_with_an_error_keeps_the_autosaves(as_user, author):
    post = PostFactory(author=author, status=Post.Status.DRAFT, title="Beans", body="Old words.")
    autosave = keep_row(author, post, post.updated_at + MINUTE, body="Autosaved words.")
    response = as_user(author).post(change_url(post), post_form(post, title="", autosave_tab=TAB))
    assert response.status_code == 200  # the title is required
    assert list(Autosave.objects.values_list("pk", flat=True)) == [autosave.pk]
    assert saved(post).body == "Old words."


def test_saving_a_new_page_discards_its_tabs_new_entry_autosave(as_user, editor):
    now = timezone.now()
    keep_row(editor, None, now, tab=TAB, entry_type="page")
    kept = keep_row(editor, None, now, tab=OTHER_TAB, entry_type="page")
    data = {"title": "About", "format": "markdown", "body": "Who we are.", "status": "draft", "author": editor.pk,
            "menu_order": 0, "autosave_tab": TAB}  # fmt: skip
    response = as_user(editor).post(PAGE_ADD, data)
    assert response.status_code == 302
    assert Page.objects.get().body == "Who we are."
    assert list(Autosave.objects.values_list("pk", flat=True)) == [kept.pk]
