"""Editing safely: conflicts, slug clashes, revisions, previews, dates."""

import datetime

import pytest
from django.utils import timezone

from blog.models import Post, Revision, SiteSettings
from tests.blog.authoring.conftest import ADD_URL, change_url, post_form, saved
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_second_editor_saving_a_stale_form_is_told_and_nothing_is_overwritten(as_user, editor):
    post = PostFactory(title="Shared", body="Original.")
    stale = post_form(post, body="My edit.")
    post.body = "Their edit."
    post.save()

    response = as_user(editor).post(change_url(post), stale)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this post" in html
    assert "My edit." in html
    assert saved(post).body == "Their edit."


def test_slug_clash_on_the_same_day_gets_a_suffix_not_an_error(as_user, author):
    client = as_user(author)
    for _ in range(2):
        assert client.post(ADD_URL, post_form(title="Same title", slug="same-title", _publish="1")).status_code == 302
    assert sorted(Post.objects.values_list("slug", flat=True)) == ["same-title", "same-title-2"]


def test_a_longest_slug_that_clashes_is_shortened_to_take_its_suffix(as_user, author):
    client = as_user(author)
    longest = "a" * 200
    for _ in range(3):
        assert client.post(ADD_URL, post_form(title="Long", slug=longest, _publish="1")).status_code == 302
    assert set(Post.objects.values_list("slug", flat=True)) == {longest, "a" * 198 + "-2", "a" * 198 + "-3"}


def test_a_tag_whose_address_is_taken_is_refused_with_a_message(as_user, editor):
    from blog.models import Tag

    Tag.objects.create(name="Growth")
    response = as_user(editor).post("/admin/blog/tag/add/", {"name": "growth", "slug": ""})
    assert response.status_code == 200
    assert "Another tag already has the address “/tag/growth/”" in response.content.decode()
    assert Tag.objects.count() == 1


def test_each_save_keeps_the_previous_text_as_a_revision(as_user, author):
    post = PostFactory(author=author, title="Soup", body="Leeks.")
    client = as_user(author)
    client.post(change_url(post), post_form(post, body="Leeks and potatoes."))
    client.post(change_url(saved(post)), post_form(saved(post), body="Leeks, potatoes, cream."))
    assert list(Revision.objects.values_list("body", flat=True)) == ["Leeks and potatoes.", "Leeks."]
    assert Revision.objects.first().saved_by == author


def test_saving_without_text_changes_keeps_no_revision(as_user, author):
    post = PostFactory(author=author)
    response = as_user(author).post(change_url(post), post_form(post, comment_status="closed"))
    assert response.status_code == 302
    assert saved(post).comment_status == "closed"
    assert not Revision.objects.exists()


def test_editor_sees_a_diff_and_restores_a_revision(as_user, editor):
    post = PostFactory(title="Soup", body="Leeks.\nSalt.")
    client = as_user(editor)
    client.post(change_url(post), post_form(post, body="Leeks.\nPepper."))
    revision = Revision.objects.get()
    page = client.get(f"/admin/blog/post/{post.pk}/revisions/").content.decode()
    assert '<span class="removed">- Salt.</span>' in page
    assert '<span class="added">+ Pepper.</span>' in page

    response = client.post(f"/admin/blog/post/{post.pk}/revisions/{revision.pk}/restore/")
    assert response.status_code == 302
    assert saved(post).body == "Leeks.\nSalt."
    assert Revision.objects.filter(body="Leeks.\nPepper.").exists()  # the replaced text is kept too


def test_restoring_needs_a_post_request_and_the_right_to_edit(as_user, contributor, editor):
    post = PostFactory(title="Soup", body="Old.")
    as_user(editor).post(change_url(post), post_form(post, body="New."))
    revision = Revision.objects.get()
    url = f"/admin/blog/post/{post.pk}/revisions/{revision.pk}/restore/"
    assert as_user(editor).get(url).status_code == 405
    assert as_user(contributor).post(url).status_code in (403, 404)
    assert saved(post).body == "New."


# --- Preview ------------------------------------------------------------------


def preview_link(client, post):
    return client.get(change_url(post)).context["preview_url"]


def test_draft_preview_link_opens_for_its_author_and_editors_only(client, as_user, author, editor):
    draft = PostFactory(author=author, status="draft", title="Not yet", body="Secret draft text.")
    link = preview_link(as_user(author), draft)
    response = client.get(link)
    assert response.status_code == 200
    assert "Secret draft text." in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"

    assert as_user(editor).get(link).status_code == 200
    assert as_user(UserFactory(is_staff=True)).get(link).status_code == 403
    client.logout()
    assert client.get(link).status_code == 302  # to the login page


