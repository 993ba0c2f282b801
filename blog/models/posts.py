"""Posts: dated, filed under categories and tags, listed by their stored summaries, open to comments."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from blog.media.embeds import expand_embeds
from blog.media.shortcodes import expand_shortcodes
from blog.models.entries import EDIT_OTHERS, Entry, EntryQuerySet
from blog.models.history import OldPermalink
from blog.models.site import SiteSettings
from blog.models.taxonomy import Category, Tag
from blog.rendering import markup
from core import prepared
from core.links import link


class PostQuerySet(EntryQuerySet):
    def for_listing(self):
        return self.select_related("author", "featured_image").prefetch_related("categories")

    def excerpts(self):
        """For rendering excerpts: what for_listing() gives, less the bodies (some pages of text each)."""
        return self.for_listing().defer("body", "body_html", "summary_html")

    def summaries(self):
        """For lists of excerpts: each post's stored summary and its key, and nothing else (blog/summaries.py)."""
        return self.only("summary_html", "summary_key")

    def in_category(self, category):
        """Posts filed under `category` or any of its subcategories."""
        # A subquery, not a join: a join repeats a post filed under two of them, and DISTINCT over whole
        # posts (and the paginator's count of that) cost PostgreSQL more than the rest of the page's queries.
        in_tree = Q(category__path=category.path) | Q(category__path__startswith=category.path + "/")
        filed = Post.categories.through.objects.filter(in_tree, post=OuterRef("pk"))
        return self.filter(Exists(filed))


def published_months():
    """(year, month, count of posts) for each month with published posts, newest first."""
    return prepared.rows(_published_months)


def _published_months(now):
    return (
        Post.objects.published(now)
        .values_list("published_on__year", "published_on__month")  # numbers: no dates to build and convert
        .annotate(count=Count("pk"))
        .order_by("-published_on__year", "-published_on__month")
    )


def new_preview_key():
    return secrets.token_urlsafe(16)


def stale_summary_key():
    """A key no rendering has: marks a post's stored summary out of date, distinctly from any earlier mark
    (blog/summaries.py stores a summary only if the mark it read is still there)."""
    return "stale:" + secrets.token_hex(8)


