"""Health, the themed error pages, and the theme's HTML."""

import pytest
from django.test import Client
from django.urls import path

import config.urls
from blog.models import SiteSettings
from tests.factories import CommentFactory, PostFactory
from tests.html import parse_strict

pytestmark = pytest.mark.django_db


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken_view), *config.urls.urlpatterns]


def test_health_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_unknown_url_gives_the_themed_404_page(client):
    SiteSettings.objects.create(title="Garden Notes", tagline="Dirt under the nails")
    response = client.get("/no/such/thing/here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Not Found" in html
    assert "Garden Notes" in html
    assert 'role="search"' in html
    parse_strict(response.content)


def test_server_error_gives_the_themed_500_page_without_a_traceback(settings):
    settings.ROOT_URLCONF = "tests.config.test_pages"
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "Traceback" not in html and "boom" not in html
    parse_strict(response.content)


def test_500_page_renders_without_the_database(django_assert_num_queries, rf):
    from config.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert '<h1 class="page-title">Something went wrong</h1>' in html
    assert "The site could not show this page just now." in html
    assert "css/candid.css" in html  # the theme's layout, not a bare error text


@pytest.mark.parametrize("name", ["home", "post", "month", "404"])
def test_theme_pages_are_valid_html5_and_need_no_javascript(client, name):
    post = PostFactory(title="Rain & <Sun>")
    CommentFactory(post=post)
    day = post.published_on
    url = {
        "home": "/",
        "post": post.get_absolute_url(),
        "month": f"/{day.year}/{day.month:02d}/",
        "404": "/missing-page/",
    }[name]
    response = client.get(url)
    assert response.status_code == (404 if name == "404" else 200)
    tree = parse_strict(response.content)
    assert tree.find("head/title") is not None
    assert tree.find("body").attrib["id"] == "top"
    assert len(tree.findall(".//main")) == 1
    assert len(tree.findall(".//h1")) <= 1
    # No inline code: data for search engines, and progressive enhancement from our static files.
    for script in tree.iter("script"):
        assert script.get("type") == "application/ld+json" or script.get("src", "").startswith("/static/")
    assert [a.text for a in tree.iter("a") if a.get("href") == "#top"] == ["Up ↑"]
    aside = tree.find(".//aside")
    assert aside is not None and aside.find(".//form[@role='search']") is not None
    # The title is escaped, never injected as markup.
    if name != "404":
        assert "Rain &amp; &lt;Sun&gt;" in response.content.decode()
