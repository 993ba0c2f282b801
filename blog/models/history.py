"""What the blog was: posts' former addresses and texts, and addresses from before the move to Candid."""

from django.conf import settings
from django.db import models


class OldPermalink(models.Model):
    """A post's former date and slug, so that links to it keep working (301) after a rename."""

    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE, related_name="old_permalinks")
    published_on = models.DateField()
    slug = models.SlugField(max_length=200, allow_unicode=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["published_on", "slug"], name="old_permalink_unique")]

    def __str__(self):
        return f"{self.published_on:%Y/%m/%d}/{self.slug}/ → {self.post}"


class LegacyURL(models.Model):
    """An address the blog had before (on WordPress, say) and what now stands there: answered with a 301."""

    path = models.CharField(max_length=500, unique=True)
    post = models.ForeignKey("blog.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("blog.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    image = models.ForeignKey("blog.Image", null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "legacy URL"

    def __str__(self):
        return self.path

    @property
    def target(self):
        """The object this old address now leads to."""
        return self.post or self.page or self.image

    def target_url(self):
        if self.image_id:
            return self.image.file.url if self.image.file else self.image.source_url
        return self.target.get_absolute_url()


class Revision(models.Model):
    """A post as it was before one of its saves: its title, excerpt and body."""

    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=200)
    excerpt = models.TextField(blank=True)
    body = models.TextField(blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.post} as of {self.created_at:%Y-%m-%d %H:%M}"


class Autosave(models.Model):
    """What a writer had typed in one tab of a post's or page's form, kept as they type (blog/authoring/autosaves.py).

    One per writer, entry and tab, so that two tabs never overwrite each other's words; none is a save of the entry.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    entry_type = models.CharField(max_length=10)  # "post" or "page"
    entry_id = models.PositiveBigIntegerField(null=True, blank=True)  # None: an entry not saved yet
    tab = models.CharField(max_length=32)
    title = models.CharField(max_length=200, blank=True)
    excerpt = models.TextField(blank=True)
    body = models.TextField(blank=True)
    format = models.CharField(max_length=10)
    saved_at = models.DateTimeField()

    class Meta:
        ordering = ["-saved_at", "-pk"]
        indexes = [models.Index(fields=["user", "entry_type", "entry_id"], name="autosave_lookup")]

    def __str__(self):
        return f"Autosave of {self.entry_type} {self.entry_id or '(new)'} by {self.user_id} at {self.saved_at}"
