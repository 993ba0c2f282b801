"""What goes in a page's <head> for search engines, feed readers and link previews."""

import json

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

register = template.Library()

# Characters that could end the <script> element or open a comment, escaped in JSON.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.inclusion_tag("blog/_post_head.html", takes_context=True)
def post_meta(context, post, unlocked):
    request, site = context["request"], context["site"]
    url = request.build_absolute_uri(post.get_absolute_url())
    description = Truncator(strip_tags(post.excerpt_html)).words(30) if unlocked else site.tagline
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


def json_ld(data):
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's own absolute URL, without its query string."""
    return context["request"].build_absolute_uri(context["request"].path)
