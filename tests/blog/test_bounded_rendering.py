"""Rendering what authors send within a fixed time and size (blog/rendering/bounded.py), and previews that cannot starve
readers: one at a time per author, refused with a clear message rather than rendered at length.

No test here times anything: they count what the worker rendered, and give pathological texts (each of which
takes many seconds at the size limit) a budget far below that, so that the outcome does not depend on the
machine's speed.
"""

import datetime
import multiprocessing
import re

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.roles import AUTHOR, CONTRIBUTOR
from blog.authoring import preview
from blog.models import Post
from blog.rendering import bounded, markup
from blog.rendering.markup import ContentFormat
from comments.models import Claim
from core import claims
from tests.blog.authoring.conftest import ADD_URL, post_form, with_role
from tests.factories import PostFactory

PREVIEW_URL = "/admin/blog/post/preview/"
LIMIT = bounded.MAX_BODY_CHARS
QUICK = 0.3  # seconds: the budget given to texts that take many seconds at the size limit


@pytest.fixture(autouse=True)
def nothing_remembered(monkeypatch):
    """Each test renders for itself: no rendering remembered from an earlier test answers for it."""
    monkeypatch.setattr(markup, "_remembered", None)


@pytest.fixture
def contributor(db):
    return with_role(CONTRIBUTOR)


@pytest.fixture
def author(db):
    return with_role(AUTHOR)


@pytest.fixture
def renderings(monkeypatch):
    """How many texts this process (the worker) turned into HTML itself."""
    calls = []
    to_html = ContentFormat.to_html
    monkeypatch.setattr(ContentFormat, "to_html", lambda self, source: calls.append(source) or to_html(self, source))
    return calls


def fresh_render(source, content_format="markdown", excerpt=""):
    remembered, markup._remembered = markup._remembered, None
    try:
        return markup.render(source, content_format, excerpt)
    finally:
        markup._remembered = remembered


# --- Ordinary text renders exactly as before ------------------------------------------------------------------

ORDINARY = {
    "links": 'See [the docs](https://example.com/docs "Docs") and <https://example.com>, or [[1]](#note).',
    "images": "![A cat](https://example.com/cat.jpg) and [![logo](https://example.com/l.png)](https://example.com)",
    "reference links": "A [reference][ref] and a [short one].\n\n[ref]: https://example.com/r\n[short one]: /s",
    "footnotes": "A claim.[^1] Another.[^note]\n\n[^1]: The source.\n[^note]: More, with *emphasis*.",
    "tables": "| Name | Qty |\n|:-----|----:|\n| [a](/a) | 1 |\n| `b[0]` | 2 |",
    "code with brackets": "Use `items[0]` or `[x for x in y]`:\n\n"
    "```python\nrows = [[1, 2], [3, 4]]\nprint(rows[0][1])\n```\n\n    indented = [1, [2, [3]]]",
    "nested lists": "1. One\n2. Two\n    - two a [link](/a)\n    - two b\n        1. deep\n3. Three\n\n"
    "- [ ] not a task\n- x",
    "emphasis": "*em*, **strong**, ***both***, _under_, snake_case_word, a * b * c, and **[bold link](/b)**.",
    "quotes and headings": "# Title\n\n> A quote with [a link](/q)\n>\n> > nested\n\nSetext\n------\n\n---",
    "html and entities": '<div markdown="1">*inside*</div>\n\nAT&amp;T &copy; <b>bold</b> 1 < 2 [sic',
    "pages and more": "Teaser [part](/t).\n\n<!--more-->\n\nRest.\n<!--nextpage-->\nPage two with [^1].\n\n[^1]: Note.",
}


@pytest.mark.parametrize("source", ORDINARY.values(), ids=ORDINARY.keys())
def test_ordinary_markdown_renders_exactly_as_without_the_limit(source):
    assert bounded.render_within(source, "markdown") == fresh_render(source)


def test_ordinary_documents_still_render_as_markdown():
    rendered = bounded.render_within(ORDINARY["footnotes"] + "\n\n" + ORDINARY["links"], "markdown")
    assert '<a href="https://example.com/docs" title="Docs">the docs</a>' in rendered.html
    assert '<sup><a href="#fn:1">1</a></sup>' in rendered.html


