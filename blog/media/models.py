"""The media library: uploaded images, their renditions, and the galleries posts show."""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone

from blog.media import renditions, storage
from blog.media.validation import clean_upload


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
    # Where an imported image came from: its address on the old site.
    source_url = models.URLField(max_length=500, blank=True)
    wp_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.title or self.alt_text or self.file.name

    def save(self, *args, **kwargs):
        """Save; a newly assigned file is first checked, stripped of its metadata and given its renditions.

        A file that fails the checks raises ValidationError and nothing is stored. A file
        that replaces another has the other's files removed once the change is committed.
        """
        if not self.file or self.file._committed:
            super().save(*args, **kwargs)
            return
        clean = clean_upload(self.file.file)
        replaced = self.stored_names_in_database()
        self.store(clean)
        try:
            super().save(*args, **kwargs)
        except BaseException:
            storage.delete(self.stored_names())
            raise
        storage.delete_on_commit(replaced)

    def store(self, clean):
        """Write the cleaned original and its renditions to storage."""
        self.file.save(clean.name, clean, save=False)
        self.width, self.height = clean.checked.image.size
        try:
            self.renditions = renditions.create(clean.checked.image, clean.checked.format, self.file.name)
        except BaseException:
            storage.delete([self.file.name])
            raise

    def stored_names(self):
        """Every file this image keeps in storage: the original and its renditions."""
        return [self.file.name, *renditions.names(self.renditions)]

    def stored_names_in_database(self):
        stored = Image.objects.filter(pk=self.pk).values("file", "renditions").first() if self.pk else None
        return [stored["file"], *renditions.names(stored["renditions"])] if stored else []


@receiver(post_delete, sender=Image, dispatch_uid="candid-image-files")
def delete_image_files(sender, instance, **kwargs):
    """A deleted image's files go too (also on bulk deletes, which skip Model.delete())."""
    storage.delete_on_commit(instance.stored_names())


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

    def get_absolute_url(self):
        """The image's full-size page within its post's gallery."""
        day = self.post.published_on or timezone.localdate()
        args = [day.year, f"{day.month:02d}", f"{day.day:02d}", self.post.slug, self.image_id]
        return reverse("media:gallery_image", args=args)


class Embed(models.Model):
    """What a video's or a social post's address on a line of its own shows, as its provider described it.

    Fetched once, at save time (blog/media/embeds.py), and kept: readers' pages never ask the provider.
    """

    url = models.URLField(max_length=500, unique=True)
    provider = models.CharField(max_length=50)
    kind = models.CharField(max_length=10)  # "video" or "post"
    title = models.CharField(max_length=300, blank=True)
    author_name = models.CharField(max_length=200, blank=True)
    author_url = models.URLField(max_length=500, blank=True)
    text = models.TextField(blank=True)  # a post's words, as plain text
    player_url = models.URLField(max_length=500, blank=True)
    thumbnail = models.CharField(max_length=300, blank=True)  # its copy in the media storage
    thumbnail_width = models.PositiveIntegerField(default=0)
    thumbnail_height = models.PositiveIntegerField(default=0)
    fetched_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.url