def test_revoked_preview_link_stops_working(as_user, author):
    draft = PostFactory(author=author, status="draft")
    client = as_user(author)
    link = preview_link(client, draft)
    assert client.post(f"/admin/blog/post/{draft.pk}/revoke-preview/").status_code == 302
    assert client.get(link).status_code == 404
    assert client.get(preview_link(client, draft)).status_code == 200


def test_forged_preview_link_is_not_found(as_user, author):
    draft = PostFactory(author=author, status="draft")
    assert as_user(author).get(f"/preview/{draft.pk}/{'0' * 32}/").status_code == 404


def test_preview_button_shows_unsaved_text_without_saving(as_user, contributor):
    client = as_user(contributor)
    response = client.post("/admin/blog/post/preview/", post_form(title="Trying", body="Just *trying* things."))
    assert response.status_code == 200
    assert "Just <em>trying</em> things." in response.content.decode()
    assert not Post.objects.exists()
    assert client.get("/admin/blog/post/preview/").status_code == 405


def test_preview_button_sanitises_what_it_shows(as_user, author):
    response = as_user(author).post("/admin/blog/post/preview/", post_form(body="<script>alert(1)</script>Hi"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div class="entry-content">\n    <p>Hi</p>' in html
    assert "alert(1)" not in html
    assert not Post.objects.exists()


# --- Dates --------------------------------------------------------------------


def test_site_time_zone_decides_the_permalink_date():
    site = SiteSettings.load()
    site.time_zone = "Pacific/Auckland"
    site.save()
    post = PostFactory(published_at=datetime.datetime(2011, 3, 27, 20, 0, tzinfo=datetime.UTC))
    assert post.get_absolute_url().startswith("/2011/03/28/")


def test_changing_the_time_zone_redates_existing_posts(client):
    post = PostFactory(published_at=datetime.datetime(2011, 3, 27, 20, 0, tzinfo=datetime.UTC))
    assert saved(post).get_absolute_url().startswith("/2011/03/27/")
    site = SiteSettings.load()
    site.time_zone = "Pacific/Auckland"
    site.save()
    assert saved(post).get_absolute_url().startswith("/2011/03/28/")
    assert client.get(saved(post).get_absolute_url()).status_code == 200


def test_posts_show_dates_in_the_chosen_format(client):
    SiteSettings.objects.create(date_format="Y-m-d")
    post = PostFactory(published_at=timezone.make_aware(datetime.datetime(2011, 3, 28, 12)))
    # The datetime attribute holds the date whatever the format: look at the text readers see.
    assert ">2011-03-28</time>" in client.get(post.get_absolute_url()).content.decode()


def test_an_unknown_time_zone_is_refused_with_a_clear_message(admin_client):
    from tests.blog.test_site_settings import settings_form

    response = admin_client.post("/admin/blog/sitesettings/1/change/", settings_form(time_zone="Mars/Olympus"))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()


def test_new_posts_take_the_sites_default_comment_status(as_user, author):
    SiteSettings.objects.create(comments_open_by_default=False)
    form = as_user(author).get(ADD_URL).context["adminform"].form
    assert form.initial["comment_status"] == "closed"


def test_second_editor_saving_a_stale_page_is_told_and_nothing_is_overwritten(as_user, editor):
    from django.forms import model_to_dict

    from blog.models import Page

    page = Page.objects.create(title="About", body="Original.", author=editor, status="published")
    fields = ["title", "slug", "menu_order", "format", "body", "status", "author"]
    stale = {**model_to_dict(page, fields=fields), "edit_token": page.updated_at.isoformat(), "body": "My edit."}
    page.body = "Their edit."
    page.save()

    response = as_user(editor).post(f"/admin/blog/page/{page.pk}/change/", stale)
    assert response.status_code == 200
    assert "Someone else saved this page" in response.content.decode()
    assert Page.objects.get().body == "Their edit."

    fresh = {**stale, "edit_token": Page.objects.get().updated_at.isoformat()}
    assert as_user(editor).post(f"/admin/blog/page/{page.pk}/change/", fresh).status_code == 302
    assert Page.objects.get().body == "My edit."


def test_a_scheduled_post_whose_time_has_come_is_listed_as_published(as_user, editor):
    PostFactory(title="Went out", status="scheduled", published_at=timezone.now() - datetime.timedelta(hours=1))
    html = as_user(editor).get("/admin/blog/post/").content.decode()
    assert '<td class="field-status_label">Published</td>' in html
