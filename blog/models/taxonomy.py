"""Categories (a tree, each at its "parent/child" path) and tags."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from core.links import link


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
