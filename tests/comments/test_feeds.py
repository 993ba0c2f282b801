"""The comment feeds: the site's newest approved comments, and one post's, in RSS 2.0 and Atom."""

import datetime

import pytest
from django.utils import timezone

from blog.models import Post, SiteSettings
from comments.models import Comment
from tests.factories import CommentFactory, PostFactory, UserFactory
from tests.feeds import fetch, shown_as_html, titles

pytestmark = pytest.mark.django_db

FORMATS = pytest.mark.parametrize("suffix", ["", "atom/"], ids=["rss", "atom"])


@pytest.fixture
def site():
    return SiteSettings.objects.create(title="Wrenfield Commons", tagline="Notes from a shared garden")


def minutes_ago(n):
    return timezone.now() - datetime.timedelta(minutes=n)


def feed_url(post, suffix=""):
    return f"{post.get_absolute_url()}feed/{suffix}"


@FORMATS
def test_site_comment_feed_lists_the_twenty_newest_approved_comments_of_every_kind(client, site, suffix):
    post = PostFactory(title="Launch day")
    kinds = [Comment.Kind.COMMENT, Comment.Kind.PINGBACK, Comment.Kind.TRACKBACK]
    comments = [
        CommentFactory(post=post, author_name=f"Reader {n}", kind=kinds[n % 3], created_at=minutes_ago(n))
        for n in range(22)
    ]
    feed = fetch(client, f"/comments/feed/{suffix}")
    assert feed.feed.title == "Comments for Wrenfield Commons"
    assert feed.feed.link == "http://testserver/"
    assert feed.feed.subtitle == "Notes from a shared garden"
    assert titles(feed) == [f"Comment on Launch day by Reader {n}" for n in range(20)]
    assert feed.entries[0].link == f"http://testserver{post.get_absolute_url()}#comment-{comments[0].pk}"
    assert feed.entries[0].author == "Reader 0"


@FORMATS
def test_comment_feeds_leave_out_pending_spam_and_trashed_comments(client, site, suffix):
    post = PostFactory()
    approved = CommentFactory(post=post, body="Lovely tomatoes.")
    for status in (Comment.Status.PENDING, Comment.Status.SPAM, Comment.Status.TRASH):
        CommentFactory(post=post, status=status, body=f"Not shown: {status}.")
    for url in (f"/comments/feed/{suffix}", feed_url(post, suffix)):
        response = client.get(url)
        assert b"Not shown" not in response.content
        (entry,) = fetch(client, url).entries
        assert entry.summary == approved.body_html


@FORMATS
def test_site_comment_feed_leaves_out_comments_on_posts_readers_cannot_read(client, site, suffix):
    unreadable = [
        PostFactory(status=Post.Status.DRAFT, published_at=None),
        PostFactory(status=Post.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(days=1)),
        PostFactory(status=Post.Status.PRIVATE),
        PostFactory(password="sesame"),
    ]
    for post in unreadable:
        CommentFactory(post=post, body="Hidden discussion.")
    shown = CommentFactory(post=PostFactory(title="Open post"), author_name="Ann")
    response = client.get(f"/comments/feed/{suffix}")
    assert b"Hidden discussion" not in response.content
    assert titles(fetch(client, f"/comments/feed/{suffix}")) == [f"Comment on Open post by {shown.author_name}"]


@FORMATS
def test_post_comment_feed_lists_that_posts_approved_comments_newest_first(client, site, suffix):
    post = PostFactory(title="Launch day")
    member = UserFactory(display_name="Jane Doe")
    CommentFactory(post=post, author_name="Ann", created_at=minutes_ago(10))
    CommentFactory(post=post, author_name="", user=member, created_at=minutes_ago(5))
    CommentFactory(post=PostFactory(), author_name="Elsewhere")
    feed = fetch(client, feed_url(post, suffix))
    assert feed.feed.title == "Comments on: Launch day"
    assert feed.feed.link == f"http://testserver{post.get_absolute_url()}"
    assert titles(feed) == ["By: Jane Doe", "By: Ann"]


MARKUP = ["<b>Rosa</b>", '<img src=x onerror="alert(1)">Rosa', "Rosa <3 & co", "</title><script>x</script>"]


@FORMATS
@pytest.mark.parametrize("name", MARKUP)
def test_commenters_names_and_post_titles_show_as_typed_even_to_readers_that_take_titles_for_html(
    client, site, suffix, name
):
    post = PostFactory(title=f"Beans {name}")
    CommentFactory(post=post, author_name=name)
    site_feed, post_feed = fetch(client, f"/comments/feed/{suffix}"), fetch(client, feed_url(post, suffix))
    assert [shown_as_html(entry.title) for entry in site_feed.entries] == [f"Comment on Beans {name} by {name}"]
    assert [shown_as_html(entry.title) for entry in post_feed.entries] == [f"By: {name}"]
    assert shown_as_html(post_feed.feed.title) == f"Comments on: Beans {name}"


def test_an_rss_comment_title_holds_the_name_escaped_once_more(client, site):
    CommentFactory(post=PostFactory(title="Beans"), author_name="<b>Rosa</b>")
    content = client.get("/comments/feed/").content
    assert b"<title>Comment on Beans by &amp;lt;b&amp;gt;Rosa&amp;lt;/b&amp;gt;</title>" in content


@FORMATS
def test_protected_posts_comment_feed_is_not_found(client, site, suffix):
    post = PostFactory(password="sesame")
    CommentFactory(post=post)
    assert client.get(feed_url(post, suffix)).status_code == 404


@FORMATS
def test_comment_feed_of_a_missing_or_unpublished_post_is_not_found(client, site, suffix):
    PostFactory(slug="launch-day", published_at=timezone.make_aware(datetime.datetime(2011, 3, 28, 12)))
    draft = PostFactory(status=Post.Status.DRAFT)
    assert client.get(f"/2011/03/28/launch-day/feed/{suffix}").status_code == 200
    for url in (
        "/2011/03/29/launch-day/feed/",
        "/2011/03/28/no-such-post/feed/",
        "/2011/02/30/launch-day/feed/",
        "/2011/13/40/launch-day/feed/",
        feed_url(draft),
    ):
        assert client.get(url + suffix).status_code == 404, url


@FORMATS
def test_comment_feeds_cost_a_fixed_number_of_queries(client, site, suffix, django_assert_max_num_queries):
    posts = PostFactory.create_batch(5)
    members = UserFactory.create_batch(3)
    for n in range(30):
        CommentFactory(post=posts[n % 5], author_name="", user=members[n % 3])
        CommentFactory(post=posts[0], author_name="", user=members[n % 3])
    with django_assert_max_num_queries(2):
        assert len(fetch(client, f"/comments/feed/{suffix}").entries) == 20
    with django_assert_max_num_queries(3):
        assert len(fetch(client, feed_url(posts[0], suffix)).entries) == 20
