"""The page cache (core/pagecache/): readers' pages served whole, never stale, never someone else's."""

import datetime
import re
import time

import pytest
from django.contrib.auth.models import update_last_login
from django.core import signing
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from blog import views
from blog.authoring.preview import preview_url
from blog.models import Post, SiteSettings
from comments.editing import fingerprint
from comments.forms import SALT
from comments.models import Comment
from comments.moderation import moderate
from comments.remembered import AUTHOR_COOKIE
from core.deployment import deployment
from core.pagecache import middleware as page_cache
from tests.commenting import form_data, send
from tests.factories import CategoryFactory, CommentFactory, PostFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db

PER_REQUEST = re.compile(rb'name="(csrfmiddlewaretoken|issued)" value="([^"]*)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    page_cache._local.entries.clear()
    yield
    cache.clear()
    page_cache._local.entries.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the on-commit callbacks (the cache's invalidation) of the writes inside."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def clock(monkeypatch):
    """`clock(seconds)` moves on the clocks the page cache, the cache's expiry and the models read.

    Those are time.time() (core/pagecache/, LocMemCache) and timezone.now() (scheduled posts, comments closing).
    The moves stay well under PAGE_CACHE_SECONDS, so only the change the clock makes can end a cached page.
    """
    offset = datetime.timedelta()
    real_time, real_now = time.time, timezone.now

    def move_on(seconds):
        nonlocal offset
        offset += datetime.timedelta(seconds=seconds)

    monkeypatch.setattr(time, "time", lambda: real_time() + offset.total_seconds())
    monkeypatch.setattr(timezone, "now", lambda: real_now() + offset)
    return move_on


def state(response):
    return response.get(page_cache.STATUS_HEADER)


def values(response, name):
    return [value.decode() for field, value in PER_REQUEST.findall(response.content) if field.decode() == name]


def cached(client, url, **extra):
    """GET `url` until it is served from the cache; return that hit."""
    client.get(url, **extra)
    response = client.get(url, **extra)
    assert state(response) == "hit"
    return response


@pytest.mark.parametrize("page", ["home", "post", "year archive", "category", "feed"])
def test_second_anonymous_get_is_a_hit_without_queries_and_with_the_same_body(
    client, post, django_assert_num_queries, page
):
    post.categories.add(CategoryFactory(name="Legumes"))
    url = {
        "home": "/",
        "post": post.get_absolute_url(),
        "year archive": f"/{post.published_on.year}/",
        "category": "/category/legumes/",
        "feed": "/feed/",
    }[page]
    miss = client.get(url)
    with django_assert_num_queries(0):
        hit = client.get(url)
    assert (state(miss), state(hit)) == ("miss", "hit")
    assert hit.status_code == 200 and hit["Content-Type"] == miss["Content-Type"]
    blank = rb'name="\1" value=""'
    assert PER_REQUEST.sub(blank, hit.content) == PER_REQUEST.sub(blank, miss.content)
    assert b"Bean poles" in hit.content


def test_a_cached_post_page_posts_a_comment_past_csrf_checks(site, post):
    browser = Client(enforce_csrf_checks=True)
    hit = cached(browser, post.get_absolute_url())
    action = re.search(r'<form action="([^"]+)" method="post" id="commentform"', hit.content.decode())[1]
    fields = {name: values(hit, name)[0] for name in ("csrfmiddlewaretoken", "issued")}
    response = browser.post(action, form_data(post, **fields))
    assert response.status_code != 403
    assert Comment.objects.get().body == "Hazel rods work best."  # perhaps held as too fast: fine


def test_new_readers_of_a_cached_page_each_get_their_own_csrf_secret_and_only_theirs_passes(site, post):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    url = post.get_absolute_url()
    hits = {browser: cached(browser, url) for browser in (first, second)}
    secrets = {browser.cookies["csrftoken"].value for browser in hits}
    assert len(secrets) == 2 and all(re.fullmatch(r"[A-Za-z0-9]{32}", secret) for secret in secrets)
    tokens = {browser: values(hit, "csrfmiddlewaretoken")[0] for browser, hit in hits.items()}
    assert all(re.fullmatch(r"[A-Za-z0-9]{64}", token) for token in tokens.values())
    assert not any(secret in hit.content.decode() for secret in secrets for hit in hits.values())  # masked
    action = reverse("comments:post")
    refused = second.post(action, form_data(post, csrfmiddlewaretoken=tokens[first]))
    assert refused.status_code == 403 and not Comment.objects.exists()
    accepted = first.post(action, form_data(post, csrfmiddlewaretoken=tokens[first]))
    assert accepted.status_code == 302 and Comment.objects.count() == 1


def test_a_returning_reader_keeps_their_csrf_secret_on_cached_pages(site, post):
    browser = Client(enforce_csrf_checks=True)
    url = post.get_absolute_url()
    cached(browser, url)
    secret = browser.cookies["csrftoken"].value
    again = cached(browser, url)
    assert browser.cookies["csrftoken"].value == secret
    token = values(again, "csrfmiddlewaretoken")[0]
    response = browser.post(reverse("comments:post"), form_data(post, csrfmiddlewaretoken=token))
    assert response.status_code == 302 and Comment.objects.count() == 1


def test_each_hit_gets_its_own_valid_form_timestamp(post):
    url = post.get_absolute_url()
    first, second = cached(Client(), url), cached(Client(), url)
    issued = values(first, "issued") + values(second, "issued")
    assert len(issued) == 2 and issued[0] != issued[1]
    for token in issued:
        assert abs(signing.loads(token, salt=SALT, max_age=60) - time.time()) < 30


def approve_a_new_comment(post):
    send(Client(), post, body="Runner beans climb anything.")
    return "Runner beans climb anything."


def approve_a_held_comment(post):
    held = CommentFactory(post=post, status=Comment.Status.PENDING, body="Sweet peas too.")
    assert moderate(RequestFactory().get("/"), [held], Comment.Status.APPROVED) == 1
    return "Sweet peas too."


def edit_the_title(post):
    post.title = "Bamboo canes"
    post.save()
    return "Bamboo canes"


def rename_the_category(post):
    category = post.categories.get()
    category.name = "Climbers"
    category.save()
    return "Climbers"


def retitle_the_site(post):
    SiteSettings.objects.update_or_create(pk=1, defaults={"title": "Allotment Notes"})
    return "Allotment Notes"


def rename_the_author(post):
    post.author.display_name = "Jane Gardener"
    post.author.save()
    return "Jane Gardener"


def tag_the_post(post):
    post.tags.add(TagFactory(name="legumes"))
    return "legumes"


@pytest.mark.parametrize(
    "change",
    [approve_a_new_comment, approve_a_held_comment, edit_the_title, rename_the_category, retitle_the_site,
     rename_the_author, tag_the_post],
)  # fmt: skip
def test_a_change_readers_see_makes_the_next_request_a_miss_showing_it(client, site, post, committed, change):
    post.categories.add(CategoryFactory(name="Beans"))
    url = post.get_absolute_url()
    cached(client, url)
    with committed():
        shown = change(post)
    response = client.get(url)
    assert state(response) == "miss"
    assert shown in response.content.decode()


def test_a_comment_its_writer_edits_or_deletes_is_never_served_stale(client, site, post, committed):
    writer = Client()
    send(writer, post, body="Runner beans climb anything.")
    comment = Comment.objects.get()
    url = post.get_absolute_url()
    cached(client, url)
    with committed():
        edited = {"body": "Runner beans climb fences.", "seen": fingerprint(comment.body)}
        writer.post(f"/comments/{comment.pk}/edit/", edited)
    response = client.get(url)
    assert state(response) == "miss" and "climb fences" in response.content.decode()
    cached(client, url)
    with committed():
        writer.post(f"/comments/{comment.pk}/delete/")
    response = client.get(url)
    assert state(response) == "miss" and "climb fences" not in response.content.decode()


def test_a_writers_page_with_its_edit_link_is_never_served_to_others(client, site, post):
    writer = Client()
    send(writer, post, body="Runner beans climb anything.")
    url = post.get_absolute_url()
    for _ in range(2):
        mine = writer.get(url)
        assert state(mine) != "hit" and "comment-edit-link" in mine.content.decode()
    shared = cached(client, url).content.decode()
    assert "Runner beans climb anything." in shared and "comment-edit-link" not in shared


def test_a_held_comment_edited_and_still_held_changes_no_page(client, configure, post, committed):
    configure(comment_flood_seconds=0, hold_all_comments=True)
    writer = Client()
    send(writer, post, body="Held for a look.")
    comment = Comment.objects.get()
    cached(client, post.get_absolute_url())
    with committed():
        edited = {"body": "Held, and fixed.", "seen": fingerprint(comment.body)}
        assert writer.post(f"/comments/{comment.pk}/edit/", edited).status_code == 303
    assert Comment.objects.get().status == "pending"
    assert state(client.get(post.get_absolute_url())) == "hit"


def test_a_deleted_post_is_not_served_from_the_cache(client, post, committed):
    url = post.get_absolute_url()
    cached(client, url)
    with committed():
        post.delete()
    response = client.get(url)
    assert response.status_code == 404 and state(response) != "hit"


@pytest.mark.parametrize("fields", [{"body": "Held for a look."}, {"body": "Buy pills", "website2": "x"}])
def test_a_held_or_spam_comment_changes_no_page(client, post, configure, committed, fields):
    configure(comment_flood_seconds=0, hold_all_comments=True)
    cached(client, post.get_absolute_url())
    with committed():
        send(Client(), post, **fields)
    assert Comment.objects.get().status in ("pending", "spam")
    response = client.get(post.get_absolute_url())
    assert state(response) == "hit" and fields["body"] not in response.content.decode()


def test_a_login_saving_last_login_changes_no_page(client, post, committed):
    cached(client, "/")
    with committed():
        update_last_login(None, post.author)
    assert state(client.get("/")) == "hit"


def test_a_logged_in_reader_is_never_served_from_the_cache(client, post):
    cached(Client(), post.get_absolute_url())
    client.force_login(UserFactory(display_name="Helen A."))
    for _ in range(2):
        response = client.get(post.get_absolute_url())
        assert state(response) != "hit"
        assert "You are commenting as <strong>Helen A.</strong>" in response.content.decode()


def test_a_reader_with_a_remembered_name_gets_their_own_page(site, post):
    reader = Client()
    send(reader, post, remember="on")
    assert AUTHOR_COOKIE in reader.cookies
    cached(Client(), post.get_absolute_url())
    response = reader.get(post.get_absolute_url())
    assert state(response) != "hit" and 'value="Rosa"' in response.content.decode()


def test_a_session_cookie_or_a_query_string_bypasses_the_cache(client, settings, post):
    cached(Client(), "/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "some-session"
    assert state(client.get("/")) != "hit"
    searches = [Client().get("/?s=beans") for _ in range(2)]
    assert all(state(response) != "hit" for response in searches)
    assert "Search Results for ‘beans’" in searches[1].content.decode()


def test_a_post_response_is_never_stored(client, post):
    post.password = "open sesame"
    post.save()
    wrong = client.post(post.get_absolute_url(), {"password": "guess"})
    assert wrong.status_code == 200 and "not the right one" in wrong.content.decode()
    response = client.get(post.get_absolute_url())
    assert state(response) != "hit" and "not the right one" not in response.content.decode()


@pytest.mark.parametrize("url", ["/admin/login/", "/no-such-page/"])
def test_admin_and_404_pages_are_never_stored(client, url):
    assert [state(client.get(url)) for _ in range(2)] == ["bypass", "bypass"]


def test_a_preview_is_never_stored(client):
    draft = PostFactory(title="Secret draft", status=Post.Status.DRAFT)
    client.force_login(draft.author)
    assert [state(client.get(preview_url(draft))) for _ in range(2)] == [None, None]
    assert "Secret draft" not in Client().get(preview_url(draft)).content.decode()


def test_a_scheduled_post_appears_when_its_time_comes_without_any_write(client, clock):
    PostFactory(
        title="Right on time", status=Post.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(minutes=2)
    )
    assert "Right on time" not in cached(client, "/").content.decode()
    clock(121)
    assert "Right on time" in client.get("/").content.decode()


def test_comments_close_by_the_clock_on_a_cached_post_page(client, configure, clock):
    configure(close_comments_after_days=14)
    post = PostFactory(published_at=timezone.now() - datetime.timedelta(days=14, minutes=-2))
    assert "Comments are closed." not in cached(client, post.get_absolute_url()).content.decode()
    clock(121)
    assert "Comments are closed." in client.get(post.get_absolute_url()).content.decode()


def test_a_revalidated_hit_is_304_until_the_content_changes(client, post, committed):
    url = post.get_absolute_url()
    etag = cached(client, url)["ETag"]
    assert "csrftoken" in client.cookies
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with committed():
        edit_the_title(post)
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag and "Bamboo canes" in response.content.decode()


def test_without_a_csrf_cookie_a_request_is_never_answered_304(client, post):
    etag = cached(client, "/")["ETag"]
    assert "csrftoken" not in client.cookies
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_with_the_cache_off_nothing_is_served_from_it(client, settings, post):
    settings.PAGE_CACHE_SECONDS = 0
    for url in ("/", post.get_absolute_url(), "/feed/"):
        assert [state(client.get(url)) for _ in range(3)] == [None, None, None]


def test_a_browser_taking_gzip_gets_304_for_an_unchanged_page(client, post):
    etag = cached(client, post.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    assert client.get(post.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_page_changed_by_the_clock_is_not_answered_304(client, configure, clock):
    configure(close_comments_after_days=14)
    post = PostFactory(published_at=timezone.now() - datetime.timedelta(days=14, minutes=-2))
    etag = cached(client, post.get_absolute_url())["ETag"]
    clock(121)
    response = client.get(post.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Comments are closed." in response.content.decode()


def test_pages_are_cached_again_once_a_scheduled_post_is_out(client, clock):
    PostFactory(status=Post.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(minutes=2))
    cached(client, "/")
    clock(121)
    assert [state(client.get("/")) for _ in range(2)] == ["miss", "hit"]


def test_site_settings_come_from_a_shared_cache_and_are_never_stale(settings, committed, django_assert_num_queries):
    from blog.models import SiteSettings

    settings.SHARED_CACHE = True
    SiteSettings.load()
    with django_assert_num_queries(0):
        assert SiteSettings.load().pk == 1
    with committed():
        site = SiteSettings.load()
        site.title = "Renamed"
        site.save()
    assert SiteSettings.load().title == "Renamed"


def test_a_page_that_starts_a_session_is_never_stored_for_others(monkeypatch, settings):
    PostFactory()
    list_context = views.PostListMixin.get_context_data

    def remembering(view, **kwargs):
        view.request.session["seen"] = True  # as a page keeping something for this reader would
        return list_context(view, **kwargs)

    monkeypatch.setattr(views.PostListMixin, "get_context_data", remembering)
    first = Client().get("/")
    assert settings.SESSION_COOKIE_NAME in first.cookies and state(first) == "bypass"
    assert state(Client().get("/")) != "hit"


@pytest.fixture
def restart():
    """What a restart does to the deployment's digest: computed afresh, from the files and the settings now."""
    yield deployment.cache_clear
    deployment.cache_clear()


def test_a_restart_with_a_login_provider_set_never_serves_pages_cached_without_its_button(client, settings, restart):
    post = PostFactory()
    assert "Log in with Facebook" not in cached(client, post.get_absolute_url()).content.decode()
    settings.SOCIALACCOUNT_PROVIDERS = {"facebook": {"APPS": [{"client_id": "fb-id", "secret": "fb-secret"}]}}
    restart()
    response = client.get(post.get_absolute_url())
    assert state(response) == "miss" and "Log in with Facebook" in response.content.decode()


@pytest.mark.parametrize("name, value", [("SITE_URL", "https://blog.example"), ("LANGUAGE_CODE", "fr")])
def test_each_setting_pages_depend_on_is_part_of_the_deployment(settings, restart, name, value):
    before = deployment()
    setattr(settings, name, value)
    restart()
    assert name in settings.PAGE_CACHE_SETTINGS and deployment() != before


def test_settings_pages_do_not_show_leave_the_deployment_as_it_is(settings, restart):
    before = deployment()
    settings.CANDID_MAX_UPLOAD_BYTES = 1
    restart()
    assert deployment() == before
