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


def head_of(client, url):
    """The <link>s (by rel and type) and <meta>s (by property or name) in a page's <head>, and its JSON-LD."""
    import json

    tree = parse_strict(client.get(url).content)
    head = tree.find("head")
    metas = {m.get("property") or m.get("name"): m.get("content") for m in head.iter("meta")}
    links = [(link.get("rel"), link.get("type"), link.get("href")) for link in head.iter("link")]
    scripts = [s for s in head.iter("script") if s.get("type") == "application/ld+json"]
    return metas, links, json.loads(scripts[0].text) if scripts else None


def descriptions(metas, data):
    return [metas["description"], metas["og:description"], metas["twitter:description"], data["description"]]


def test_post_head_describes_the_post_with_its_own_description(client):
    post = PostFactory(description="Which beans climb, and how high.", body="Runner beans.\n\n<!--more-->\n\nMore.")
    metas, _, data = head_of(client, post.get_absolute_url())
    assert descriptions(metas, data) == ["Which beans climb, and how high."] * 4


def test_post_head_without_a_description_uses_the_excerpt_unescaped_once(client):
    post = PostFactory(body="Soup & <em>bread</em>, said the cook.\n\n<!--more-->\n\nThe rest.")
    metas, _, data = head_of(client, post.get_absolute_url())
    assert descriptions(metas, data) == ["Soup & bread, said the cook."] * 4


def test_post_head_description_is_cut_after_thirty_words(client):
    post = PostFactory(body=" ".join(f"word{n}" for n in range(50)))
    metas, _, data = head_of(client, post.get_absolute_url())
    assert metas["description"] == " ".join(f"word{n}" for n in range(30)) + "…"
    assert len(set(descriptions(metas, data))) == 1


def test_protected_post_head_shows_neither_its_description_nor_its_text(client):
    post = PostFactory(password="stew", description="Paprika is the secret.", body="Smoked paprika, always.")
    html = client.get(post.get_absolute_url()).content.decode()
    head = html[: html.index("</head>")]
    assert "aprika" not in head
    metas, _, data = head_of(client, post.get_absolute_url())
    assert descriptions(metas, data) == ["Just another Candid blog"] * 4


def test_static_page_head_has_canonical_link_previews_and_a_short_description(client):
    from tests.factories import PageFactory

    page = PageFactory(title="About & us", body="We grow *beans* & peas. " + "Many words here. " * 40)
    metas, links, _ = head_of(client, page.get_absolute_url())
    url = f"http://testserver{page.get_absolute_url()}"
    assert ("canonical", None, url) in links
    description = metas["description"]
    assert description.startswith("We grow beans & peas. Many words here.") and description.endswith("…")
    assert len(description.split()) == 30
    assert metas["og:type"] == "website" and metas["og:url"] == url
    assert metas["og:title"] == metas["twitter:title"] == "About & us"
    assert metas["og:description"] == metas["twitter:description"] == description
    assert metas["twitter:card"] == "summary"


def test_static_page_without_text_is_described_by_the_tagline(client):
    from tests.factories import PageFactory

    page = PageFactory(title="Empty", body="")
    metas, _, _ = head_of(client, page.get_absolute_url())
    assert metas["description"] == "Just another Candid blog"
    assert "og:description" not in metas and metas["og:title"] == "Empty"


def test_archive_lists_ask_for_a_summary_card(client):
    PostFactory(tags=[TagFactory(name="winter")])
    for url in ("/", "/tag/winter/", "/?s=anything"):
        metas, _, _ = head_of(client, url)
        assert metas["twitter:card"] == "summary", url


def alternates(client, url, feed_type):
    _, links, _ = head_of(client, url)
    return [href for rel, type_, href in links if rel == "alternate" and type_ == feed_type]


def test_every_page_advertises_the_sites_atom_feeds_next_to_the_rss_ones(client):
    PostFactory()
    assert alternates(client, "/", "application/atom+xml") == ["/feed/atom/", "/comments/feed/atom/"]
    for href in ("/feed/atom/", "/comments/feed/atom/"):
        assert client.get(href)["Content-Type"] == "application/atom+xml; charset=utf-8"


def test_archives_and_posts_advertise_their_atom_feeds(client):
    from django.urls import resolve

    from tests.factories import CategoryFactory

    garden = CategoryFactory(name="Garden")
    beds = CategoryFactory(name="Beds", parent=garden)
    post = PostFactory(tags=[TagFactory(name="winter")], categories=[beds], author__username="jane")
    day = post.published_on
    archives = ["/tag/winter/", "/author/jane/", "/category/garden/", "/category/garden/beds/",
                f"/{day:%Y}/", f"/{day:%Y/%m}/", f"/{day:%Y/%m/%d}/", post.get_absolute_url()]  # fmt: skip
    for url in archives:
        rss, atom = alternates(client, url, "application/rss+xml"), alternates(client, url, "application/atom+xml")
        assert rss[-1] == url + "feed/" and atom[-1] == url + "feed/atom/", url
        assert resolve(atom[-1]).url_name == resolve(rss[-1]).url_name + "_atom"
        response = client.get(atom[-1])
        assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml"), url


def test_search_results_and_protected_posts_advertise_no_atom_feed_of_their_own(client):
    protected = PostFactory(password="secret")
    site_feeds = ["/feed/atom/", "/comments/feed/atom/"]
    assert alternates(client, "/?s=beans", "application/atom+xml") == site_feeds
    assert alternates(client, protected.get_absolute_url(), "application/atom+xml") == site_feeds


def test_search_results_ask_not_to_be_indexed_and_claim_no_canonical_address(client):
    html = client.get("/", {"s": "beans"}).content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    assert 'rel="canonical"' not in html
    assert 'rel="canonical"' in client.get("/").content.decode()


@pytest.mark.parametrize("language, config", [("en-us", "english"), ("fr", "french"), ("pt-br", "portuguese"),
                                              ("ja", "simple")])  # fmt: skip
def test_search_understands_the_sites_language(settings, language, config):
    from blog.search import text_search_config

    settings.LANGUAGE_CODE = language
    assert text_search_config() == config


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL only")
def test_a_french_blog_finds_french_word_forms(client, settings):
    settings.LANGUAGE_CODE = "fr"
    PostFactory(title="Nos jardins partagés", body="On y sème des haricots.")
    posts = client.get("/", {"s": "jardin"}).context["posts"]
    assert [p.title for p in posts] == ["Nos jardins partagés"]
