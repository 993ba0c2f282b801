"""wordpress_to_html(): a classic WordPress body, stored without paragraphs, rendered as WordPress shows it."""

import random

import pytest

from blog.rendering.autop import wordpress_to_html
from core.sanitizer import clean_html
from tests.html import parse_strict

IMG = '<img src="https://example.com/harbour-300x200.jpg" alt="The harbour" width="300" height="200" />'

# --- Paragraphs and line breaks ---


def test_blank_lines_make_paragraphs_and_single_line_breaks_make_br():
    text = "First line\nsecond line\n\nAnother paragraph."
    assert wordpress_to_html(text) == "<p>First line<br />\nsecond line</p>\n<p>Another paragraph.</p>"


def test_surrounding_whitespace_and_extra_blank_lines_leave_no_trace():
    text = "\n\n  One.\n\n\n\n\nTwo.  \n\n\n"
    assert wordpress_to_html(text) == "<p>One.</p>\n<p>Two.</p>"


@pytest.mark.parametrize("text", ["", " ", "\n\n\t\n", "\r\n\r\n"])
def test_empty_or_blank_input_gives_nothing(text):
    assert wordpress_to_html(text) == ""


@pytest.mark.parametrize("text", ["One\r\ntwo\r\n\r\nThree", "One\rtwo\r\rThree"])
def test_windows_and_old_mac_line_endings_are_normalised(text):
    assert wordpress_to_html(text) == "<p>One<br />\ntwo</p>\n<p>Three</p>"


def test_a_br_already_written_is_not_doubled():
    text = "line 1<br>\nline 2<br/>\nline 3<br />\nline 4"
    assert wordpress_to_html(text) == "<p>line 1<br />\nline 2<br />\nline 3<br />\nline 4</p>"


def test_two_brs_in_a_row_start_a_new_paragraph():
    assert wordpress_to_html("line 1<br>\n<br/>\nline 2") == "<p>line 1</p>\n<p>line 2</p>"


def test_a_line_break_inside_a_tag_or_comment_stays_a_line_break():
    assert wordpress_to_html("Hello <a\nhref='world'>you</a>") == "<p>Hello <a\nhref='world'>you</a></p>"
    assert wordpress_to_html("Hi <!-- a\nnote -->") == "<p>Hi <!-- a\nnote --></p>"


def test_a_less_than_sign_in_prose_starts_no_tag():
    assert wordpress_to_html("x < 5\n\nand y > 3") == "<p>x < 5</p>\n<p>and y > 3</p>"


def test_inline_elements_stay_inside_their_paragraph():
    assert wordpress_to_html("<em>Hi</em> <a href='/x'>there</a>") == "<p><em>Hi</em> <a href='/x'>there</a></p>"


# --- Block elements ---


def test_a_list_is_not_wrapped_and_the_text_around_it_gets_paragraphs():
    text = "Before:\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nAfter."
    assert wordpress_to_html(text) == "<p>Before:</p>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<p>After.</p>"


def test_a_blockquote_gets_paragraphs_inside_it_not_around_it():
    text = "<blockquote>Line one\nline two\n\nSecond paragraph</blockquote>"
    expected = "<blockquote><p>Line one<br />\nline two</p>\n<p>Second paragraph</p></blockquote>"
    assert wordpress_to_html(text) == expected


def test_a_table_is_laid_out_one_tag_a_line_without_paragraphs():
    text = "<table>\n<tr><th>Bean</th><td>Runner</td></tr>\n</table>"
    expected = "<table>\n<tr>\n<th>Bean</th>\n<td>Runner</td>\n</tr>\n</table>"
    assert wordpress_to_html(text) == expected


def test_headings_and_rules_stand_between_paragraphs():
    text = "<h2>Sowing</h2>\nIn April.<hr>In May."
    assert wordpress_to_html(text) == "<h2>Sowing</h2>\n<p>In April.</p>\n<hr>\n<p>In May.</p>"


def test_text_before_a_div_gets_its_own_paragraph():
    assert wordpress_to_html("a<div>b</div>") == "<p>a</p>\n<div>b</div>"


