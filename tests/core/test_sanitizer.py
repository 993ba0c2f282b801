"""The one sanitiser, on what the public corpus taught it: control characters, however written."""

from core.sanitizer import clean_html


def test_character_references_to_control_characters_cannot_join_up_a_script_link():
    cleaned = clean_html('<a href="java&#1;&#2;script:alert(1)">x</a>')
    assert "javascript" not in cleaned and "\x01" not in cleaned and ">x</a>" in cleaned


def test_raw_control_characters_are_dropped_and_the_text_kept():
    assert clean_html("<p>Bell\x07 rings\x1b</p>") == "<p>Bell rings</p>"


def test_tabs_and_newlines_are_kept():
    assert clean_html("<pre>a\tb\nc</pre>") == "<pre>a\tb\nc</pre>"
