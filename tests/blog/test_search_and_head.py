import pytest
from django.db import connection

from tests.factories import PostFactory, TagFactory
from tests.html import main_html, parse_strict

pytestmark = pytest.mark.django_db


def test_search_marks_the_terms_in_excerpts_but_not_inside_tags(client):
    PostFactory(title="Beans", body="Runner beans on a [bean pole](https://example.org/bean).")
    html = main_html(client.get("/", {"s": "bean"}))
    assert '<mark class="search-hit">bean</mark>' in html
    assert 'href="https://example.org/bean"' in html


def test_search_with_no_words_finds_nothing_without_error(client):
    PostFactory(title="Beans")
    response = client.get("/", {"s": "   "})
    assert response.status_code == 200
    assert "Nothing Found" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL only")
def test_postgres_search_ranks_title_matches_first_and_understands_word_forms(client):
    PostFactory(title="A note on compost", body="Turn the heap.")
    PostFactory(title="Garden diary", body="Composting again, the heap is warm.")
    posts = client.get("/", {"s": "composting"}).context["posts"]
    assert [p.title for p in posts] == ["A note on compost", "Garden diary"]


def test_post_head_has_canonical_open_graph_and_json_ld(client):
    import json

    post = PostFactory(title='Soup & "bread" </script>', tags=[TagFactory(name="winter")])
    html = client.get(post.get_absolute_url()).content.decode()
    tree = parse_strict(html)
    links = {link.get("rel"): link.get("href") for link in tree.iter("link")}
    assert links["canonical"] == f"http://testserver{post.get_absolute_url()}"
    metas = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta")}
    assert metas["og:title"] == post.title
    assert metas["og:type"] == "article"
    assert metas["twitter:card"] == "summary"
    script = next(s for s in tree.iter("script") if s.get("type") == "application/ld+json")
    data = json.loads(script.text)
    assert data["@type"] == "BlogPosting" and data["headline"] == post.title
    assert data["keywords"] == ["winter"]
    assert "</script>" not in script.text


def test_paginated_lists_link_their_neighbours_in_the_head(client):
    from blog.models import SiteSettings

    SiteSettings.objects.create(posts_per_page=1)
    PostFactory.create_batch(3)
    tree = parse_strict(client.get("/page/2/").content)
    links = {link.get("rel"): link.get("href") for link in tree.iter("link")}
    assert links["prev"] == "/"
    assert links["next"] == "/page/3/"
    assert links["canonical"] == "http://testserver/page/2/"


def test_post_links_to_its_neighbours(client):
    older, middle, newer = PostFactory(title="Older"), PostFactory(title="Middle"), PostFactory(title="Newer")
    older.published_at, newer.published_at = (
        middle.published_at.replace(year=2000),
        middle.published_at.replace(year=2099),
    )
    older.save()
    newer.save()
    html = client.get(middle.get_absolute_url()).content.decode()
    assert f'href="{older.get_absolute_url()}" rel="prev">« Older</a>' in html
    assert "Newer" not in html.split('class="post-navigation')[1]  # a future post is not public yet


def feed_links(client, url):
    tree = parse_strict(client.get(url).content)
    return [link.get("href") for link in tree.iter("link") if link.get("type") == "application/rss+xml"]


def test_pages_advertise_their_feeds(client):
    post = PostFactory(tags=[TagFactory(name="winter")], author__username="jane")
    assert feed_links(client, "/") == ["/feed/", "/comments/feed/"]
    assert feed_links(client, "/tag/winter/")[-1] == "/tag/winter/feed/"
    assert feed_links(client, "/author/jane/")[-1] == "/author/jane/feed/"
    assert feed_links(client, post.get_absolute_url())[-1] == post.get_absolute_url() + "feed/"
    for href in feed_links(client, post.get_absolute_url()):
        assert client.get(href).status_code == 200


def test_protected_post_advertises_no_comments_feed(client):
    post = PostFactory(password="secret")
    assert feed_links(client, post.get_absolute_url()) == ["/feed/", "/comments/feed/"]


def test_date_archives_advertise_their_feeds(client):
    post = PostFactory()
    month = f"/{post.published_on:%Y/%m}/"
    assert feed_links(client, month)[-1] == month + "feed/"
    assert client.get(month + "feed/").status_code == 200