def test_a_block_whose_name_only_starts_like_one_is_inline():
    html = wordpress_to_html("<picture><img src='x.jpg' alt=''></picture>")
    assert html == "<p><picture><img src='x.jpg' alt=''></picture></p>"


def test_options_of_a_select_get_no_line_breaks():
    text = "Pick: <select><option>1</option>\n<option>2</option></select>"
    assert wordpress_to_html(text) == "<p>Pick: <select><option>1</option><option>2</option></select></p>"


def test_a_figure_written_in_html_keeps_its_caption_next_to_the_image():
    text = '<figure>\n<img src="a.jpg" />\n<figcaption>Caption</figcaption>\n</figure>'
    assert wordpress_to_html(text) == '<figure>\n<img src="a.jpg" /><figcaption>Caption</figcaption></figure>'


# --- What is kept as written ---


def test_pre_content_is_kept_exactly():
    code = "<pre>def f():\n\n    return 1<br>\n[caption]x[/caption]\nhttps://example.com/\n</pre>"
    assert wordpress_to_html(f"Look:\n\n{code}\n\nNeat.") == f"<p>Look:</p>\n{code}\n<p>Neat.</p>"


def test_script_and_style_content_is_not_altered():
    script, style = "<script>\nvar a = 1;\n\nvar b = 2;\n</script>", "<style>\np {}\n\nh2 {}\n</style>"
    html = wordpress_to_html(f"Hi\n\n{script}\n\n{style}")
    assert script in html and style in html


@pytest.mark.parametrize("marker", ["<!--more-->", "<!--more Read the whole recipe-->", "<!--nextpage-->"])
def test_more_and_nextpage_markers_are_kept_on_their_own(marker):
    expected = f"<p>Intro.</p>\n{marker}\n<p>Rest.</p>"
    assert wordpress_to_html(f"Intro.\n\n{marker}\n\nRest.") == expected
    assert wordpress_to_html(f"Intro.{marker}Rest.") == expected


# --- [caption] ---


def test_caption_becomes_a_figure_with_its_alignment():
    text = f'[caption id="attachment_12" align="alignright" width="300"]{IMG} The harbour at dawn[/caption]'
    expected = f'<figure class="wp-caption alignright">{IMG}<figcaption>The harbour at dawn</figcaption></figure>'
    assert wordpress_to_html(text) == expected


def test_caption_keeps_the_link_around_its_image():
    linked = f'<a href="https://example.com/harbour.jpg">{IMG}</a>'
    text = f'[caption id="attachment_12" align="aligncenter" width="300"]{linked} Dawn[/caption]'
    expected = f'<figure class="wp-caption aligncenter">{linked}<figcaption>Dawn</figcaption></figure>'
    assert wordpress_to_html(text) == expected


def test_caption_in_its_older_attribute_form():
    text = f'[caption id="attachment_12" align="alignleft" caption="The &quot;Mary Rose&quot;"]{IMG}[/caption]'
    expected = f'<figure class="wp-caption alignleft">{IMG}<figcaption>The &quot;Mary Rose&quot;</figcaption></figure>'
    assert wordpress_to_html(text) == expected


@pytest.mark.parametrize("align", ['align="alignfoo"', 'align="left"', 'align="alignright evil"', ""])
def test_caption_alignment_other_than_wordpress_four_is_dropped(align):
    html = wordpress_to_html(f"[caption {align}]{IMG} Dawn[/caption]")
    assert html.startswith('<figure class="wp-caption">')


def test_caption_text_keeps_its_html_and_line_breaks():
    html = wordpress_to_html(f'[caption align="alignnone"]{IMG} By <a href="/jo/">Jo</a>,\n<em>2019</em>[/caption]')
    assert html.endswith('<figcaption>By <a href="/jo/">Jo</a>,<br />\n<em>2019</em></figcaption></figure>')


def test_caption_without_caption_text_shows_the_image_alone():
    assert wordpress_to_html(f'[caption width="300"]{IMG}[/caption]') == f"<p>{IMG}</p>"


def test_wp_caption_is_the_old_name_of_caption():
    assert wordpress_to_html(f"[wp_caption]{IMG} Dawn[/wp_caption]").startswith('<figure class="wp-caption">')


