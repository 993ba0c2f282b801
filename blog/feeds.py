"""RSS 2.0 and Atom feeds of posts: the whole site's, a category's, a tag's and an author's.

Each feed is an RSS class with an Atom subclass that only swaps `feed_type`; blog/feed_urls.py
routes `…/feed/` to the first and `…/feed/atom/` to the second.
"""

import copy
import datetime
import html

from django.contrib.auth import get_user_model
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html

from blog.models import Category, Post, SiteSettings, Tag
from blog.reading import date_or_404

PROTECTED_NOTICE = "There is no excerpt because this is a protected post."


class RssWithContent(Rss201rev2Feed):
    """RSS 2.0 whose items may carry their whole HTML in `content:encoded`, as WordPress's feeds do."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": "http://purl.org/rss/1.0/modules/content/"}

    def add_root_elements(self, handler):
        super().add_root_elements(TitleWriter(handler, rss_title))

    def add_item_elements(self, handler, item):
        super().add_item_elements(TitleWriter(handler, rss_title), item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(Atom1Feed):
    """Atom 1.0 whose entries may carry their whole HTML in `<content>` beside the `<summary>`."""

    def add_root_elements(self, handler):
        super().add_root_elements(TitleWriter(handler, atom_title))

    def add_item_elements(self, handler, item):
        super().add_item_elements(TitleWriter(handler, atom_title), item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


# Titles are plain text here, and hold what anyone may type (a post's title, a commenter's name), but many
# feed readers take a title for HTML: as WordPress's feeds do, titles go out so that no reader finds markup
# in them. RSS cannot say what a title holds, so only what could open or close a tag is escaped once more
# ("&amp;lt;b&amp;gt;"), and a reader that takes it for text still shows "Salt & Pepper" as it is; Atom can
# say, so its titles are HTML, escaped as such.


def rss_title(text):
    return text.replace("<", "&lt;").replace(">", "&gt;"), {}


def atom_title(text):
    return html.escape(text, quote=False), {"type": "html"}


class TitleWriter:
    """The XML writer a feed is written with, writing each `<title>` through `write(text)` → (text, attributes)."""

    def __init__(self, handler, write):
        self.handler, self.write = handler, write

    def __getattr__(self, name):
        return getattr(self.handler, name)

    def addQuickElement(self, name, contents=None, attrs=None):
        if name == "title":
            contents, extra = self.write(contents)
            attrs = {**(attrs or {}), **extra}
        self.handler.addQuickElement(name, contents, attrs)


class SiteFeed(Feed):
    """What every Candid feed shares: the site's settings and tagline, and one instance per request."""

    feed_type = RssWithContent

    def __call__(self, request, *args, **kwargs):
        # Django serves one Feed instance to every request and thread, and the item hooks
        # receive only the item: what they need from this request goes on a copy of our own.
        feed = copy.copy(self)
        feed.request = request
        feed.site = SiteSettings.for_request(request)
        return super(SiteFeed, feed).__call__(request, *args, **kwargs)

    def title_for(self, name):
        """Return the feed title of the archive called `name`: "Site » Name"."""
        return f"{self.site.title} » {name}"

    def description(self):
        return self.site.tagline

    def subtitle(self):
        """Atom's name for the RSS channel description."""
        return self.site.tagline


class PostFeed(SiteFeed):
    """The site's newest published posts; subclasses narrow `get_queryset()` to one archive."""

    limit = 10

    def get_queryset(self, obj):
        """Return the posts this feed draws from, newest first."""
        return Post.objects.published()

    def items(self, obj):
        return self.get_queryset(obj).for_listing().prefetch_related("tags")[: self.limit]

    def title(self):
        return self.site.title

    def link(self):
        return reverse("blog:home")

    def item_title(self, post):
        """The title as plain text (Django's default escapes it): the feed writers escape titles their own way."""
        return post.title

    def item_description(self, post):
        """The excerpt and its "Continue reading" link; never a word of a protected post."""
        if post.is_protected:
            return PROTECTED_NOTICE
        if not post.has_more:
            return post.excerpt_html
        url = self.request.build_absolute_uri(post.get_absolute_url())
        more = format_html('<p><a href="{}">Continue reading “{}” »</a></p>', url, post.title)
        return f"{post.excerpt_html}\n{more}"

    def item_extra_kwargs(self, post):
        """The whole post as `content`, when the site sends full text and the post has no password."""
        if post.is_protected or not self.site.feed_full_text:
            return {}
        return {"content": "\n".join(post.pages)}

    def item_author_name(self, post):
        return post.author.public_name

    def item_categories(self, post):
        return [category.name for category in post.categories.all()] + [tag.name for tag in post.tags.all()]

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at


class PostAtomFeed(PostFeed):
    feed_type = AtomWithContent


class CategoryFeed(PostFeed):
    """A category's posts, its subcategories' included, like its archive page."""

    def get_object(self, request, path):
        return get_object_or_404(Category, path=path)

    def get_queryset(self, category):
        return super().get_queryset(category).in_category(category)

    def title(self, category):
        return self.title_for(category.name)

    def link(self, category):
        return category.get_absolute_url()


class CategoryAtomFeed(CategoryFeed):
    feed_type = AtomWithContent


class DateArchiveFeed(PostFeed):
    """A year's, a month's or a day's posts, like the date archive it belongs to."""

    def get_object(self, request, year, month=None, day=None):
        start = date_or_404(year, month or 1, day or 1)
        if day:
            return start, start + datetime.timedelta(days=1), reverse("blog:archive_day", args=[year, month, day])
        if month:
            end = (start + datetime.timedelta(days=32)).replace(day=1)
            return start, end, reverse("blog:archive_month", args=[year, month])
        return start, start.replace(year=start.year + 1), reverse("blog:archive_year", args=[year])

    def get_queryset(self, period):
        start, end, _ = period
        return super().get_queryset(period).filter(published_on__gte=start, published_on__lt=end)

    def title(self, period):
        start, end, _ = period
        length = (end - start).days
        label = date_format(start, "F jS, Y" if length == 1 else "F Y" if length < 32 else "Y")
        return self.title_for(label)

    def link(self, period):
        return period[2]


class DateArchiveAtomFeed(DateArchiveFeed):
    feed_type = AtomWithContent


class TagFeed(PostFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def get_queryset(self, tag):
        return super().get_queryset(tag).filter(tags=tag)

    def title(self, tag):
        return self.title_for(tag.name)

    def link(self, tag):
        return tag.get_absolute_url()


class TagAtomFeed(TagFeed):
    feed_type = AtomWithContent


class AuthorFeed(PostFeed):
    def get_object(self, request, username):
        return get_object_or_404(get_user_model(), username=username)

    def get_queryset(self, author):
        return super().get_queryset(author).filter(author=author)

    def title(self, author):
        return self.title_for(author.public_name)

    def link(self, author):
        return author.get_absolute_url()


class AuthorAtomFeed(AuthorFeed):
    feed_type = AtomWithContent
