"""Switching a text between formats, with what would not come back named; and what the visual editor keeps."""

import re

import pytest

from blog.rendering import markup
from blog.rendering.convert import Conversion, convert, visual_editor_losses
from blog.rendering.markup import ContentFormat

EDITOR_FIGURE = (
    '<figure class="figure"><img src="/media/images/harbour-large.jpg" alt="The harbour" data-file="12">'
    '<figcaption class="figure-caption">At dawn</figcaption></figure>'
)


def exactly(text):
    return Conversion(text, [])


def same_html(html):
    """`html` without the line breaks between its blocks or ending a code block (Markdown's fenced code ends
    with one), <b> and <i> spelt as the editor spells them."""
    html = re.sub(r">\n+<", "><", html.strip().replace("\n</code></pre>", "</code></pre>"))
    return re.sub(r"<(/?)b>", r"<\1strong>", re.sub(r"<(/?)i>", r"<\1em>", html))


# --- HTML to Markdown ----------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<h2>Title</h2><h3>Part</h3><h4>Detail</h4><p>Text.</p>", "## Title\n\n### Part\n\n#### Detail\n\nText.\n"),
        (
            "<p><strong>Bold</strong>, <em>italic</em>, <b>b</b> and <i>i</i>.</p>",
            "**Bold**, *italic*, **b** and *i*.\n",
        ),
        (
            "<ul><li>One</li><li>Two</li></ul><ol><li>First</li><li>Second</li></ol>",
            "- One\n- Two\n\n1. First\n2. Second\n",
        ),
        ('<ol start="3"><li>Third</li><li>Fourth</li></ol>', "3. Third\n4. Fourth\n"),
        ('<p>A <a href="https://example.com/">link</a>.</p>', "A [link](https://example.com/).\n"),
        (
            '<p><a href="https://example.com/" title="Example">Titled</a></p>',
            '[Titled](https://example.com/ "Example")\n',
        ),
        ("<blockquote><p>Quoted words.</p></blockquote>", "> Quoted words.\n"),
        ("<pre><code>x = 1\nprint(x)</code></pre>", "```\nx = 1\nprint(x)\n```\n"),
        ("<p>Some <code>inline</code> code.</p>", "Some `inline` code.\n"),
        ("<p>One</p><hr><p>Two</p>", "One\n\n---\n\nTwo\n"),
        ("<p>Fish &amp; chips</p>", "Fish & chips\n"),
        (
            "<table><thead><tr><th>Name</th><th>Age</th></tr></thead>"
            "<tbody><tr><td>Ada</td><td>36</td></tr><tr><td>Alan</td><td>41</td></tr></tbody></table>",
            "| Name | Age |\n| --- | --- |\n| Ada | 36 |\n| Alan | 41 |\n",
        ),
    ],
    ids=[
        "headings",
        "bold-italic",
        "lists",
        "numbered-from",
        "link",
        "titled-link",
        "quote",
        "code-block",
        "inline-code",
        "separator",
        "entities",
        "table",
    ],  # fmt: skip
)
def test_html_to_markdown_is_exact_for_what_markdown_can_say(html, markdown):
    conversion = convert(html, "html", "markdown")
    assert conversion == exactly(markdown)
    assert conversion.exact
    # And it is exact indeed: the Markdown renders as the HTML did.
    assert same_html(ContentFormat.MARKDOWN.to_html(conversion.text)) == same_html(ContentFormat.HTML.to_html(html))


def test_html_to_markdown_names_underlining_and_superscript_as_lost():
    conversion = convert("<p><u>Underlined</u> and E = mc<sup>2</sup>.</p>", "html", "markdown")
    assert conversion == Conversion("Underlined and E = mc2.\n", ["superscript", "underlining"])
    assert not conversion.exact


def test_each_kind_of_loss_is_named_once():
    conversion = convert("<p><u>a</u> <u>b</u> x<sup>1</sup> y<sup>2</sup> H<sub>2</sub>O</p>", "html", "markdown")
    assert conversion.lost == ["subscript", "superscript", "underlining"]


def test_losing_one_of_several_elements_of_a_kind_is_a_loss():
    # Markdown has no image caption: the figure and its caption go, the image stays.
    html = '<p>Hi.</p><figure><img src="https://example.com/x.jpg" alt="Boat"><figcaption>A boat</figcaption></figure>'
    conversion = convert(html, "html", "markdown")
    assert conversion == Conversion("Hi.\n\n![Boat](https://example.com/x.jpg)\n\nA boat\n", ["captions", "figures"])


