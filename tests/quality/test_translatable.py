"""The theme's words are all translatable (DESIGN.md): no template prints English outside
{% translate %} / {% blocktranslate %}, and the comment list, written in Python, passes its words
through gettext once per page."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.base import TextNode
from django.template.loader_tags import BlockNode
from django.templatetags.i18n import BlockTranslateNode, TranslateNode

from tests.commenting import send
from tests.factories import CommentFactory, PostFactory, UserFactory
from tests.html import main_html

THEME = Path(settings.BASE_DIR) / "templates"
TEMPLATES = sorted(path for path in THEME.rglob("*") if path.suffix in (".html", ".txt"))
# What a variable or a tag prints, in the skeleton of a template: never a word.
PRINTED = "§"
WORD = re.compile(r"[^\W\d_]{2,}")
# Words a reader may see untranslated: names, not language.
NOT_LANGUAGE = {"Candid"}
# Blocks that layout.html prints inside an attribute no reader sees.
NOT_TEXT_BLOCKS = {"body_class"}
# Attributes a browser shows or reads aloud; for input buttons also their value.
SHOWN_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "label"}
BUTTON_TYPES = {"submit", "button", "reset"}


def skeleton(nodelist):
    """A template's text with every translation, variable and other tag replaced by PRINTED, and the
    contents of {% if %}, {% for %}, {% block %}… kept: what is left prints English in every language."""
    parts = []
    for node in nodelist:
        if isinstance(node, TextNode):
            parts.append(node.s)
            continue
        children = [child for child in (getattr(node, name, None) for name in node.child_nodelists) if child]
        translated = isinstance(node, TranslateNode | BlockTranslateNode)
        not_text = isinstance(node, BlockNode) and node.name in NOT_TEXT_BLOCKS
        if translated or not_text or not children:
            parts.append(PRINTED)
        else:
            parts.extend(skeleton(child) for child in children)
    return "".join(parts)


class ShownText(HTMLParser):
    """The text of an HTML skeleton a reader sees or hears: text outside <script> and <style>, and the
    attributes browsers show."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shown, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.hidden += tag in ("script", "style")
        for name, value in attrs.items():
            is_button_label = name == "value" and tag == "input" and attrs.get("type") in BUTTON_TYPES
            if value and (name in SHOWN_ATTRIBUTES or is_button_label):
                self.shown.append(value)

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden:
            self.shown.append(data)


def untranslated_words(source, html=True):
    """The words `source` (a template's text) prints outside translation tags."""
    text = skeleton(engines["django"].from_string(source).template.nodelist)
    if html:
        parser = ShownText()
        parser.feed(text)
        parser.close()
        text = " ".join(parser.shown)
    return [word for word in WORD.findall(text) if word not in NOT_LANGUAGE]


def test_the_check_finds_english_outside_translation_tags():
    source = """{% load i18n %}<p title="Read on">Hello {{ name }}, {% translate "fine" %}</p>
    {% if x %}<button name="next" value="/elsewhere">Send it</button>{% endif %}<input type="submit" value="Go">
    <a class="some-class" href="/path/to/a/page/" aria-label="{% translate 'fine' %}">
    {% blocktranslate %}fine {{ x }}{% endblocktranslate %}</a>{% block body_class %}hidden{% endblock %}
    <script>let ignored = "code";</script>{% comment %}Not printed.{% endcomment %}"""
    assert untranslated_words(source) == ["Read", "on", "Hello", "Send", "it", "Go"]
    assert untranslated_words("Subject: {{ title }}", html=False) == ["Subject"]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(THEME)))
def test_theme_templates_print_no_untranslated_words(path):
    assert untranslated_words(path.read_text(), html=path.suffix == ".html") == []


def test_comment_list_translates_its_words_once_per_page_whatever_the_comment_count(client, monkeypatch, configure):
    asked = []

    def gettext(message):
        asked.append(message)
        return f"⟦{message}⟧"

    monkeypatch.setattr("comments.rendering.gettext", gettext)
    configure(hold_all_comments=True, comment_flood_seconds=0)
    author = UserFactory(display_name="Ann Author")
    post = PostFactory(author=author)
    by_author = CommentFactory(post=post, user=author)
    send(client, post)  # held for moderation, so shown to its writer only, with a notice
    html = main_html(client.get(post.get_absolute_url()))
    for words in ("says:", "Post author", "Reply", f"Reply to {by_author.display_name}",
                  "Your comment is awaiting moderation."):  # fmt: skip
        assert f"⟦{words}⟧" in html, words
    assert re.search(r"⟦\w+ \d+, \d{4} at \d+:\d\d ⟦[ap]\.m\.⟧⟧</time>", html)

    asked.clear()
    busy = PostFactory(author=author)
    CommentFactory.create_batch(12, post=busy)
    client.get(busy.get_absolute_url())
    assert asked and len(asked) == len(set(asked)), asked