@pytest.mark.parametrize("content_format", ["html", "wordpress"])
def test_the_other_formats_render_exactly_as_without_the_limit(content_format):
    source = "<p>Hello <b>there</b></p>\n\nSecond [paragraph]\n\n<script>x()</script>"
    assert bounded.render_within(source, content_format) == fresh_render(source, content_format)


WORDS = st.sampled_from(["word", "Some", "text", "with", "[a link](/x)", "*em*", "**strong**", "`code[0]`",
                         "![i](/i.png)", "[ref]", "[^1]", "a_b", "(aside)", "[sic", "<b>b</b>", "&amp;"])  # fmt: skip
BLOCKS = st.one_of(
    st.lists(WORDS, min_size=1, max_size=12).map(" ".join),
    st.lists(WORDS, min_size=1, max_size=4).map(lambda words: "\n".join(f"- {w}" for w in words)),
    st.lists(WORDS, min_size=1, max_size=3).map(lambda words: "> " + " ".join(words)),
    st.sampled_from(["## A heading", "```\nx = [1, [2]]\n```", "| a | b |\n|---|---|\n| [x](/x) | y |"]),
)
ORDINARY_DOCUMENTS = st.lists(BLOCKS, min_size=1, max_size=8).map(
    lambda blocks: "\n\n".join(blocks) + "\n\n[ref]: /r\n\n[^1]: A note."
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=ORDINARY_DOCUMENTS)
def test_any_ordinary_document_renders_exactly_as_without_the_limit(source):
    assert bounded.render_within(source, "markdown") == fresh_render(source)


def test_a_rendering_within_the_limit_is_not_made_again_by_the_save_that_follows(renderings):
    rendered = bounded.render_within("Some *text*.", "markdown", "An excerpt.")
    assert markup.render("Some *text*.", "markdown", "An excerpt.") is rendered
    assert markup.render("Other text.", "markdown") is not rendered
    assert renderings == ["Other text."]  # only the text nobody had rendered: the first was made by the child


# --- Pathological text is cut short, whatever it is ------------------------------------------------------------