def test_an_editor_figure_becomes_an_image_shortcode_in_the_markdown():
    conversion = convert(f"<p>Before.</p>{EDITOR_FIGURE}<p>After.</p>", "html", "markdown")
    assert conversion == exactly('Before.\n\n[image id=12 size=large caption="At dawn"]\n\nAfter.\n')


def test_a_library_image_in_a_sentence_becomes_an_inline_shortcode_in_the_markdown():
    html = '<p>Our logo <img src="/logo.png" alt="Logo" data-file="9"> here.</p>'
    assert convert(html, "html", "markdown") == exactly("Our logo [image id=9] here.\n")


def test_an_image_from_elsewhere_becomes_a_markdown_image():
    html = '<p>See <img src="https://example.com/x.jpg" alt="A boat"> here.</p>'
    assert convert(html, "html", "markdown") == exactly("See ![A boat](https://example.com/x.jpg) here.\n")


def test_the_markdown_has_at_most_one_blank_line_between_blocks_and_ends_with_a_newline():
    conversion = convert("<p>One</p>\n\n\n\n<p>Two</p>\n\n", "html", "markdown")
    assert conversion == exactly("One\n\nTwo\n")


# --- Markdown and WordPress to HTML --------------------------------------------


def test_markdown_to_html_is_exact_for_ordinary_markdown():
    source = (
        "## Title\n\nSome *emphasis* and **strength**, `code` and a [link](https://example.com/).\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n> Quoted.\n\n```\nx = 1\n```\n\n---\n\n"
        "| A | B |\n|---|---|\n| 1 | 2 |\n"
    )
    expected = (
        "<h2>Title</h2>\n"
        '<p>Some <em>emphasis</em> and <strong>strength</strong>, <code>code</code> and a <a href="https://example.com/">link</a>.</p>\n'
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"
        "<blockquote>\n<p>Quoted.</p>\n</blockquote>\n<pre><code>x = 1\n</code></pre>\n<hr>\n"
        "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>"
    )
    assert convert(source, "markdown", "html") == exactly(expected)


def test_markdown_to_html_keeps_shortcodes_as_text_for_the_expander():
    conversion = convert('Hello.\n\n[image id=12 size=large caption="At dawn"]\n', "markdown", "html")
    assert conversion == exactly('<p>Hello.</p>\n<p>[image id=12 size=large caption="At dawn"]</p>')


def test_markdown_to_html_does_not_carry_script_over():
    conversion = convert("Hi.\n\n<script>alert(1)</script>\n", "markdown", "html")
    assert conversion == exactly("<p>Hi.</p>")


def test_wordpress_to_html_wraps_paragraphs_and_breaks_lines():
    conversion = convert("First paragraph,\nsecond line.\n\nSecond paragraph.", "wordpress", "html")
    assert conversion == exactly("<p>First paragraph,<br>\nsecond line.</p>\n<p>Second paragraph.</p>")


def test_wordpress_to_markdown_goes_through_html_and_names_what_markdown_cannot_say():
    conversion = convert("First paragraph.\n\nSecond <u>one</u>.", "wordpress", "markdown")
    assert conversion == Conversion("First paragraph.\n\nSecond one.\n", ["underlining"])


def test_markdown_to_wordpress_is_html():
    assert convert("Some *words*.\n\nMore.", "markdown", "wordpress") == exactly(
        "<p>Some <em>words</em>.</p>\n<p>More.</p>"
    )


@pytest.mark.parametrize(
    "source",
    [
        "<p>Kept <u>as it is</u>.</p>",
        "<h2>A</h2>\n\nLoose text\nover lines",
        '<p>x<img src="/a.jpg" data-file="3"></p>',
    ],
)
def test_html_to_wordpress_returns_the_text_unchanged(source):
    assert convert(source, "html", "wordpress") == exactly(source)


@pytest.mark.parametrize("content_format", ["html", "markdown", "wordpress"])
def test_converting_to_the_same_format_returns_the_source_unchanged(content_format):
    source = "  # Not *touched* <u>at all</u>\n\n<script>x()</script>\n\n"
    assert convert(source, content_format, content_format) == exactly(source)
    assert convert(source, ContentFormat(content_format), content_format) == exactly(source)


