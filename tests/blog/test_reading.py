"""The pages of issue 3's theme: home, a post, date archives, taxonomy archives, a page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import Post, SiteSettings
from tests.factories import CategoryFactory, CommentFactory, PageFactory, PostFactory, TagFactory
from tests.html import main_html

pytestmark = pytest.mark.django_db


def test_home_lists_newest_published_posts_with_sticky_first(client):
    old_sticky = PostFactory(
        title="Pinned welcome", sticky=True, published_at=timezone.now() - datetime.timedelta(days=90)
    )
    newest = PostFactory(title="Fresh post", published_at=timezone.now() - datetime.timedelta(hours=1))
    PostFactory(title="Still a draft", status=Post.Status.DRAFT)
    PostFactory(title="Not yet", status=Post.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(days=1))
    html = main_html(client.get("/"))
    assert html.index(old_sticky.title) < html.index(newest.title)
    assert "Still a draft" not in html and "Not yet" not in html


def test_scheduled_post_appears_once_its_time_has_come(client):
    PostFactory(
        title="Was scheduled", status=Post.Status.SCHEDULED, published_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert "Was scheduled" in client.get("/").content.decode()


def test_excerpts_end_with_continue_reading(client):
    post = PostFactory(title="Tomato Diary")
    html = client.get("/").content.decode()
    assert f'href="{post.get_absolute_url()}" class="more-link">Continue reading “Tomato Diary” »</a>' in html
    assert "The rest of the post." not in html


def test_home_paginates_at_the_site_setting(client):
    SiteSettings.objects.create(posts_per_page=2)
    PostFactory.create_batch(5)
    assert client.get("/").context["page_obj"].paginator.num_pages == 3
    assert client.get("/page/3/").status_code == 200
    assert 'href="/page/2/" rel="next"' in client.get("/").content.decode()
    for missing in ("/page/4/", "/page/0/", "/page/99999/"):
        assert client.get(missing).status_code == 404


def test_post_page_shows_meta_in_the_classic_wording(client):
    author = PostFactory._meta.model._meta.get_field("author").related_model.objects.create(
        username="jane", display_name="Jane Doe"
    )
    marketing, social = CategoryFactory(name="Marketing"), CategoryFactory(name="Social Media")
    post = PostFactory(
        title="Launch day",
        author=author,
        published_at=timezone.make_aware(datetime.datetime(2011, 3, 28, 10, 0)),
        categories=[marketing, social],
        tags=[TagFactory(name="growth")],
    )
    response = client.get("/2011/03/28/launch-day/")
    html = response.content.decode()
    assert post.get_absolute_url() == "/2011/03/28/launch-day/"
    assert "March 28th, 2011" in html
    assert "Jane Doe" in html
    assert ">Marketing</a>, <a" in html and ">Social Media</a>" in html
    assert ">growth</a>" in html
    assert "The rest of the post." in html


def test_post_with_an_impossible_date_is_not_found(client):
    post = PostFactory(title="Dated")
    assert client.get(f"/{post.published_on.year}/13/40/dated/").status_code == 404
    assert client.get(f"/{post.published_on.year}/02/30/dated/").status_code == 404


def test_post_under_the_wrong_date_redirects_to_its_permalink(client):
    post = PostFactory(title="Dated")
    day = post.published_on
    response = client.get(f"/{day.year - 1}/{day.month:02d}/{day.day:02d}/dated/")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


def test_post_split_with_nextpage_has_numbered_pages(client):
    post = PostFactory(body="Page one.\n\n<!--nextpage-->\n\nPage two.")
    first = client.get(post.get_absolute_url()).content.decode()
    assert "Page one." in first and "Page two." not in first
    second = client.get(post.get_absolute_url() + "2/")
    assert "Page two." in second.content.decode()
    assert client.get(post.get_absolute_url() + "3/").status_code == 404


@pytest.mark.parametrize(
    "url, heading",
    [
        ("/2011/", "Archive for 2011"),
        ("/2011/03/", "Archive for March, 2011"),
        ("/2011/03/28/", "Archive for March 28th, 2011"),
    ],
)
def test_date_archive_headings(client, url, heading):
    PostFactory(title="In March", published_at=timezone.make_aware(datetime.datetime(2011, 3, 28, 12)))
    response = client.get(url)
    assert response.status_code == 200
    assert f'<h1 class="page-title">{heading}</h1>' in response.content.decode()
    assert "In March" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/2011/02/", "/2011/13/", "/1999/", "/2011/02/30/", "/9999/", "/9999/12/", "/9999/12/31/", "/0001/01/01/",
     "/0001/", "/0000/", "/9999/12/31/some-post/", "/0001/01/01/some-post/"],
)  # fmt: skip
def test_empty_or_impossible_date_archives_are_not_found(client, url):
    PostFactory(published_at=timezone.make_aware(datetime.datetime(2011, 3, 28, 12)))
    assert client.get(url).status_code == 404


def test_category_archive_includes_subcategories(client):
    parent = CategoryFactory(name="Marketing")
    child = CategoryFactory(name="Email", parent=parent)
    PostFactory(title="Parent post", categories=[parent])
    PostFactory(title="Child post", categories=[child])
    html = main_html(client.get("/category/marketing/"))
    assert "Archive for the ‘Marketing’ Category" in html
    assert "Parent post" in html and "Child post" in html
    nested = main_html(client.get("/category/marketing/email/"))
    assert "Child post" in nested and "Parent post" not in nested


def test_a_post_filed_under_a_category_and_its_subcategory_is_listed_and_counted_once(client):
    parent = CategoryFactory(name="Marketing")
    child = CategoryFactory(name="Email", parent=parent)
    PostFactory(title="Filed twice", categories=[parent, child])
    PostFactory(title="Filed elsewhere", categories=[CategoryFactory(name="Garden")])
    response = client.get("/category/marketing/")
    assert main_html(response).count("<article") == 1 and "Filed twice" in main_html(response)
    assert "Filed elsewhere" not in main_html(response)
    assert response.context["paginator"].count == 1


def test_tag_and_author_archive_headings(client):
    post = PostFactory(tags=[TagFactory(name="growth")], author__display_name="Jane Doe", author__username="jane")
    assert "Posts Tagged ‘growth’" in client.get("/tag/growth/").content.decode()
    assert "Posts by Jane Doe" in client.get("/author/jane/").content.decode()
    assert post.title in client.get("/author/jane/").content.decode()
    assert client.get("/tag/nothing/").status_code == 404
    assert client.get("/author/nobody/").status_code == 404


def test_search_finds_posts_by_every_word(client):
    PostFactory(title="Saving bean seeds", body="Dry them well.")
    PostFactory(title="Sharpening chisels", body="A fine stone.")
    html = main_html(client.get("/", {"s": "bean   dry"}))
    assert "Search Results for ‘bean dry’" in html
    assert "Saving bean seeds" in html and "Sharpening chisels" not in html


@pytest.mark.parametrize("terms", ["x" * 10_000, "'; DROP TABLE blog_post; --", "<script>alert(1)</script>", ""])
def test_search_survives_odd_input(client, terms):
    response = client.get("/", {"s": terms})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_static_pages_and_nested_pages(client):
    about = PageFactory(title="About")
    PageFactory(title="Team", parent=about)
    PageFactory(title="Secret plans", status="draft")
    for url, title in (("/about/", "About"), ("/about/team/", "Team")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<h1 class="entry-title">{title}</h1>' in response.content.decode(), url
    assert client.get("/secret-plans/").status_code == 404
    assert 'href="/about/"' in client.get("/").content.decode()


def test_sidebar_counts_published_posts_by_month_and_category(client):
    garden = CategoryFactory(name="Garden")
    for day in (1, 2):
        PostFactory(published_at=timezone.make_aware(datetime.datetime(2011, 3, day, 12)), categories=[garden])
    PostFactory(
        status=Post.Status.DRAFT,
        published_at=timezone.make_aware(datetime.datetime(2011, 3, 3, 12)),
        categories=[garden],
    )
    html = client.get("/").content.decode()
    assert '<a href="/2011/03/">March 2011</a> <span class="count">(2)</span>' in html
    assert '<a href="/category/garden/">Garden</a> <span class="count">(2)</span>' in html


def test_sidebar_lists_recent_approved_comments_only(client):
    post = PostFactory(title="Talked about")
    CommentFactory(post=post, author_name="Visible Vera")
    CommentFactory(post=post, author_name="Spammy Sam", status="spam")
    html = client.get("/").content.decode()
    assert "Visible Vera" in html and "Spammy Sam" not in html


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


PAGE_URLS = {
    "home": lambda post: "/",
    "post": lambda post: post.get_absolute_url(),
    "year": lambda post: f"/{post.published_on:%Y}/",
    "month": lambda post: f"/{post.published_on:%Y/%m}/",
    "day": lambda post: f"/{post.published_on:%Y/%m/%d}/",
    "category": lambda post: post.categories.first().get_absolute_url(),
    "tag": lambda post: post.tags.first().get_absolute_url(),
    "author": lambda post: post.author.get_absolute_url(),
    "search": lambda post: "/?s=post",
    "page 2": lambda post: "/page/2/",
}


@pytest.mark.parametrize("page", PAGE_URLS)
def test_page_query_count_does_not_grow_with_content(client, django_assert_max_num_queries, page):
    """Ten times the posts on a page, by other authors, with ten times the categories and tags: no more queries."""
    site = SiteSettings.objects.create(posts_per_page=2)
    parent = CategoryFactory()
    first = PostFactory(categories=[CategoryFactory(parent=parent)], tags=TagFactory.create_batch(2))
    PostFactory.create_batch(2, author=first.author, published_at=first.published_at)
    CommentFactory(post=first)
    url = PAGE_URLS[page](first)
    small = queries_for(client, url)

    categories, tags = CategoryFactory.create_batch(10, parent=parent), TagFactory.create_batch(10)
    first.categories.add(*categories)
    first.tags.add(*tags)
    for _ in range(40):
        PostFactory(categories=categories, tags=tags, published_at=first.published_at)
    CommentFactory.create_batch(60, post=first)
    site.posts_per_page = 20
    site.save()
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200
    assert small <= 14


def test_post_shows_its_reading_time(client):
    post = PostFactory(body="word " * 700)
    assert "4 min read" in client.get(post.get_absolute_url()).content.decode()
