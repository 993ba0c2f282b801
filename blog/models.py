import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify

from blog import markup, prepared
from blog.links import link
from blog.markup import ContentFormat
from blog.sanitizer import without_control_characters

DATE_FORMATS = [
    ("F jS, Y", "March 28th, 2011"),
    ("j F Y", "28 March 2011"),
    ("Y-m-d", "2011-03-28"),
    ("m/d/Y", "03/28/2011"),
    ("d/m/Y", "28/03/2011"),
]
TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


def validate_time_zone(name):
    if name not in zoneinfo.available_timezones():
        raise ValidationError(f"“{name}” is not a time zone name; use one like Europe/Lisbon or America/Chicago.")


class SiteSettings(models.Model):
    """The site owner's settings page: identity, reading and discussion options; one row."""

    title = models.CharField(max_length=100, default="Candid")
    tagline = models.CharField(max_length=200, blank=True, default="Just another Candid blog")
    time_zone = models.CharField(
        max_length=64,
        validators=[validate_time_zone],
        default=settings.TIME_ZONE,
        help_text="Dates in permalinks and archives are in this zone. Changing it re-dates the permalinks.",
    )
    date_format = models.CharField(max_length=20, choices=DATE_FORMATS, default=DATE_FORMATS[0][0])
    posts_per_page = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    feed_full_text = models.BooleanField(
        "full text in feeds", default=True, help_text="Send whole posts in feeds; otherwise only their excerpts."
    )
    # Discussion: the defaults and rules the comments app applies.
    comments_open_by_default = models.BooleanField(default=True, help_text="New posts accept comments.")
    close_comments_after_days = models.PositiveSmallIntegerField(
        default=0, help_text="Close comments on posts older than this many days; 0 keeps them open."
    )
    thread_depth = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="How deep replies nest; a deeper reply joins its deepest allowed ancestor.",
    )
    comments_per_page = models.PositiveSmallIntegerField(
        default=50, help_text="Top-level threads per page of comments; 0 shows them all on one page."
    )
    require_name_email = models.BooleanField(
        default=True, help_text="Guests must give a name and an e-mail address; otherwise they may stay anonymous."
    )
    comment_flood_seconds = models.PositiveSmallIntegerField(
        default=15, help_text="Refuse a second comment from the same person or address within this many seconds."
    )
    hold_all_comments = models.BooleanField(default=False, help_text="Every comment waits for approval.")
    hold_first_comments = models.BooleanField(
        default=True, help_text="Hold comments from people with no previously approved comment."
    )
    hold_after_links = models.PositiveSmallIntegerField(
        default=2, help_text="Hold a comment with more than this many links."
    )
    disallowed_terms = models.TextField(
        blank=True, help_text="One word, e-mail address or IP address per line; comments matching any are held."
    )
    spam_filter_threshold = models.FloatField(
        default=0.9,
        validators=[MinValueValidator(0.5), MaxValueValidator(1.0)],
        help_text="Hold a comment when the learning spam filter rates it at least this likely to be spam (0.5-1).",
    )
    notify_authors = models.BooleanField(
        default=True, help_text="E-mail a post's author about each new comment and each one awaiting moderation."
    )
    allow_reply_notifications = models.BooleanField(
        default=True, help_text="Offer commenters e-mail when someone replies to them (they confirm by e-mail)."
    )
    show_gravatars = models.BooleanField(
        default=False,
        help_text="Show guests' Gravatar pictures (or a pattern Gravatar draws from their address). Readers' "
        "browsers then ask gravatar.com for them, which tells Gravatar who reads the page; a scrambled form of "
        "each guest's e-mail address appears in the page. Off: an identicon drawn here.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "site settings"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.pk = 1
        before = SiteSettings.objects.filter(pk=1).values_list("time_zone", flat=True).first()
        super().save(*args, **kwargs)
        if before and before != self.time_zone:
            redate_posts(self.tzinfo)

    @classmethod
    def for_request(cls, request):
        """Return the settings, read at most once per request."""
        if not hasattr(request, "_site_settings"):
            request._site_settings = cls.load()
        return request._site_settings

    @classmethod
    def load(cls):
        """The settings row; with a cache all processes share, kept there for the current content generation
        (which every save of the settings moves on, see blog/caching.py): no query, never stale."""
        from blog import caching

        generation = caching.current_generation() if settings.SHARED_CACHE else None
        if generation is None:
            return cls.objects.get_or_create(pk=1)[0]
        key = f"candid:site-settings:{generation}"
        site = cache.get(key)
        if site is None:
            site = cls.objects.get_or_create(pk=1)[0]
            cache.set(key, site, timeout=settings.PAGE_CACHE_SECONDS or 600)
        return site

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def comments_close_after(self):
        """How long after publication posts stay open to comments, or None for ever."""
        return datetime.timedelta(days=self.close_comments_after_days) if self.close_comments_after_days else None


class ContentGeneration(models.Model):
    """How many changes readers can see there have been: the page cache's content generation as the database
    keeps it, so that a change made while the shared cache was away still reaches it (blog/caching.py)."""

    changes = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.changes} changes"


