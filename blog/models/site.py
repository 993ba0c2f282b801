"""The site's own rows: the owner's settings, and the count of changes readers can see."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from core.pagecache.generation import current_generation

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

    class Registration(models.TextChoices):
        OPEN = "open", "Anyone may register"
        SOCIAL = "social", "Only by logging in through a provider (Facebook, WordPress.com)"
        CLOSED = "closed", "No one may register"

    # Who may make an account (accounts/adapters.py); existing accounts may always log in.
    registration = models.CharField(
        "membership",
        max_length=6,
        choices=Registration.choices,
        default=Registration.OPEN,
        help_text="Closing it ends sign-up at /accounts/signup/ and, unless providers stay allowed, through "
        "providers too.",
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
    comment_registration = models.BooleanField(
        "only logged-in readers may comment",
        default=False,
        help_text="Guests see the comment form with a way to log in that keeps what they wrote. A post may say "
        "otherwise.",
    )
    comment_edit_minutes = models.PositiveSmallIntegerField(
        "minutes to edit a comment",
        default=10,
        validators=[MaxValueValidator(24 * 60)],
        help_text="Commenters may edit or delete their own comment for this many minutes after posting it, from "
        "the same browser or logged in to the account that posted it; 0: never.",
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
    moderation_terms = models.TextField(
        blank=True,
        verbose_name="Comment moderation",
        help_text="One word, e-mail address or IP address per line; comments matching any are held for approval.",
    )
    disallowed_terms = models.TextField(
        blank=True,
        verbose_name="Disallowed comment keys",
        help_text="One word, e-mail address or IP address per line; comments matching any go straight to the "
        "trash: kept for the record, never shown and never e-mailed about.",
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
        # Posts' permalink dates follow (config/invalidation.py).
        self.time_zone_changed = bool(before) and before != self.time_zone
        super().save(*args, **kwargs)

    @classmethod
    def for_request(cls, request):
        """Return the settings, read at most once per request."""
        if not hasattr(request, "_site_settings"):
            request._site_settings = cls.load()
        return request._site_settings

    @classmethod
    def load(cls):
        """The settings row; with a cache all processes share, kept there for the current content generation
        (which every save of the settings moves on, see core/pagecache/generation.py): no query, never stale."""
        generation = current_generation() if settings.SHARED_CACHE else None
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
    keeps it, so that a change made while the shared cache was away still reaches it (core/pagecache/generation.py)."""

    changes = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.changes} changes"