def test_caption_in_a_sentence_splits_it_around_the_figure():
    html = wordpress_to_html(f"Before [caption]{IMG} Dawn[/caption] after.")
    assert html.startswith("<p>Before </p>\n<figure")
    assert html.endswith("</figure>\n<p> after.</p>")


def test_caption_without_its_closing_tag_stays_as_written():
    assert wordpress_to_html(f"[caption]{IMG} Dawn") == f"<p>[caption]{IMG} Dawn</p>"


# --- [embed] and URLs alone on a line ---

YOUTUBE = "https://www.youtube.com/watch?v=x"
YOUTUBE_LINK = f'<p class="embed"><a href="{YOUTUBE}">{YOUTUBE}</a></p>'


@pytest.mark.parametrize("text", [f"[embed]{YOUTUBE}[/embed]", f'[embed width="640" height="360"] {YOUTUBE} [/embed]'])
def test_embed_becomes_a_link_paragraph(text):
    assert wordpress_to_html(f"Watch:\n\n{text}") == f"<p>Watch:</p>\n{YOUTUBE_LINK}"


def test_url_alone_on_its_line_is_embedded_as_a_link_paragraph():
    assert wordpress_to_html(f"Watch:\n{YOUTUBE}\nFun.") == f"<p>Watch:</p>\n{YOUTUBE_LINK}\n<p>Fun.</p>"


def test_url_inside_a_sentence_is_left_alone():
    assert wordpress_to_html(f"See {YOUTUBE} now") == f"<p>See {YOUTUBE} now</p>"


def test_embedded_url_is_escaped_once():
    html = wordpress_to_html("[embed]https://example.com/?a=1&amp;b='2'[/embed]")
    expected = "https://example.com/?a=1&amp;b=&#x27;2&#x27;"
    assert html == f'<p class="embed"><a href="{expected}">{expected}</a></p>'


@pytest.mark.parametrize(
    "text",
    [
        "[embed]javascript:alert(1)[/embed]",
        "[embed]ftp://example.com/file[/embed]",
        '[embed]https://example.com/"onmouseover="x[/embed]',
        "javascript:alert(1)",
        "ftp://example.com/file",
    ],
)
def test_anything_but_an_http_url_stays_as_text(text):
    assert wordpress_to_html(text) == f"<p>{text}</p>"


# --- Other shortcodes ---


@pytest.mark.parametrize("shortcode", ["[gallery]", '[gallery ids="3,5,9" columns="2"]', '[image id=12 size="large"]'])
def test_candids_own_shortcodes_are_left_for_its_expansion(shortcode):
    assert wordpress_to_html(f"Trip.\n\n{shortcode}\n\nEnd.") == f"<p>Trip.</p>\n<p>{shortcode}</p>\n<p>End.</p>"


@pytest.mark.parametrize("shortcode", ['[contact-form-7 id="1" title="Contact"]', '[audio mp3="a.mp3"][/audio]', "[x]"])
def test_unknown_shortcodes_stay_exactly_as_written(shortcode):
    assert wordpress_to_html(shortcode) == f"<p>{shortcode}</p>"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[[caption]]", "[caption]"),
        ('[[caption align="alignleft"]]', '[caption align="alignleft"]'),
        ("[[caption]<img src=x> Dawn[/caption]]", "[caption]<img src=x> Dawn[/caption]"),
        ("[[embed]]", "[embed]"),
        ("[[gallery]]", "[[gallery]]"),  # Candid's expansion turns it into "[gallery]"
    ],
)
def test_doubled_brackets_write_a_shortcode_as_text(text, shown):
    assert wordpress_to_html(text) == f"<p>{shown}</p>"


def test_shortcodes_and_urls_inside_code_are_not_translated():
    code = f"<code>[caption]{IMG} Dawn[/caption]</code>"
    assert wordpress_to_html(code) == f"<p>{code}</p>"
    assert wordpress_to_html(f"<code>\n{YOUTUBE}\n</code>") == f"<p><code><br />\n{YOUTUBE}<br />\n</code></p>"


