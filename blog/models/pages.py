"""Static pages (About, Contact…), at /SLUG/ or nested at /PARENT/CHILD/."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from blog.models.entries import EDIT_OTHERS, Entry
from blog.models.taxonomy import NestedPath
from core.links import link

# First parts of URLs that belong to the blog itself, so no top-level page can take them.
RESERVED_PAGE_SLUGS = {
    "accounts", "admin", "author", "category", "comments", "feed", "healthz", "media", "page", "people", "preview",
    "static", "tag",
}  # fmt: skip


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
