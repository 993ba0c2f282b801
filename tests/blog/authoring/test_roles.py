"""Each role in the admin: what it can and cannot do to posts, through pages, forms, buttons and actions."""

import datetime

import pytest
from django.utils import timezone

from blog.models import Category, Post
from tests.blog.authoring.conftest import ADD_URL, change_url, post_form, saved
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

FUTURE = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)


def split_datetime(moment):
    local = timezone.localtime(moment)
    return {"published_at_0": local.strftime("%Y-%m-%d"), "published_at_1": local.strftime("%H:%M:%S")}


# --- Contributor --------------------------------------------------------------


def test_contributor_form_offers_drafts_and_review_only(as_user, contributor):
    response = as_user(contributor).get(ADD_URL)
    form = response.context["adminform"].form
    assert [value for value, _ in form.fields["status"].choices] == ["draft", "pending"]
    assert not {"author", "published_at", "sticky"} & set(form.fields)
    html = response.content.decode()
    assert 'name="_pending"' in html and 'name="_publish"' not in html


def test_contributor_submits_a_post_for_review_as_its_author(as_user, contributor):
    response = as_user(contributor).post(ADD_URL, post_form(_pending="Submit for review"))
    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.status, post.author) == ("pending", contributor)


@pytest.mark.parametrize(
    "forged",
    [
        {"_publish": "Publish"},
        {"_schedule": "Schedule", **split_datetime(FUTURE)},
        {"status": "published"},
        {"status": "private"},
        {"sticky": "on"},
    ],
    ids=["publish button", "schedule button", "published status", "private status", "sticky"],
)
def test_contributor_cannot_publish_even_by_forging_the_form(as_user, contributor, forged):
    response = as_user(contributor).post(ADD_URL, post_form(**forged))
    assert response.status_code == 403
    assert not Post.objects.exists()


def test_contributor_cannot_give_a_post_to_someone_else(as_user, contributor):
    other = UserFactory()
    assert as_user(contributor).post(ADD_URL, post_form(author=other.pk)).status_code == 403
    assert not Post.objects.exists()


def test_contributor_sees_and_opens_only_their_own_posts(as_user, contributor):
    mine, theirs = PostFactory(author=contributor, status="draft", title="Mine"), PostFactory(title="Theirs")
    client = as_user(contributor)
    listing = client.get("/admin/blog/post/").content.decode()
    assert "Mine" in listing and "Theirs" not in listing
    assert client.get(change_url(mine)).status_code == 200
    assert client.get(change_url(theirs)).status_code == 302  # "doesn't exist", as Django's admin says
    response = client.post(change_url(theirs), post_form(theirs, title="Hijacked"))
    assert saved(theirs).title == "Theirs"
    assert response.status_code in (302, 403, 404)


def test_contributor_cannot_edit_their_post_once_published(as_user, contributor):
    post = PostFactory(author=contributor, title="Approved by the editor")
    client = as_user(contributor)
    assert client.post(change_url(post), post_form(post, title="Changed after")).status_code == 403
    assert saved(post).title == "Approved by the editor"


def test_contributor_deletes_own_drafts_only(as_user, contributor):
    draft = PostFactory(author=contributor, status="draft")
    published = PostFactory(author=contributor)
    client = as_user(contributor)
    assert client.post(f"/admin/blog/post/{published.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/admin/blog/post/{draft.pk}/delete/", {"post": "yes"}).status_code == 302
    assert list(Post.objects.all()) == [published]


def test_contributor_cannot_bulk_publish(as_user, contributor):
    draft = PostFactory(author=contributor, status="draft")
    client = as_user(contributor)
    client.post("/admin/blog/post/", {"action": "publish_selected", "_selected_action": [draft.pk]})
    assert saved(draft).status == "draft"


@pytest.mark.parametrize(
    "url", ["/admin/blog/page/add/", "/admin/blog/category/add/", "/admin/blog/sitesettings/1/change/"]
)
def test_contributor_has_no_pages_categories_or_settings(as_user, contributor, url):
    assert as_user(contributor).get(url).status_code == 403