# --- Safety ---

PATHOLOGICAL = [
    "<" * 50_000,
    "[caption" * 20_000,
    "[caption]" * 20_000,
    "[[caption]" * 20_000,
    "[embed]" * 20_000,
    "<pre" * 20_000,
    "<pre>" * 20_000,
    "<script>" * 20_000,
    "<!--" * 20_000,
    "<!--more" * 20_000,
    "<p><li" * 20_000,
    '<a title="' + "<p><li " * 20_000,
    "<object" * 20_000 + "</object>",
    "<option" + " " * 100_000 + "x",
    "x" + " " * 100_000 + "y\n",
    "<br />" + " " * 100_000 + "\n",
    "\n \n" * 50_000,
    '[caption caption="' + 'a="' * 50_000 + "][/caption]",
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda text: repr(text[:20]))
def test_large_and_pathological_input_is_handled(text):
    html = wordpress_to_html(text)
    assert not {"\ufdd0", "\ufdd1", "\ufdd2"} & set(html)  # every placeholder put back, however many


@pytest.mark.parametrize(
    ("line", "count", "expected"),
    [
        (
            "https://example.com/\n",
            10_000,
            '<p class="embed"><a href="https://example.com/">https://example.com/</a></p>',
        ),
        (  # about 200 KB of ordinary prose
            "Lorem ipsum <em>dolor</em> sit amet.\nSed do eiusmod.\n\n",
            4_000,
            "<p>Lorem ipsum <em>dolor</em> sit amet.<br />\nSed do eiusmod.</p>",
        ),
    ],
    ids=["urls", "prose"],
)
def test_a_long_body_keeps_every_paragraph(line, count, expected):
    assert wordpress_to_html(line * count) == "\n".join([expected] * count)


def test_the_characters_used_internally_cannot_be_forged_from_the_input():
    html = wordpress_to_html("<pre \ufdd00></pre>\n\nHi\ufdd1\ufdd2")
    assert html == "<pre 0></pre>\n<p>Hi</p>"


def test_no_mix_of_wordpress_markup_raises():
    pieces = [
        "<", ">", "[", "]", "[[", "]]", "\n", "\n\n", "\r", " ", "text", "<p>", "</p>", "<li>", "<br>", "<pre>",
        "</pre>", "<code>", "</code>", "<script>", "[caption align=alignleft]", "[/caption]", "[embed]", "[/embed]",
        "<!--", "-->", "<!--more-->", "<img src=x>", "<a href='u'>", "</a>", '"', "https://x.example/", "<blockquote>",
        "</blockquote>", "<figcaption>", "<option>", "<source>", "</object>", "\ufdd0", "\x00", "\ud800", "é",
    ]  # fmt: skip
    randomly = random.Random(2024)
    for _ in range(500):
        html = wordpress_to_html("".join(randomly.choice(pieces) for _ in range(randomly.randint(0, 40))))
        assert not {"\ufdd0", "\ufdd1", "\ufdd2"} & set(html)


# --- With the sanitiser, as Candid stores it ---


def test_sanitised_output_is_what_a_reader_should_see():
    text = (
        "We walked to the harbour.\nIt was cold.\n\n"
        f'[caption id="attachment_12" align="alignright" width="300"]{IMG} The harbour at <em>dawn</em>[/caption]\n\n'
        "[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n"
        "<script>steal()</script>\n"
        "<!--more-->\n"
        "[gallery]"
    )
    html = clean_html(wordpress_to_html(text))
    image = '<img src="https://example.com/harbour-300x200.jpg" alt="The harbour" width="300" height="200">'
    link = '<a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></p>'
    assert html.startswith(
        "<p>We walked to the harbour.<br>\nIt was cold.</p>\n"
        f'<figure class="wp-caption alignright">{image}<figcaption>The harbour at <em>dawn</em></figcaption></figure>\n'
        "<p"
    )
    assert link in html
    assert "steal" not in html and "<!--" not in html
    assert html.endswith("<p>[gallery]</p>")  # left for Candid's own shortcode expansion
    parse_strict(f"<!DOCTYPE html><title>t</title>{html}")
