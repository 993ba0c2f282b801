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
