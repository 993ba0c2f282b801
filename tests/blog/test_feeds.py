"""The post feeds: the site's, a category's, a tag's and an author's, in RSS 2.0 and Atom."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from blog.feeds import PROTECTED_NOTICE
from blog.models import Post, SiteSettings
from tests.factories import CategoryFactory, PostFactory, TagFactory, UserFactory
from tests.feeds import fetch, shown_as_html, titles

pytestmark = pytest.mark.django_db

FORMATS = pytest.mark.parametrize("suffix", ["", "atom/"], ids=["rss", "atom"])


@pytest.fixture
def site():
    return SiteSettings.objects.create(title="Wrenfield Commons", tagline="Notes from a shared garden")


@FORMATS
def test_site_feed_lists_the_ten_newest_published_posts_newest_first(client, site, suffix):
    posts = PostFactory.create_batch(12)
    response = client.get(f"/feed/{suffix}")
    expected_type = "application/atom+xml" if suffix else "application/rss+xml"
    assert response["Content-Type"] == f"{expected_type}; charset=utf-8"
    feed = fetch(client, f"/feed/{suffix}")
    assert feed.feed.title == "Wrenfield Commons"
    assert feed.feed.link == "http://testserver/"
    assert feed.feed.subtitle == "Notes from a shared garden"
    assert titles(feed) == [post.title for post in posts[:10]]


@FORMATS
def test_drafts_pending_scheduled_and_private_posts_never_appear_in_any_feed(client, site, suffix):
    author, garden, growth = UserFactory(username="jane"), CategoryFactory(name="Garden"), TagFactory(name="growth")
    hidden = [
        PostFactory(status=Post.Status.DRAFT, published_at=None),
        PostFactory(status=Post.Status.PENDING, published_at=None),
        PostFactory(status=Post.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(days=1)),
        PostFactory(status=Post.Status.PRIVATE),
    ]
    due = PostFactory(status=Post.Status.SCHEDULED, published_at=timezone.now() - datetime.timedelta(minutes=1))
    for post in [*hidden, due]:
        post.author = author
        post.save()
        post.categories.set([garden])
        post.tags.set([growth])
    for url in ("/feed/", f"/category/{garden.path}/feed/", f"/tag/{growth.slug}/feed/", "/author/jane/feed/"):
        assert titles(fetch(client, url + suffix)) == [due.title]


@FORMATS
@pytest.mark.parametrize("full_text", [True, False], ids=["full-text", "excerpts"])
def test_protected_post_shows_only_the_fixed_sentence(client, site, suffix, full_text):
    site.feed_full_text = full_text
    site.save()
    PostFactory(title="Members only", password="sesame", body="Secret intro.\n\n<!--more-->\n\nSecret rest.")
    response = client.get(f"/feed/{suffix}")
    assert b"Secret" not in response.content
    (entry,) = fetch(client, f"/feed/{suffix}").entries
    assert entry.title == "Members only"
    assert entry.summary == PROTECTED_NOTICE
    assert "content" not in entry


@FORMATS
def test_full_text_setting_sends_the_whole_post_with_its_pages_joined(client, site, suffix):
    PostFactory(title="Tomato Diary", body="Sowing.\n\n<!--more-->\n\nPotting on.\n\n<!--nextpage-->\n\nHarvest.")
    (entry,) = fetch(client, f"/feed/{suffix}").entries
    content = entry.content[0].value
    assert "<p>Sowing.</p>" in content and "<p>Potting on.</p>" in content and "<p>Harvest.</p>" in content
    assert "nextpage" not in content
    assert "Sowing." in entry.summary and "Harvest." not in entry.summary


@FORMATS
def test_excerpt_setting_sends_the_excerpt_and_a_continue_reading_link(client, site, suffix):
    site.feed_full_text = False
    site.save()
    post = PostFactory(title="Tomato Diary")
    response = client.get(f"/feed/{suffix}")
    assert b"The rest of the post." not in response.content
    (entry,) = fetch(client, f"/feed/{suffix}").entries
    assert "content" not in entry
    assert "A first paragraph." in entry.summary
    assert (
        f'<a href="http://testserver{post.get_absolute_url()}">Continue reading “Tomato Diary” »</a>' in entry.summary
    )


def test_post_without_more_text_has_no_continue_reading_link(client, site):
    site.feed_full_text = False
    site.save()
    PostFactory(body="Short and complete.")
    (entry,) = fetch(client, "/feed/").entries
    assert "Short and complete." in entry.summary
    assert "Continue reading" not in entry.summary


@FORMATS
def test_items_carry_absolute_permalink_author_terms_and_dates(client, site, suffix):
    author = UserFactory(username="jane", display_name="Jane Doe")
    post = PostFactory(
        author=author,
        categories=[CategoryFactory(name="Marketing")],
        tags=[TagFactory(name="growth"), TagFactory(name="launch")],
    )
    (entry,) = fetch(client, f"/feed/{suffix}").entries
    permalink = f"http://testserver{post.get_absolute_url()}"
    assert entry.link == permalink
    assert entry.id == permalink
    assert entry.author == "Jane Doe"
    assert [tag.term for tag in entry.tags] == ["Marketing", "growth", "launch"]
    assert entry.published_parsed[:6] == post.published_at.utctimetuple()[:6]
    if suffix:  # RSS 2.0 has no updated date for items
        assert entry.updated_parsed[:6] == post.updated_at.utctimetuple()[:6]


@FORMATS
@pytest.mark.parametrize("title", ["Salt & <Pepper>", "<b>Bold</b> beans", '<img src=x onerror="alert(1)"> & co'])
def test_titles_show_as_typed_even_to_readers_that_take_titles_for_html(client, site, suffix, title):
    PostFactory(title=title, categories=[CategoryFactory(name=title)])
    for url in (f"/feed/{suffix}", f"/category/{slugify(title)}/feed/{suffix}"):
        feed = fetch(client, url)
        assert [shown_as_html(entry.title) for entry in feed.entries] == [title]
    assert shown_as_html(feed.feed.title) == f"Wrenfield Commons » {title}"


def test_an_rss_title_escapes_once_more_only_what_could_make_markup(client, site):
    PostFactory(title="Salt & <Pepper>")
    assert b"<title>Salt &amp; &amp;lt;Pepper&amp;gt;</title>" in client.get("/feed/").content
    assert titles(fetch(client, "/feed/")) == ["Salt & &lt;Pepper&gt;"]  # what a reader that takes it for text shows
    PostFactory(title="Fish & Chips")
    assert "Fish & Chips" in titles(fetch(client, "/feed/"))


def test_an_atom_title_says_it_is_html(client, site):
    PostFactory(title="Salt & <Pepper>")
    assert b'<title type="html">Salt &amp;amp; &amp;lt;Pepper&amp;gt;</title>' in client.get("/feed/atom/").content


@FORMATS
def test_category_feed_includes_its_subcategories_posts(client, site, suffix):
    garden = CategoryFactory(name="Garden", slug="garden")
    seeds = CategoryFactory(name="Seeds", slug="seeds", parent=garden)
    in_seeds = PostFactory(title="Saving seeds", categories=[seeds])
    in_garden = PostFactory(title="Digging", categories=[garden, seeds])
    PostFactory(title="Elsewhere", categories=[CategoryFactory(name="Kitchen")])

    feed = fetch(client, f"/category/garden/feed/{suffix}")
    assert feed.feed.title == "Wrenfield Commons » Garden"
    assert feed.feed.link == "http://testserver/category/garden/"
    assert titles(feed) == [in_seeds.title, in_garden.title]

    feed = fetch(client, f"/category/garden/seeds/feed/{suffix}")
    assert feed.feed.title == "Wrenfield Commons » Seeds"
    assert feed.feed.link == "http://testserver/category/garden/seeds/"
    assert titles(feed) == [in_seeds.title, in_garden.title]


@FORMATS
def test_tag_feed_lists_the_tags_posts(client, site, suffix):
    growth = TagFactory(name="Growth", slug="growth")
    tagged = PostFactory(tags=[growth])
    PostFactory(tags=[TagFactory()])
    feed = fetch(client, f"/tag/growth/feed/{suffix}")
    assert feed.feed.title == "Wrenfield Commons » Growth"
    assert feed.feed.link == "http://testserver/tag/growth/"
    assert titles(feed) == [tagged.title]


@FORMATS
def test_author_feed_lists_the_authors_posts(client, site, suffix):
    jane = UserFactory(username="jane", display_name="Jane Doe")
    hers = PostFactory(author=jane)
    PostFactory()
    feed = fetch(client, f"/author/jane/feed/{suffix}")
    assert feed.feed.title == "Wrenfield Commons » Jane Doe"
    assert feed.feed.link == "http://testserver/author/jane/"
    assert titles(feed) == [hers.title]


def test_unicode_tag_and_category_slugs_have_feeds(client, site):
    post = PostFactory(tags=[TagFactory(name="Café")], categories=[CategoryFactory(name="Jardín")])
    assert titles(fetch(client, reverse("feeds:tag", args=["café"]))) == [post.title]
    assert titles(fetch(client, reverse("feeds:category_atom", args=["jardín"]))) == [post.title]


@FORMATS
@pytest.mark.parametrize(
    "url", ["/category/nowhere/feed/", "/category/garden/nowhere/feed/", "/tag/nothing/feed/", "/author/nobody/feed/"]
)
def test_unknown_category_tag_or_author_feed_is_not_found(client, site, url, suffix):
    CategoryFactory(name="Garden", slug="garden")
    assert client.get(url + suffix).status_code == 404


def test_feed_urls_follow_the_archive_urls():
    assert reverse("feeds:posts") == "/feed/"
    assert reverse("feeds:posts_atom") == "/feed/atom/"
    assert reverse("feeds:category", args=["garden/seeds"]) == "/category/garden/seeds/feed/"
    assert reverse("feeds:category_atom", args=["garden/seeds"]) == "/category/garden/seeds/feed/atom/"
    assert reverse("feeds:tag", args=["growth"]) == "/tag/growth/feed/"
    assert reverse("feeds:author_atom", args=["jane"]) == "/author/jane/feed/atom/"
    assert reverse("feeds:comments") == "/comments/feed/"
    assert reverse("feeds:post_comments", args=["2011", "03", "28", "launch-day"]) == "/2011/03/28/launch-day/feed/"


@FORMATS
def test_feeds_cost_a_fixed_number_of_queries(client, site, suffix, django_assert_max_num_queries):
    categories = CategoryFactory.create_batch(4, parent=CategoryFactory(name="Garden", slug="garden"))
    tags = TagFactory.create_batch(4)
    author = UserFactory(username="jane")
    for n in range(30):
        PostFactory(author=author, categories=categories[n % 2 : n % 2 + 3], tags=tags[n % 2 : n % 2 + 3])
    # The site's settings, the posts, their categories and their tags; and the archive's own object.
    budgets = {"/feed/": 4, "/category/garden/feed/": 5, f"/tag/{tags[1].slug}/feed/": 5, "/author/jane/feed/": 5}
    for url, budget in budgets.items():
        with django_assert_max_num_queries(budget):
            assert len(fetch(client, url + suffix).entries) == 10


@pytest.mark.parametrize(
    "url, title",
    [("/2011/feed/", "2011"), ("/2011/03/feed/", "March 2011"), ("/2011/03/28/feed/atom/", "March 28th, 2011")],
)
def test_date_archives_have_feeds(client, site, url, title):
    march = timezone.make_aware(datetime.datetime(2011, 3, 28, 12))
    PostFactory(title="In the day", published_at=march)
    PostFactory(title="Later that month", published_at=march + datetime.timedelta(days=2))
    PostFactory(title="Next year", published_at=march.replace(year=2012))
    feed = fetch(client, url)
    assert feed.feed.title == f"Wrenfield Commons » {title}"
    expected = {"2011": ["Later that month", "In the day"], "March 2011": ["Later that month", "In the day"]}
    assert titles(feed) == expected.get(title, ["In the day"])


@pytest.mark.parametrize(
    "url",
    ["/2011/13/feed/", "/2011/02/30/feed/", "/9999/feed/", "/9999/12/feed/", "/9999/12/31/feed/",
     "/9999/12/31/feed/atom/", "/0001/01/01/feed/", "/0001/feed/atom/"],
)  # fmt: skip
def test_impossible_date_archive_feeds_are_not_found(client, site, url):
    assert client.get(url).status_code == 404
