"""What posts and pages share: the one rule for what readers see, and a body rendered once, at save time."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from blog.media.embeds import expand_embeds
from blog.media.shortcodes import expand_shortcodes
from blog.rendering import markup
from blog.rendering.markup import ContentFormat
from core.sanitizer import without_control_characters

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
    # The images its stored HTML shows (its shortcodes' and its gallery's): changing one renders it again
    # (config/invalidation.py).
    shown_images = models.ManyToManyField("blog.Image", blank=True, editable=False, related_name="+")

    objects = EntryQuerySet.as_manager()
    # What render() stores, that render_again() writes without saving the rest.
    RENDERED_FIELDS = ("body_html",)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.prepare()
        self.render()
        super().save(*args, **kwargs)
        self.shown_images.set(self.images_rendered)

    def render_again(self):
        """Render and store the text once more, without saving the rest: its images or gallery changed."""
        self.render()
        type(self).objects.filter(pk=self.pk).update(**{name: getattr(self, name) for name in self.RENDERED_FIELDS})
        self.shown_images.set(self.images_rendered)

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
        self.images_rendered = set()
        self.body_html = expand_embeds(expand_shortcodes(rendered.html, self, self.images_rendered))
        return rendered

    def prepare(self):
        """Fill the fields derived from the others; called by save() before rendering."""
        self.title = without_control_characters(self.title)
        # Leave room for a "-2" suffix on clashing slugs.
        self.slug = self.slug or slugify(self.title, allow_unicode=True)[:190] or "untitled"
        if self.published_at is None and self.status in (self.Status.PUBLISHED, self.Status.PRIVATE):
            self.published_at = timezone.now()
