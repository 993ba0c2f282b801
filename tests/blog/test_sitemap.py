"""/sitemap.xml and /robots.txt: what search engines are told to read, and what not."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from blog.models import Page, Post, SiteSettings
from tests.factories import CategoryFactory, PageFactory, PostFactory, TagFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOST = "blog.example.org"


@pytest.fixture(autouse=True)
def allowed_host(settings):
    settings.ALLOWED_HOSTS = [HOST]


def read_sitemap(client):
    """Return {absolute URL: lastmod} from an HTTPS request for /sitemap.xml."""
    response = client.get("/sitemap.xml", HTTP_HOST=HOST, secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
        for url in root.findall("sm:url", SITEMAP_NS)
    }


def absolute(obj):
    return f"https://{HOST}{obj.get_absolute_url()}"


def day(moment):
    return timezone.localtime(moment).date().isoformat()


def set_updated_at(entry, days_ago):
    """Backdate `entry`'s last change, which save() would otherwise set to now."""
    entry.updated_at = timezone.now() - datetime.timedelta(days=days_ago)
    type(entry).objects.filter(pk=entry.pk).update(updated_at=entry.updated_at)


def test_sitemap_lists_exactly_the_published_readable_entries_and_non_empty_archives(client):
    garden = CategoryFactory(name="Garden", slug="garden")
    seeds = CategoryFactory(name="Seeds", slug="seeds", parent=garden)
    growth = TagFactory(name="growth")
    post = PostFactory(categories=[seeds], tags=[growth])
    about = PageFactory(title="About")
    unlisted_category, unlisted_tag = CategoryFactory(name="Only drafts"), TagFactory(name="only-drafts")
    CategoryFactory(name="Empty")
    TagFactory(name="empty")
    for hidden in (
        PostFactory(status=Post.Status.DRAFT, published_at=None),
        PostFactory(status=Post.Status.PENDING, published_at=None),
        PostFactory(status=Post.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(days=1)),
        PostFactory(status=Post.Status.PRIVATE),
    ):
        hidden.categories.set([unlisted_category])
        hidden.tags.set([unlisted_tag])
    protected = PostFactory(password="sesame", tags=[growth])
    PageFactory(status=Page.Status.DRAFT)

    urls = read_sitemap(client)

    # The parent category is listed too: its archive shows its subcategory's posts.
    expected = {absolute(entry) for entry in (post, about, garden, seeds, growth)}
    assert set(urls) == expected
    assert absolute(protected) not in urls


def test_sitemap_dates_entries_by_their_last_change_and_archives_by_their_newest_post_change(client):
    garden = CategoryFactory(name="Garden", slug="garden")
    seeds = CategoryFactory(name="Seeds", slug="seeds", parent=garden)
    growth = TagFactory(name="growth")
    older = PostFactory(categories=[garden], tags=[growth])
    newer = PostFactory(categories=[seeds], tags=[growth])
    draft = PostFactory(status=Post.Status.DRAFT, published_at=None, categories=[garden], tags=[growth])
    about = PageFactory()
    set_updated_at(older, days_ago=3)
    set_updated_at(newer, days_ago=10)
    set_updated_at(about, days_ago=7)
    set_updated_at(draft, days_ago=1)

    urls = read_sitemap(client)

    assert urls[absolute(older)] == day(older.updated_at)
    assert urls[absolute(newer)] == day(newer.updated_at)
    assert urls[absolute(about)] == day(about.updated_at)
    assert urls[absolute(garden)] == day(older.updated_at)
    assert urls[absolute(seeds)] == day(newer.updated_at)
    assert urls[absolute(growth)] == day(older.updated_at)


def test_sitemap_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    categories, tags = CategoryFactory.create_batch(6), TagFactory.create_batch(6)
    for n in range(30):
        PostFactory(categories=categories[n % 4 : n % 4 + 3], tags=tags[n % 4 : n % 4 + 3])
    PageFactory.create_batch(5)
    SiteSettings.load()
    # A count and a fetch for each of the four sections, and the site's settings for the template context.
    with django_assert_max_num_queries(9):
        assert len(read_sitemap(client)) == 30 + 5 + 6 + 6


def test_robots_txt_keeps_crawlers_out_of_admin_and_accounts_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt", HTTP_HOST=HOST, secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        f"Sitemap: https://{HOST}/sitemap.xml",
    ]