# --- Author -------------------------------------------------------------------


def test_author_publishes_their_own_post(as_user, author):
    response = as_user(author).post(ADD_URL, post_form(_publish="Publish", title="Out now"))
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.status == "published" and post.author == author
    assert post.published_at <= timezone.now()


def test_author_schedules_a_post_for_the_future(as_user, author):
    as_user(author).post(ADD_URL, post_form(_schedule="Schedule", **split_datetime(FUTURE)))
    post = Post.objects.get()
    assert post.status == "scheduled" and post.published_at == FUTURE
    assert post not in Post.objects.published()


def test_publish_with_a_future_date_schedules(as_user, author):
    as_user(author).post(ADD_URL, post_form(_publish="Publish", **split_datetime(FUTURE)))
    assert Post.objects.get().status == "scheduled"


def test_scheduling_without_a_future_date_says_what_to_do_and_keeps_the_text(as_user, author):
    past = timezone.now() - datetime.timedelta(days=1)
    response = as_user(author).post(ADD_URL, post_form(_schedule="Schedule", body="Kept words", **split_datetime(past)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "To schedule the post, give it a publication date and time in the future." in html
    assert "Kept words" in html
    assert not Post.objects.exists()


def test_author_cannot_set_another_author(as_user, author):
    assert as_user(author).post(ADD_URL, post_form(author=UserFactory().pk, _publish="Publish")).status_code == 403
    assert not Post.objects.exists()


def test_author_edits_own_published_post_but_not_others(as_user, author):
    mine, theirs = PostFactory(author=author, title="Mine"), PostFactory(title="Theirs")
    client = as_user(author)
    assert client.post(change_url(mine), post_form(mine, title="Mine, edited", _continue="1")).status_code == 302
    assert saved(mine).title == "Mine, edited"
    client.post(change_url(theirs), post_form(theirs, title="Hijacked"))
    assert saved(theirs).title == "Theirs"


def test_author_bulk_publishes_own_drafts(as_user, author):
    drafts = PostFactory.create_batch(2, author=author, status="draft", published_at=None)
    as_user(author).post(
        "/admin/blog/post/", {"action": "publish_selected", "_selected_action": [p.pk for p in drafts]}
    )
    assert {saved(p).status for p in drafts} == {"published"}


# --- Editor -------------------------------------------------------------------


def test_editor_sees_edits_and_reassigns_everyones_posts(as_user, editor):
    post = PostFactory(title="Someone's")
    other = UserFactory()
    client = as_user(editor)
    assert "Someone&#x27;s" in client.get("/admin/blog/post/").content.decode()
    response = client.post(change_url(post), post_form(post, title="Edited", author=other.pk, status="published"))
    assert response.status_code == 302
    assert (saved(post).title, saved(post).author) == ("Edited", other)


def test_editor_manages_pages_and_categories(as_user, editor):
    client = as_user(editor)
    assert client.get("/admin/blog/page/add/").status_code == 200
    assert client.post("/admin/blog/category/add/", {"name": "Recipes", "slug": "recipes"}).status_code == 302
    assert Category.objects.filter(name="Recipes", slug="recipes").exists()


def test_editor_cannot_change_site_settings(as_user, editor):
    assert as_user(editor).get("/admin/blog/sitesettings/1/change/").status_code == 403


def test_post_list_shows_status_categories_and_comment_count(as_user, editor, django_assert_max_num_queries):
    from tests.factories import CategoryFactory, CommentFactory

    garden = CategoryFactory(name="Garden")
    for _ in range(5):
        post = PostFactory(categories=[garden])
        CommentFactory.create_batch(3, post=post)
    client = as_user(editor)
    with django_assert_max_num_queries(12):
        html = client.get("/admin/blog/post/").content.decode()
    assert "Garden" in html and "Published" in html
    assert '<td class="field-comment_count">3</td>' in html


def test_once_migrated_each_role_holds_every_permission_it_names():
    from django.contrib.auth.models import Group

    from accounts.roles import ROLES

    for role, names in ROLES.items():
        held = {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=role).permissions.all()}
        assert held == names, role