def repeated(unit, content_format="markdown"):
    return (unit * (LIMIT // len(unit) + 1))[:LIMIT], content_format


def nested_quotes():
    lines, depth = [], 1
    while sum(map(len, lines)) < LIMIT:
        lines.append(">" * depth + " q")
        depth += 1
    return "\n".join(lines)[:LIMIT], "markdown"


# Each takes from several seconds to minutes at the size limit (measured; blog/rendering/bounded.py lists them).
PATHOLOGICAL = {
    "[": repeated("["),
    "[a": repeated("[a"),
    "![": repeated("!["),
    "[ then ]": ("[" * (LIMIT // 2) + "]" * (LIMIT // 2), "markdown"),
    "[x](": repeated("[x]("),
    "headings": repeated("# a\n"),
    "rules": repeated("---\n"),
    "setext headings": repeated("a\n=\n"),
    ">": repeated(">"),
    "nested quotes": nested_quotes(),
    "one-letter paragraphs": repeated("a\n\n"),
    "emphasis in one paragraph": repeated("*a* "),
    "code spans in one paragraph": repeated("`a` "),
    "escapes": repeated("\\["),
    "inline html": repeated("<b>x</b> "),
    "attribute braces": repeated("# h {"),
    "mail-like": repeated("<a@"),
    "divs (Markdown)": repeated("<div>\n"),
    "divs (HTML)": repeated("<div>\n", "html"),
}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    family=st.sampled_from(sorted(PATHOLOGICAL)),
    prefix=st.lists(st.sampled_from(["Some", "words", "first"]), max_size=4).map(lambda words: " ".join(words)),
)
def test_pathological_text_at_the_size_limit_is_cut_short_and_the_worker_renders_nothing(family, prefix, renderings):
    renderings.clear()
    source, content_format = PATHOLOGICAL[family]
    source = (prefix + "\n\n" + source)[:LIMIT] if prefix else source  # an ordinary paragraph first
    assert bounded.too_long(source) is None  # within the size limit: only the time limit stops it
    with pytest.raises(bounded.TooComplex, match="could not be turned into a page"):
        bounded.render_within(source, content_format, seconds=QUICK)
    assert renderings == []  # the worker itself rendered none of it
    assert multiprocessing.active_children() == []  # and the child that tried was stopped
    assert markup._remembered is None


def test_the_original_attack_is_cut_short_within_the_default_budget(renderings):
    with pytest.raises(bounded.TooComplex):
        bounded.render_within("[" * 8000, "markdown")  # about 15 s without the limit
    assert renderings == [] and multiprocessing.active_children() == []


def test_a_rendering_that_never_ends_is_stopped(monkeypatch):
    def forever(*args):
        while True:
            pass

    monkeypatch.setattr(markup, "render", forever)  # in the child, which is a fork of this process
    with pytest.raises(bounded.TooComplex):
        bounded.render_within("Anything.", "markdown", seconds=0.2)
    assert multiprocessing.active_children() == []


def test_a_rendering_that_would_take_too_much_memory_is_refused(monkeypatch):
    def greedy(*args):
        return bytearray(8 * 1024**3)  # past the child's limit

    monkeypatch.setattr(markup, "render", greedy)
    with pytest.raises(bounded.TooComplex):
        bounded.render_within("Anything.", "markdown")


def test_a_rendering_that_fails_is_refused_with_the_message_not_an_error(monkeypatch):
    def failing(*args):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(markup, "render", failing)
    with pytest.raises(bounded.TooComplex, match="Your text is still here"):
        bounded.render_within("Anything.", "markdown")


# --- The size limit: a clear message, nothing lost -------------------------------------------------------------


def test_size_limit_counts_what_the_author_typed():
    assert bounded.too_long("a" * LIMIT) is None
    assert bounded.too_long("a\r\n" * (LIMIT // 2)) is None  # a browser's line breaks count once
    message = bounded.too_long("a" * (LIMIT + 5))
    assert f"{LIMIT + 5:,} characters long" in message and f"at most {LIMIT:,}" in message
    assert "shorten it by 5 characters" in message


@pytest.mark.django_db
def test_form_refuses_an_over_long_body_with_the_message_and_keeps_the_whole_text(client, contributor):
    client.force_login(contributor)
    body = "Word " * (LIMIT // 5) + "the last words"
    response = client.post(ADD_URL, post_form(body=body))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"a post can have at most {LIMIT:,}" in html
    assert body in html  # the author's text, whole, in the form again
    textarea = re.search(r'<textarea[^>]*name="body"[^>]*>', html).group(0)
    assert "maxlength" not in textarea  # a browser would cut a pasted text short, silently
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_form_saves_a_long_ordinary_body_at_the_limit(client, contributor, settings):
    settings.CANDID_RENDER_SECONDS = 60  # about the length limit, not the time: a loaded CI machine is slow
    client.force_login(contributor)
    paragraph = "Some words with a [link](https://example.com) and *emphasis* in them. " * 10 + "\n\n"
    body = (paragraph * (LIMIT // len(paragraph)))[:LIMIT].strip()
    assert client.post(ADD_URL, post_form(body=body)).status_code == 302
    post = Post.objects.get()
    assert post.body == body and post.body_html.count('<a href="https://example.com">') > 1000


@pytest.mark.django_db
def test_form_refuses_a_body_that_cannot_be_rendered_in_time_and_keeps_it(client, contributor, settings):
    settings.CANDID_RENDER_SECONDS = QUICK
    client.force_login(contributor)
    body, _ = PATHOLOGICAL["headings"]
    response = client.post(ADD_URL, post_form(body=body))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"within {QUICK:g} seconds" in html and "Your text is still here" in html
    assert "# a\n# a\n# a" in html  # kept, escaped as text
    assert not Post.objects.exists()


# --- Preview of unsaved edits ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_preview_refuses_an_over_long_body_with_the_same_message(client, contributor, renderings):
    client.force_login(contributor)
    body = "a" * (LIMIT + 1)
    response = client.post(PREVIEW_URL, post_form(body=body))
    assert response.status_code == 413
    html = response.content.decode()
    assert bounded.too_long(body) in html and "<html" in html
    assert renderings == []
    assert not Claim.objects.exists()  # refused before it took a turn


@pytest.mark.django_db
def test_preview_refuses_a_body_that_cannot_be_rendered_in_time(client, contributor, settings, renderings):
    settings.CANDID_RENDER_SECONDS = QUICK
    client.force_login(contributor)
    body, _ = PATHOLOGICAL["["]
    response = client.post(PREVIEW_URL, post_form(body=body))
    assert response.status_code == 422
    assert "could not be turned into a page" in response.content.decode()
    assert renderings == []


@pytest.mark.django_db
def test_preview_renders_the_unsaved_text_once(client, contributor, renderings):
    client.force_login(contributor)
    response = client.post(PREVIEW_URL, post_form(title="Trying", body="Just [a link](/x), *really*."))
    assert response.status_code == 200
    assert '<a href="/x">a link</a>, <em>really</em>.' in response.content.decode()
    assert renderings == []  # made by the child, within the limit, and remembered: not made again here
    assert not Post.objects.exists()


# --- One preview at a time per author ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_second_preview_while_one_is_being_made_waits(client, contributor, author, renderings):
    held = preview.preview_claim(contributor)
    assert claims.take(held, 30)  # as a preview of theirs being made at this moment does
    client.force_login(contributor)
    response = client.post(PREVIEW_URL, post_form(body="Second try."))
    assert response.status_code == 429
    assert "Wait a moment, then press Preview again." in response.content.decode()
    assert response["Retry-After"]
    assert renderings == []

    client.force_login(author)  # another author is not held up
    assert client.post(PREVIEW_URL, post_form(body="Mine.")).status_code == 200

    claims.give_back(held)  # the first preview is done
    client.force_login(contributor)
    assert client.post(PREVIEW_URL, post_form(body="Third try.")).status_code == 200


@pytest.mark.django_db
def test_a_preview_that_took_long_is_followed_by_a_rest_as_long(client, contributor, monkeypatch):
    moments = iter([100.0, 104.0])  # this preview took 4 seconds
    monkeypatch.setattr(preview, "_clock", lambda: next(moments))
    client.force_login(contributor)
    assert client.post(PREVIEW_URL, post_form(body="Slow one.")).status_code == 200
    assert client.post(PREVIEW_URL, post_form(body="Again at once.")).status_code == 429

    Claim.objects.update(until=timezone.now() - datetime.timedelta(seconds=1))  # the 4 seconds went by
    monkeypatch.setattr(preview, "_clock", lambda: 0.0)
    assert client.post(PREVIEW_URL, post_form(body="Later.")).status_code == 200


@pytest.mark.django_db
def test_quick_previews_follow_each_other_freely(client, contributor, monkeypatch):
    monkeypatch.setattr(preview, "_clock", lambda: 0.0)  # each took no time
    client.force_login(contributor)
    assert [client.post(PREVIEW_URL, post_form(body=f"Try {i}.")).status_code for i in range(3)] == [200] * 3
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_a_refused_preview_lets_go_of_its_turn(client, contributor, settings, monkeypatch):
    settings.CANDID_RENDER_SECONDS = QUICK
    monkeypatch.setattr(preview, "_clock", lambda: 0.0)
    client.force_login(contributor)
    assert client.post(PREVIEW_URL, post_form(body="[" * 20000)).status_code == 422
    assert client.post(PREVIEW_URL, post_form(body="Fixed.")).status_code == 200


# --- Who may preview what ---------------------------------------------------------------------------------------


def preview_link(client, post):
    return client.get(f"/admin/blog/post/{post.pk}/change/").context["preview_url"]


@pytest.mark.django_db
def test_contributor_previews_own_post_but_not_another_authors(client, contributor, author):
    own = PostFactory(author=contributor, status="draft", body="My *draft*.")
    theirs = PostFactory(author=author, status="draft", body="Their secret draft.")
    client.force_login(author)
    their_link = preview_link(client, theirs)

    client.force_login(contributor)
    own_preview = client.get(preview_link(client, own))
    assert own_preview.status_code == 200 and "My <em>draft</em>." in own_preview.content.decode()
    assert client.post(PREVIEW_URL, post_form(body="Unsaved *edit*.")).status_code == 200
    assert client.get(f"/admin/blog/post/{theirs.pk}/change/").status_code in (302, 403, 404)
    refused = client.get(their_link)
    assert refused.status_code == 403 and "Their secret draft." not in refused.content.decode()


@pytest.mark.django_db
def test_preview_of_unsaved_edits_needs_a_staff_login(client):
    response = client.post(PREVIEW_URL, post_form(body="Anything."))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Claim.objects.exists()
