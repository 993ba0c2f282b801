"""The blog's widgets (each costs one query, built once per process: core/prepared.py) and list helpers."""

from html import escape

from django import template
from django.db.models import Count
from django.utils.dates import MONTHS
from django.utils.safestring import mark_safe

from blog import paging
from blog.models import Category, Page, Post, SiteSettings, is_published, published_months
from core import prepared
from core.highlight import highlight
from core.links import linker

register = template.Library()


@register.inclusion_tag("blog/widgets/recent_posts.html")
def recent_posts():
    """The five newest posts: (address, title) pairs."""
    link = linker()
    return {"posts": [(Post.permalink(day, slug, link), title) for title, slug, day in prepared.rows(_recent_posts)]}


def _recent_posts(now):
    return Post.objects.published(now).values_list("title", "slug", "published_on")[:5]


@register.inclusion_tag("blog/widgets/monthly_archives.html")
def monthly_archives():
    """Each month with posts, as list items: a link to its archive ("March 2011") and its count.

    The items are made here, with Python's own escape, not by the template: five years of months, each
    a few template nodes, made this widget a sixth of an uncached page's time (and format_html_join,
    with its checks for lazy strings, still half that).
    """
    names = {number: escape(name) for number, name in MONTHS.items()}
    link = linker()
    items = "\n    ".join(
        f'<li><a href="{escape(link("blog:archive_month", f"{year:04d}", f"{month:02d}"))}">'
        f'{names[month]} {year}</a> <span class="count">({count})</span></li>'
        for year, month, count in published_months()
    )
    return {"months": mark_safe(items)}  # noqa: S308 (every text in it escaped above)


@register.inclusion_tag("blog/widgets/categories.html")
def category_list():
    """The categories with published posts: (address, name, depth in the tree, count of posts)."""
    link = linker()
    return {
        "categories": [
            (link("blog:category", path), name, Category.depth_of(path), count)
            for name, path, count in prepared.rows(_categories)
        ]
    }


def _categories(now):
    # Joined and grouped, not a subquery per category.
    published = Category.objects.filter(is_published("posts__", now)).annotate(count=Count("posts"))
    return published.values_list("name", "path", "count").order_by("path")


@register.inclusion_tag("blog/widgets/page_menu.html")
def page_menu():
    """The top-level published pages: (address, title) pairs."""
    link = linker()
    return {"pages": [(link("blog:page", path), title) for title, path in prepared.rows(_top_pages)]}


def _top_pages(now):
    return Page.objects.published(now).filter(parent=None).values_list("title", "path")


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The URL of page `number` of the current list: /page/N/ after the list's own path, query kept."""
    return paging.page_url(context["request"], number)


@register.filter(name="highlight")
def highlight_filter(html, terms):
    """Mark the search terms in a post's stored HTML."""
    return highlight(html, terms)


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The site's settings, even where a view put something else called `site` in the context (allauth)."""
    request = context.get("request")
    if request is None:  # the error pages render without a request, and perhaps without a database
        return context.get("site")
    return SiteSettings.for_request(request)
