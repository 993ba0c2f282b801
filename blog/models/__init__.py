"""The blog's models, one module for each kind of content; imported here, where Django looks for them."""

from blog.media.models import GalleryItem, Image
from blog.models.entries import EDIT_OTHERS, Entry, EntryQuerySet, is_published
from blog.models.history import Autosave, LegacyURL, OldPermalink, Revision
from blog.models.pages import RESERVED_PAGE_SLUGS, Page
from blog.models.posts import (
    Post,
    PostQuerySet,
    new_preview_key,
    published_months,
    redate_posts,
    site_date,
    stale_summary_key,
)
from blog.models.site import DATE_FORMATS, TIME_ZONE_CHOICES, ContentGeneration, SiteSettings, validate_time_zone
from blog.models.taxonomy import Category, NestedPath, Tag

__all__ = [
    "DATE_FORMATS", "EDIT_OTHERS", "RESERVED_PAGE_SLUGS", "TIME_ZONE_CHOICES", "Autosave", "Category",
    "ContentGeneration", "Entry", "EntryQuerySet", "GalleryItem", "Image", "LegacyURL", "NestedPath", "OldPermalink",
    "Page", "Post", "PostQuerySet", "Revision", "SiteSettings", "Tag", "is_published", "new_preview_key",
    "published_months", "redate_posts", "site_date", "stale_summary_key", "validate_time_zone",
]  # fmt: skip
