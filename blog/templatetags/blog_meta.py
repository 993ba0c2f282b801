"""What goes in a page's <head> for search engines, feed readers and link previews."""

import html
import json

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

register = template.Library()

# Characters that could end the <script> element or open a comment, escaped in JSON.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
SUMMARY_WORDS = 30


def summary(html_text):
    """The plain text of some stored HTML, cut after SUMMARY_WORDS words, for a description."""
    # strip_tags leaves entities as they are ("&amp;"): unescape them, or printing would escape them twice.
    return Truncator(html.unescape(strip_tags(html_text))).words(SUMMARY_WORDS)


def description_of(post, unlocked, site):
    """A post's description: its own SEO text if set, else its excerpt; only the site's tagline while
    a password still locks it, so that nothing the author wrote behind the password reaches the <head>."""
    if not unlocked:
        return site.tagline
    return post.description.strip() or summary(post.excerpt_html)


@register.simple_tag(takes_context=True)
def post_description(context, post, unlocked):
    """The post's meta description (see description_of)."""
    return description_of(post, unlocked, context["site"])


@register.simple_tag(takes_context=True)
def page_description(context, page):
    """A static page's meta description: the start of its text (unless it has a password), else the tagline."""
    return ("" if page.is_protected else summary(page.body_html)) or context["site"].tagline


@register.inclusion_tag("blog/_post_head.html", takes_context=True)
def post_meta(context, post, unlocked):
    request, site = context["request"], context["site"]
    url = request.build_absolute_uri(post.get_absolute_url())
    description = description_of(post, unlocked, site)
    author_url = request.build_absolute_uri(post.author.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": post.published_at.isoformat() if post.published_at else None,
        "dateModified": post.updated_at.isoformat(),
        "author": {"@type": "Person", "name": post.author.public_name, "url": author_url},
        "publisher": {"@type": "Organization", "name": site.title},
        "description": description,
        "keywords": [tag.name for tag in post.tags.all()],
    }
    return {"post": post, "url": url, "description": description, "site": site, "json_ld": json_ld(data)}


@register.inclusion_tag("blog/_page_head.html", takes_context=True)
def page_meta(context, page):
    """A static page's canonical link and link-preview tags."""
    url = context["request"].build_absolute_uri(page.get_absolute_url())
    description = "" if page.is_protected else summary(page.body_html)
    return {"page": page, "url": url, "description": description, "site": context["site"]}


def json_ld(data):
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's own absolute URL, without its query string."""
    return context["request"].build_absolute_uri(context["request"].path)
