"""The sitemap: published posts and pages, and the category and tag archives that list any of them.

Served by django.contrib.sitemaps' own view, which makes every URL absolute with the
request's scheme and host.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Concat

from blog.models import Category, Page, Post, Tag


class PostSitemap(Sitemap):
    def items(self):
        """Published posts; a password-protected one has nothing for a search engine to read."""
        return Post.objects.published().unprotected().only("slug", "published_on", "updated_at")

    def lastmod(self, post):
        return post.updated_at


class PageSitemap(Sitemap):
    def items(self):
        return Page.objects.published().unprotected().only("path", "updated_at")

    def lastmod(self, page):
        return page.updated_at


class ArchiveSitemap(Sitemap):
    """Archives holding at least one published post, dated by the last change to any of their posts."""

    model = None
    posts_in_archive = None  # a Q on Post, with OuterRef("…") standing for the archive

    def items(self):
        posts = Post.objects.published().filter(self.posts_in_archive).order_by("-updated_at")
        newest_change = Subquery(posts.values("updated_at")[:1])
        return self.model.objects.annotate(newest_change=newest_change).filter(newest_change__isnull=False)

    def lastmod(self, archive):
        return archive.newest_change


class CategorySitemap(ArchiveSitemap):
    """Categories whose archive lists posts, their subcategories' included."""

    model = Category
    posts_in_archive = Q(categories__path=OuterRef("path")) | Q(
        categories__path__startswith=Concat(OuterRef("path"), Value("/"))
    )


class TagSitemap(ArchiveSitemap):
    model = Tag
    posts_in_archive = Q(tags=OuterRef("pk"))


sitemaps = {"posts": PostSitemap, "pages": PageSitemap, "categories": CategorySitemap, "tags": TagSitemap}