class NestedPath(models.Model):
    """A slug under an optional parent, with its "parent/child" URL path stored for one indexed lookup."""

    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    path = models.CharField(max_length=255, unique=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(str(self), allow_unicode=True)[:100] or "untitled"
        old_path = self.path
        self.path = self.computed_path()
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            for child in self.children.all():
                child.save()

    @property
    def depth(self):
        return self.depth_of(self.path)

    @staticmethod
    def depth_of(path):
        """How deep the category at `path` sits in the tree: 0 at the top."""
        return path.count("/")

    def computed_path(self):
        return f"{self.parent.path}/{self.slug}" if self.parent else self.slug

    def clean(self):
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": "It cannot be placed under itself or one of its own children."})
            ancestor = ancestor.parent
        self.slug = self.slug or slugify(str(self), allow_unicode=True)[:100]
        if type(self).objects.filter(path=self.computed_path()).exclude(pk=self.pk).exists():
            raise ValidationError({"slug": f"Another one already has the address “{self.computed_path()}/”."})


class Category(NestedPath):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, allow_unicode=True, blank=True)
    description = models.TextField(blank=True)
    wp_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name_plural = "categories"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return link("blog:category", self.path)


class Tag(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)
    wp_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name, allow_unicode=True)[:100]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return link("blog:tag", self.slug)

    def clean(self):
        super().clean()
        self.slug = self.slug or slugify(self.name, allow_unicode=True)[:100]
        if Tag.objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
            raise ValidationError({"slug": f"Another tag already has the address “/tag/{self.slug}/”; choose another."})


# The permission that lets an editor open and change other authors' entries ("edit_others_posts").
EDIT_OTHERS = "edit_others"


def is_published(related="", now=None):
    """The one rule for what readers see: published, or scheduled and whose time has come (by `now`).

    `related` ("posts__") applies it across a relation, as a join rather than a subquery.
    """
    statuses = [Entry.Status.PUBLISHED, Entry.Status.SCHEDULED]
    return Q(**{f"{related}status__in": statuses, f"{related}published_at__lte": now or timezone.now()})


class EntryQuerySet(models.QuerySet):
    def published(self, now=None):
        return self.filter(is_published(now=now))

    def unprotected(self):
        """Entries without a password: their text (and a post's discussion) may appear anywhere."""
        return self.filter(password="")

    def visible_to(self, user):
        """What `user` may open: what is published, plus private entries they wrote or may edit."""
        if not user.is_authenticated:
            return self.published()
        private = Q(status=Entry.Status.PRIVATE)
        if not user.has_perm(f"{self.model._meta.app_label}.{EDIT_OTHERS}_{self.model._meta.model_name}s"):
            private &= Q(author=user)
        return self.filter(is_published() | private)


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


