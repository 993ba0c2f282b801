"""The media library in the admin: uploading images, and placing them in a post's gallery."""

import logging

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import path
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from blog.media import picker
from blog.media.forms import ImageForm
from blog.media.library import may_alter
from blog.media.models import GalleryItem, Image
from blog.media.renditions import url
from blog.media.widgets import ImageChoiceWidget

logger = logging.getLogger(__name__)

PREVIEW_SIDE = 64  # pixels: the changelist's thumbnail, scaled down from the 150 × 150 rendition


def thumbnail(image, side=PREVIEW_SIDE):
    """A small square preview of `image`; its alt text is empty because the row already shows it."""
    rendition = image.renditions.get("thumbnail") if image else None
    if not rendition:
        return "—"
    return format_html('<img src="{}" width="{}" height="{}" alt="">', url(rendition["original"]), side, side)


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["preview", "__str__", "alt_text", "dimensions", "uploaded_by", "uploaded_at"]
    list_display_links = ["preview", "__str__"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "alt_text", "caption", "file"]
    date_hierarchy = "uploaded_at"
    fields = ["file", "large_preview", "alt_text", "title", "caption", "dimensions", "uploaded_by", "uploaded_at"]
    readonly_fields = ["large_preview", "dimensions", "uploaded_by", "uploaded_at"]

    @admin.display(description="Preview")
    def preview(self, image):
        return thumbnail(image)

    @admin.display(description="Preview")
    def large_preview(self, image):
        return thumbnail(image, side=150)

    @admin.display(description="Size", ordering="width")
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.width else "—"

    def has_change_permission(self, request, obj=None):
        """Every image stays open to view (the post form picks from the library); only `may_alter()` ones change."""
        return super().has_change_permission(request, obj) and (obj is None or may_alter(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        """Only images `may_alter()` allows; the bulk delete action asks this for each selected image too."""
        return super().has_delete_permission(request, obj) and (obj is None or may_alter(request.user, obj))

    def get_urls(self):
        own = [
            path("picker/", self.admin_site.admin_view(lambda request: picker.picker_view(self, request)),
                 name="blog_image_picker"),
            path("upload/", self.admin_site.admin_view(require_POST(lambda request: picker.upload_view(self, request))),
                 name="blog_image_upload"),
            path("<int:pk>/describe/",
                 self.admin_site.admin_view(require_POST(lambda request, pk: picker.describe_view(self, request, pk))),
                 name="blog_image_describe"),
        ]  # fmt: skip
        return own + super().get_urls()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A storage failure (full disk, unwritable media folder) is told to the blogger, not a server error."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError as exc:
            logger.error("Could not store an uploaded image: %s", exc)
            self.message_user(
                request,
                f"The image could not be stored ({exc.strerror or exc}): the server's disk may be full or its media "
                "folder not writable. Nothing was saved; please tell the site owner, then try again.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())


class GalleryItemInline(admin.TabularInline):
    """The post's gallery, in the post's form: images chosen in the picker, in the order of their rows."""

    model = GalleryItem
    fields = ["position", "image", "preview"]
    readonly_fields = ["preview"]
    raw_id_fields = ["image"]
    ordering = ["position", "pk"]
    extra = 1
    verbose_name = "gallery image"
    verbose_name_plural = "gallery"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")

    @admin.display(description="Preview")
    def preview(self, item):
        return thumbnail(item.image if item.image_id else None)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "image":
            kwargs["widget"] = ImageChoiceWidget(preview=False, noun="gallery image")  # the row's preview shows it
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        labels = {"position": "Position in the gallery", "image": "Image number"}
        if field is not None and db_field.name in labels:
            field.widget.attrs["aria-label"] = labels[db_field.name]  # a table cell has no <label>
        return field
