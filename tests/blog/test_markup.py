from blog.rendering import markup
from blog.rendering.markup import ContentFormat


def test_markdown_is_rendered_and_sanitised():
    html = ContentFormat.MARKDOWN.to_html("Hello *world*\n\n<script>alert(1)</script><a href='javascript:x'>x</a>")
    assert "<em>world</em>" in html
    assert "<script" not in html and "javascript:" not in html


def test_html_format_is_sanitised_too():
    html = ContentFormat.HTML.to_html('<p onclick="steal()">Hi</p><iframe src="https://evil.example"></iframe>')
    assert html == "<p>Hi</p>"


def test_more_marker_splits_the_teaser_from_the_rest():
    rendered = markup.render("First part.\n\n<!--more-->\n\nSecond part.", "markdown")
    assert rendered.teaser == "<p>First part.</p>"
    assert rendered.has_more
    assert "Second part." in rendered.html and "First part." in rendered.html


def test_more_marker_with_custom_text_is_recognised():
    rendered = markup.render("Intro.<!--more Read the whole recipe-->Rest.", "html")
    assert rendered.teaser == "Intro."
    assert rendered.has_more


def test_hand_written_excerpt_wins_over_the_marker():
    rendered = markup.render("Body.\n\n<!--more-->\n\nMore.", "markdown", excerpt="A summary.")
    assert rendered.teaser == "<p>A summary.</p>"


def test_long_post_without_marker_gets_a_55_word_excerpt():
    body = " ".join(f"word{i}" for i in range(120))
    rendered = markup.render(body, "markdown")
    assert rendered.has_more
    assert "word54" in rendered.teaser and "word55" not in rendered.teaser
    assert rendered.teaser.endswith("[…]</p>")


def test_short_post_without_marker_is_its_own_excerpt():
    rendered = markup.render("Just a line.", "markdown")
    assert rendered.teaser == "<p>Just a line.</p>"
    assert not rendered.has_more


def test_nextpage_splits_pages():
    rendered = markup.render("One<!--more-->\n<!--nextpage-->\nTwo\n<!--nextpage-->\nThree", "markdown")
    assert rendered.pages == ["<p>One</p>", "<p>Two</p>", "<p>Three</p>"]
    assert rendered.has_more


def test_reading_time_counts_words():
    assert markup.render("word " * 1000, "markdown").reading_minutes == 5
    assert markup.render("", "markdown").reading_minutes == 1