class Entry(models.Model):
    """What posts and pages share: a titled, authored body rendered once, at save time."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PENDING = "pending", "Pending review"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"
        PRIVATE = "private", "Private"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    format = models.CharField(max_length=10, choices=ContentFormat.choices, default=ContentFormat.MARKDOWN)
    body = models.TextField(blank=True)
    body_html = models.TextField(blank=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    password = models.CharField(max_length=100, blank=True)
    wp_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.prepare()
        self.render()
        super().save(*args, **kwargs)

    @property
    def pages(self):
        return self.body_html.split(markup.PAGE_SEPARATOR)

    @property
    def is_protected(self):
        """Password-protected: its text shows only to readers who gave the password, never in lists or feeds."""
        return bool(self.password)

    def render(self):
        """Store the rendered body, its image and gallery shortcodes expanded; subclasses keep more."""
        rendered = markup.render(self.body, self.format)
        self.body_html = expand_shortcodes(rendered.html, self)
        return rendered

    def prepare(self):
        """Fill the fields derived from the others; called by save() before rendering."""
        self.title = without_control_characters(self.title)
        # Leave room for a "-2" suffix on clashing slugs.
        self.slug = self.slug or slugify(self.title, allow_unicode=True)[:190] or "untitled"
        if self.published_at is None and self.status in (self.Status.PUBLISHED, self.Status.PRIVATE):
            self.published_at = timezone.now()


def new_preview_key():
    return secrets.token_urlsafe(16)


def stale_summary_key():
    """A key no rendering has: marks a post's stored summary out of date, distinctly from any earlier mark
    (blog/summaries.py stores a summary only if the mark it read is still there)."""
    return "stale:" + secrets.token_hex(8)


class Post(Entry):
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
        self.body_html = expand_shortcodes(rendered.html, self)
        self.excerpt_html = expand_shortcodes(rendered.teaser, self)
        self.has_more = rendered.has_more
        self.reading_minutes = rendered.reading_minutes
        self.summary_key = stale_summary_key()
        return rendered

    def render_again(self):
        """Render and store the text once more, without saving the rest: its images or gallery changed."""
        self.render()
        Post.objects.filter(pk=self.pk).update(
            body_html=self.body_html, excerpt_html=self.excerpt_html, summary_key=self.summary_key
        )

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


# First parts of URLs that belong to the blog itself, so no top-level page can take them.
RESERVED_PAGE_SLUGS = {
    "accounts", "admin", "author", "category", "comments", "feed", "healthz", "media", "page", "people", "preview",
    "static", "tag",
}  # fmt: skip


def site_date(moment, tzinfo=None):
    """The calendar date of `moment` in the site's time zone: the date in its permalink."""
    return timezone.localdate(moment, tzinfo or SiteSettings.load().tzinfo)


def redate_posts(tzinfo):
    """Recompute every post's permalink date after the site's time zone changed."""
    posts = list(Post.objects.exclude(published_at=None).only("pk", "published_at", "published_on"))
    for post in posts:
        post.published_on = site_date(post.published_at, tzinfo)
    Post.objects.bulk_update(posts, ["published_on"], batch_size=500)


class Page(NestedPath, Entry):
    """A static page (About, Contact…), at /SLUG/ or nested at /PARENT/CHILD/."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="pages")
    menu_order = models.IntegerField(default=0, help_text="Pages are listed in the menu by this number, then title.")

    class Meta:
        ordering = ["menu_order", "title"]
        permissions = [
            (f"{EDIT_OTHERS}_pages", "Can open and edit other authors' pages"),
            ("publish_pages", "Can publish pages"),
        ]

    def get_absolute_url(self):
        return link("blog:page", self.path)

    def clean(self):
        self.slug = self.slug or slugify(self.title, allow_unicode=True)[:100]
        if self.parent_id is None and (self.slug in RESERVED_PAGE_SLUGS or self.slug.isdigit()):
            raise ValidationError({"slug": f"“{self.slug}” is used by the blog's own addresses; choose another."})
        super().clean()


# Models kept in modules of their own, registered with the blog app here.
from blog.history import LegacyURL, OldPermalink, Revision  # noqa: E402, F401
from blog.media.models import GalleryItem, Image  # noqa: E402, F401
from blog.media.shortcodes import expand_shortcodes  # noqa: E402
