"""The media library: uploaded images, their renditions, and the galleries posts show."""

from django.conf import settings
from django.db import models


class Image(models.Model):
    file = models.ImageField(upload_to="images/%Y/%m/", width_field="width", height_field="height")
    alt_text = models.CharField(
        max_length=250, help_text="What the image shows, for readers who cannot see it. Required."
    )
    caption = models.TextField(blank=True)
    title = models.CharField(max_length=200, blank=True)
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    # {"thumbnail": {"width": 150, "height": 150, "original": "path.jpg", "webp": "path.webp"}, ...}
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="images"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # Where an imported image came from, when its file could not be brought along.
    source_url = models.URLField(max_length=500, blank=True)
    wp_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.title or self.alt_text or self.file.name


class GalleryItem(models.Model):
    """One image in a post's gallery, in its place."""

    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE, related_name="gallery_items")
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="gallery_items")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["post", "image"], name="gallery_image_once_per_post")]

    def __str__(self):
        return f"{self.image} in {self.post}"
