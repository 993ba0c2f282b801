"""What readers may write in a comment: a safe part of Markdown, and nothing that runs or misleads."""

import pytest
from html5lib import parse as parse_html

from comments.markup import render_comment_body


def links_in(html):
    tree = parse_html(html, namespaceHTMLElements=False)
    return [(a.get("href"), a.get("rel"), "".join(a.itertext())) for a in tree.iter("a")]


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("I *love* **hazel** and `ls -la`.", "I <em>love</em> <strong>hazel</strong> and <code>ls -la</code>."),
        ("_Runner_ beans, not snake_case_names.", "<em>Runner</em> beans, not snake_case_names."),
        ("2 * 3 * 4 = 24, and * not a list", "2 * 3 * 4 = 24, and * not a list"),
        ("https://example.com/a_b_c*d*e", '<a href="https://example.com/a_b_c*d*e" rel="nofollow ugc">'),
        ("`**not bold**`", "<code>**not bold**</code>"),
        ("\\*not emphasis\\*", "*not emphasis*"),
    ],
)
def test_inline_marks_work_but_never_inside_links_or_code(typed, shown):
    assert shown in render_comment_body(typed)


def test_markdown_links_and_autolinks_are_links_that_give_no_credit():
    html = render_comment_body("See [the beans](https://example.org/beans), <https://example.org/peas> and mail "
                               "<rosa@example.net> or [write](mailto:rosa@example.net).")  # fmt: skip
    assert links_in(html) == [
        ("https://example.org/beans", "nofollow ugc", "the beans"),
        ("https://example.org/peas", "nofollow ugc", "https://example.org/peas"),
        ("mailto:rosa@example.net", "nofollow ugc", "rosa@example.net"),
        ("mailto:rosa@example.net", "nofollow ugc", "write"),
    ]


@pytest.mark.parametrize(
    "typed",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( javascript:alert(1))",
        "[click](java&#115;cript:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](&#x6A;avascript:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "<a href='javascript:alert(1)'>click</a>",
        "<a href='JAVASCRIPT:alert(1)'>click</a>",
        "<a href='data:text/html,hi'>click</a>",
        "[click](/wp-admin/)",
        "[click](//evil.example/)",
    ],
)
def test_nothing_but_web_and_mail_addresses_becomes_a_link(typed):
    html = render_comment_body(typed)
    assert all(href is None for href, _, _ in links_in(html)), html
    assert "click" in html or "javascript" in html  # the words are kept, as text


def test_bare_words_that_look_like_addresses_stay_words():
    assert links_in(render_comment_body("Email me at rosa@example.net or visit example.com")) == []


def test_quotes_lists_and_line_breaks():
    html = render_comment_body("> You said beans.\n> Twice.\n\nI did:\n\n- runner\n- broad\n\n1. sow\n2. wait")
    assert "<blockquote>\n<p>You said beans.<br>\nTwice.</p>\n</blockquote>" in html
    assert "<ul>\n<li>runner</li>\n<li>broad</li>\n</ul>" in html
    assert "<ol>\n<li>sow</li>\n<li>wait</li>\n</ol>" in html


def test_no_headings_images_tables_or_indented_code():
    typed = "# Shout\n\n![a picture](https://example.org/x.png)\n\n| a | b |\n|---|---|\n\n    indented"
    html = render_comment_body(typed)
    assert "<h1>" not in html and "<img" not in html and "<table>" not in html and "<pre>" not in html
    assert "# Shout" in html and "indented" in html


def test_fenced_code_keeps_what_was_typed():
    html = render_comment_body("```\n<b>x</b> *y*\n```")
    assert html == "<pre><code>&lt;b&gt;x&lt;/b&gt; *y*\n</code></pre>"


def test_a_comment_of_nothing_but_brackets_renders_in_no_time_at_all():
    # Python-Markdown takes seconds on this; the comments' parser is linear (a hang here times the test out).
    html = render_comment_body("[" * 10_000 + "a](" * 2_000)
    assert html.startswith("<p>[[[")