@pytest.mark.parametrize(("source_format", "target_format"), [("html", "latex"), ("rtf", "markdown"), ("", "html")])
def test_an_unknown_format_is_refused(source_format, target_format):
    with pytest.raises(ValueError, match="is not a valid ContentFormat"):
        convert("Some text.", source_format, target_format)


@pytest.mark.parametrize(
    ("source", "source_format", "target_format"),
    [
        ("One.\n\n<!--more-->\n\nTwo.\n\n<!--nextpage-->\n\nThree.", "markdown", "html"),
        ("One.\n\n<!--more-->\n\nTwo.\n\n<!--nextpage-->\n\nThree.", "wordpress", "html"),
        ("<p>One.</p>\n<!--more-->\n<p>Two.</p>\n<!--nextpage-->\n<p>Three.</p>", "html", "markdown"),
    ],
)
def test_the_more_and_nextpage_markers_survive_a_conversion(source, source_format, target_format):
    before = markup.render(source, source_format)
    assert (before.teaser, len(before.pages)) == ("<p>One.</p>", 2)
    conversion = convert(source, source_format, target_format)
    after = markup.render(conversion.text, target_format)
    assert (after.teaser, len(after.pages)) == ("<p>One.</p>", 2)


# --- What the visual editor keeps ----------------------------------------------


def test_the_visual_editor_keeps_what_its_extensions_hold():
    source = (
        "<h2>Heading</h2><h3>Sub</h3><h4>Subsub</h4>"
        "<p><strong>Strong</strong>, <em>em</em>, <b>b</b>, <i>i</i>, <s>struck</s>, <del>del</del>, <code>c</code><br>"
        'and a <a href="https://example.com/" title="Example">link</a>.</p>'
        '<ul><li>One</li></ul><ol start="2"><li>Two</li></ol>'
        "<blockquote><p>Quoted.</p></blockquote>"
        '<table><thead><tr><th colspan="2">Head</th></tr></thead>'
        '<tbody><tr><td>1</td><td rowspan="1">2</td></tr></tbody></table>'
        '<figure><img src="https://example.com/x.jpg" alt="x" title="t" width="40" height="30">'
        "<figcaption>Cap</figcaption></figure>"
        f"{EDITOR_FIGURE}"
        "<pre><code>x = 1</code></pre><hr>"
    )
    assert visual_editor_losses(source) == []


def test_an_empty_text_loses_nothing():
    assert visual_editor_losses("") == []


@pytest.mark.parametrize(
    ("source", "lost"),
    [
        ("<dl><dt>Term</dt><dd>Meaning</dd></dl>", ["definition lists"]),
        ("<h5>Small</h5>", ["small headings (levels 5 and 6)"]),
        ("<h6>Smaller</h6>", ["small headings (levels 5 and 6)"]),
        ('<p><img class="alignleft" src="https://example.com/x.jpg" alt="x"></p>', ["alignment and other attributes"]),
        ('<figure class="aligncenter"><img src="https://example.com/x.jpg" alt="x"></figure>',
         ["alignment and other attributes"]),
        ('<p><img src="https://example.com/x.jpg" alt="x" loading="lazy"></p>', ["attributes of <img>"]),
        ("<p><u>Underlined</u> and x<sup>2</sup></p>", ["superscript", "underlining"]),
        ("<div>Laid out</div>", ["blocks with a layout of their own"]),
        ("<p>A <mark>hit</mark> and <kbd>Ctrl</kbd></p><h5>a</h5><h6>b</h6>", [
            "highlighted text", "keyboard keys", "small headings (levels 5 and 6)",
        ]),
    ],
)  # fmt: skip
def test_the_visual_editor_names_what_it_would_drop(source, lost):
    assert visual_editor_losses(source) == lost


@pytest.mark.parametrize(
    "source",
    [
        "<p>Hi.</p><script>alert(1)</script>",
        '<p>Hi.</p><iframe src="https://evil.example/"></iframe>',
        "<style>p { color: red }</style><p>Hi.</p>",
        '<p onclick="steal()" style="color: red">Hi.</p>',
        '<p><a href="javascript:steal()">Hi.</a></p>',
        "<p>Hi.</p><!-- a note to myself -->",
    ],
)
def test_what_the_sanitiser_removes_is_no_loss_of_the_editor(source):
    assert visual_editor_losses(source) == []
