"""Search terms marked in a post's stored HTML, never inside its markup."""

from core.highlight import highlight


def test_terms_are_marked_in_text_whatever_their_case():
    assert highlight("<p>Compost and more compost</p>", "COMPOST") == (
        '<p><mark class="search-hit">Compost</mark> and more <mark class="search-hit">compost</mark></p>'
    )


def test_tags_and_attributes_are_left_alone():
    html = '<p><a href="/compost/" title="compost">heap</a></p>'
    assert highlight(html, "compost") == html


def test_character_references_are_not_broken_apart():
    html = "<p>Salt &amp; pepper &gt; sugar &#8220;always&#8221;</p>"
    assert highlight(html, "amp gt 8220") == html
    assert highlight(html, "pepper") == (
        '<p>Salt &amp; <mark class="search-hit">pepper</mark> &gt; sugar &#8220;always&#8221;</p>'
    )


def test_words_of_one_letter_are_not_marked():
    assert highlight("<p>a b c</p>", "a b") == "<p>a b c</p>"


def test_markup_in_the_terms_is_escaped_before_it_is_looked_for():
    assert highlight("<p>1 &lt; 2</p>", "<script>") == "<p>1 &lt; 2</p>"
