"""No script from readers, writers or imported files ever reaches a page."""

import io

import pytest
from defusedxml import ElementTree
from django.core.management import call_command

from blog.models import Post
from comments.models import Comment
from core.sanitizer import CONTROL_CHARACTERS as CONTROL
from tests.commenting import refused_page, send
from tests.factories import PostFactory
from tests.security.checks import NAUGHTY_STRINGS, injected, payloads, theme_element
from tests.wordpress.wxr_builder import comment, item, wxr

pytestmark = pytest.mark.django_db

PAYLOADS = payloads()
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"


def assert_clean(page):
    """`page` (a response, or its HTML) holds no markup but the theme's own."""
    html = page if isinstance(page, str) else page.content.decode()
    problems = injected(html, allowed=theme_element)
    assert problems == [], problems


def test_the_corpus_is_loaded():
    assert len(PAYLOADS) >= 60


@pytest.mark.skipif(not NAUGHTY_STRINGS.exists(), reason="the public list comes from npm: run `npm install`")
def test_the_corpus_includes_the_public_big_list_of_naughty_strings():
    assert "<script>alert(123)</script>" in PAYLOADS and len(PAYLOADS) >= 200


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_comments_are_defused_on_the_page_and_in_the_redisplayed_form(client, site, post, payload):
    send(client, post, body=f"Before {payload} after", name=payload[:100], url=payload[:200], ip="198.51.100.1")
    assert_clean(client.get(post.get_absolute_url()))  # the comment, if it was accepted
    refused = send(client, post, body=payload, name=payload[:100], email="not-an-address", ip="198.51.100.2")
    assert_clean(refused_page(client, refused))  # what was typed, shown back in the form


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_search_terms_are_defused(client, payload):
    PostFactory(title="Something")
    assert_clean(client.get("/", {"s": payload}))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_written_by_an_author_in_html_are_defused(client, payload):
    post = PostFactory(format="html", body=f"<p>Intro</p>{payload}<!--more-->{payload}", excerpt="")
    assert_clean(client.get(post.get_absolute_url()))
    assert_clean(client.get("/"))
    # The feed's HTML as feed readers get it (feedparser would clean it first, hiding a problem).
    feed = ElementTree.fromstring(client.get("/feed/").content)
    texts = [e.text or "" for e in feed.iter() if e.tag in ("description", CONTENT_ENCODED)]
    assert len(texts) > 1
    for text in texts:
        assert injected(text) == []


def test_payloads_in_an_imported_wordpress_export_are_defused(client, tmp_path):
    items = [
        item(
            i + 1,
            title=f"Imported {i}",
            slug=f"imported-{i}",
            content=f"Hello\n\n{p}\n\nBye",
            comments=[comment(1000 + i, content=p, author=p[:60], url="javascript:alert(1)")],
        )  # fmt: skip
        for i, p in enumerate(PAYLOADS)
    ]
    path = tmp_path / "export.xml"
    path.write_text(wxr(authors=[{"id": 1, "login": "alice"}], items=items), encoding="utf-8")
    call_command("import_wordpress", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Post.objects.count() == len(PAYLOADS)
    assert not Comment.objects.exclude(author_url="").exists()
    for post in Post.objects.all():
        assert_clean(client.get(post.get_absolute_url()))


def test_control_characters_never_reach_a_page_or_a_feed(client, site, post):
    """XML cannot hold them: one in a post or a comment would make every feed that shows it fail."""
    PostFactory(title="Bell\x07 and\x1b escape", format="html", body="<p>A\x01B\x0c</p>")
    send(client, post, body="Ding\x07 dong", name="Mr\x08 Bell", ip="198.51.100.3")
    shown = {"/feed/": ["Bell and escape", "AB"], "/comments/feed/": ["Ding dong", "Mr Bell"], "/": ["Bell and escape"]}
    for path, texts in shown.items():
        response = client.get(path)
        assert response.status_code == 200, path
        content = response.content.decode()
        assert not CONTROL.search(content), path
        assert all(text in content for text in texts), path  # the text got there, without its control characters