class Post(Entry):
    class WhoMayComment(models.TextChoices):
        SITE = "", "As the site's discussion settings say"
        ANYONE = "anyone", "Anyone, guests included"
        REGISTERED = "registered", "Only logged-in readers"

    class CommentStatus(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts")
    excerpt = models.TextField(blank=True, help_text="Shown on lists instead of the text before the more-marker.")
    excerpt_html = models.TextField(blank=True, editable=False)
    has_more = models.BooleanField(default=False, editable=False)
    # Kept by blog/media/models.py as gallery items come and go: a post without one asks for none.
    has_gallery = models.BooleanField(default=False, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    # The publication date in the site's time zone: permalinks and date archives query it
    # directly, with no time-zone conversion in SQL (which MySQL cannot do without its zone tables).
    published_on = models.DateField(null=True, editable=False, db_index=True)
    sticky = models.BooleanField(default=False, help_text="Keep at the top of the home page.")
    comment_status = models.CharField(max_length=6, choices=CommentStatus.choices, default=CommentStatus.OPEN)
    who_may_comment = models.CharField(
        max_length=10, blank=True, choices=WhoMayComment.choices, default=WhoMayComment.SITE
    )
    description = models.CharField(
        max_length=300, blank=True, help_text="For search engines and link previews; the excerpt if empty."
    )
    # Part of the post's preview link; changing it revokes the link.
    preview_key = models.CharField(max_length=32, default=new_preview_key, editable=False)
    featured_image = models.ForeignKey(
        "blog.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="featured_in"
    )
    # The post as lists show it, and the key of what it was rendered with (blog/summaries.py).
    summary_html = models.TextField(blank=True, editable=False)
    summary_key = models.CharField(max_length=40, blank=True, editable=False)
    categories = models.ManyToManyField(Category, blank=True, related_name="posts")
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")

    objects = PostQuerySet.as_manager()
    RENDERED_FIELDS = ("body_html", "excerpt_html", "summary_key")

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        constraints = [
            models.UniqueConstraint(fields=["published_on", "slug"], name="post_slug_unique_per_day"),
        ]
        permissions = [
            (f"{EDIT_OTHERS}_posts", "Can open and edit other authors' posts"),
            ("publish_posts", "Can publish and schedule posts"),
        ]

    def save(self, *args, **kwargs):
        before = Post.objects.filter(pk=self.pk).values("published_on", "slug").first() if self.pk else None
        super().save(*args, **kwargs)
        if before and before["published_on"] and before != {"published_on": self.published_on, "slug": self.slug}:
            OldPermalink.objects.update_or_create(**before, defaults={"post": self})
        OldPermalink.objects.filter(published_on=self.published_on, slug=self.slug).delete()

    def get_absolute_url(self):
        return self.permalink(self.published_on or timezone.localdate(), self.slug)

    @staticmethod
    def permalink(day, slug, link=link):
        """The address of the post of `day` called `slug` (with `link`, a linker() for many)."""
        return link("blog:post_detail", day.year, f"{day.month:02d}", f"{day.day:02d}", slug)

    def comments_need_login(self, site):
        """Only logged-in readers may comment: the post says so, or leaves it to the site, which does."""
        if self.who_may_comment:
            return self.who_may_comment == self.WhoMayComment.REGISTERED
        return site.comment_registration

    def accepts_comments(self, site):
        """Open to new comments: not closed by hand, nor older than the site's auto-close age."""
        if self.comment_status != self.CommentStatus.OPEN:
            return False
        closes_at = self.comments_close_at(site)
        return closes_at is None or timezone.now() < closes_at

    def comments_close_at(self, site):
        """When the site's auto-close age closes this post to comments, or None."""
        if site.comments_close_after is None or self.published_at is None:
            return None
        return self.published_at + site.comments_close_after

    def render(self):
        rendered = markup.render(self.body, self.format, self.excerpt)
        self.images_rendered = set()
        embeds = {}  # each address looked up once for both
        self.body_html = expand_embeds(expand_shortcodes(rendered.html, self, self.images_rendered), embeds)
        self.excerpt_html = expand_embeds(expand_shortcodes(rendered.teaser, self, self.images_rendered), embeds)
        self.has_more = rendered.has_more
        self.reading_minutes = rendered.reading_minutes
        self.summary_key = stale_summary_key()
        return rendered

    def prepare(self):
        super().prepare()
        self.published_on = site_date(self.published_at) if self.published_at else None
        # Read afresh: this instance may predate a gallery item added since (it would save a stale False).
        self.has_gallery = self.pk is not None and self.gallery_items.exists()
        self.slug = self._unique_slug()

    def _unique_slug(self):
        """WordPress's rule: a clashing slug on the same day gets -2, -3, …"""
        if self.published_on is None:
            return self.slug
        longest = Post._meta.get_field("slug").max_length  # a suffix shortens a long slug to fit
        same_day = Post.objects.filter(published_on=self.published_on).exclude(pk=self.pk)
        taken = set(same_day.filter(slug__startswith=self.slug[: longest - 10]).values_list("slug", flat=True))
        slug, n = self.slug, 2
        while slug in taken:
            suffix = f"-{n}"
            slug, n = self.slug[: longest - len(suffix)] + suffix, n + 1
        return slug


def site_date(moment, tzinfo=None):
    """The calendar date of `moment` in the site's time zone: the date in its permalink."""
    return timezone.localdate(moment, tzinfo or SiteSettings.load().tzinfo)


def redate_posts(tzinfo):
    """Recompute every post's permalink date after the site's time zone changed."""
    posts = list(Post.objects.exclude(published_at=None).only("pk", "published_at", "published_on"))
    for post in posts:
        post.published_on = site_date(post.published_at, tzinfo)
    Post.objects.bulk_update(posts, ["published_on"], batch_size=500)
