"""Choosing and uploading images where the writer is: the picker window and the editor's upload.

The picker (`admin/blog/image/picker/`) opens from the editor's "Insert figure" dialog, the featured image
and the gallery. It shows the library's thumbnails, newest first, with a search and an upload form, and
hands the chosen images back to the window that opened it (static/js/image-picker.js). The upload view takes
the images dropped or pasted into the editor, through the same checks as the library's own form.
"""

import json
import logging

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from blog.media.forms import ImageForm
from blog.media.library import choice
from blog.media.models import Image

logger = logging.getLogger(__name__)

PER_PAGE = 30
MODES = {"single", "multiple"}
STORAGE_FAILED = (
    "The image could not be stored: the server's disk may be full or its media folder not writable. "
    "Nothing was saved; please tell the site owner, then try again."
)


class DroppedImageForm(ImageForm):
    """An image dropped into the text: its alt text is asked for where it now stands, in the editor."""

    class Meta(ImageForm.Meta):
        fields = ["file", "alt_text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alt_text"].required = False


def upload_view(model_admin, request):
    """POST an image file: 201 with its choice(), or 400/403/507 with {"error": what to do}."""
    if not model_admin.has_add_permission(request):
        return JsonResponse({"error": "Your role may not upload images."}, status=403)
    form = DroppedImageForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = form.errors.get("file") or next(iter(form.errors.values()))
        return JsonResponse({"error": " ".join(errors)}, status=400)
    image = store(form, request.user)
    if image is None:
        return JsonResponse({"error": STORAGE_FAILED}, status=507)
    return JsonResponse(choice(image), status=201)


def store(form, user):
    """Save the image of a valid upload form as `user`'s; None (logged) when the storage refused it."""
    image = form.save(commit=False)
    image.uploaded_by = user
    try:
        image.save()
    except OSError as exc:
        logger.error("Could not store an uploaded image: %s", exc)
        return None
    return image


class DescribeForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["alt_text", "caption"]


def describe_view(model_admin, request, pk):
    """POST an image's alt text and caption, as the writer gives them where it stands: 200 or 400/403/404."""
    image = Image.objects.filter(pk=pk).first()
    if image is None:
        return JsonResponse({"error": "This image is no longer in the library."}, status=404)
    if not model_admin.has_change_permission(request, image):
        return JsonResponse({"error": "Only its uploader or an editor may change this image."}, status=403)
    form = DescribeForm(request.POST, instance=image)
    if not form.is_valid():
        return JsonResponse({"error": " ".join(next(iter(form.errors.values())))}, status=400)
    form.save()  # renders again the posts that show it
    return JsonResponse(choice(image))


def picker_view(model_admin, request):
    """The picker window: GET to browse and search, POST to upload an image and have it chosen."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    kept = {name: request.GET[name] for name in ("mode", "target", "CKEditorFuncNum") if name in request.GET}
    mode = kept.get("mode") if kept.get("mode") in MODES else "single"
    form = None
    may_upload = model_admin.has_add_permission(request)
    if request.method == "POST" and may_upload:
        form = ImageForm(request.POST, request.FILES)
        image = store(form, request.user) if form.is_valid() else None
        if image is not None:
            return redirect(f"{reverse('admin:blog_image_picker')}?{urlencode({**kept, 'uploaded': image.pk})}")
        if form.is_valid():
            form.add_error(None, STORAGE_FAILED)
    query = request.GET.get("q", "").strip()[:200]
    images = Image.objects.all()
    if query:
        images = images.filter(
            Q(title__icontains=query) | Q(alt_text__icontains=query) | Q(caption__icontains=query)
            | Q(file__icontains=query)
        )  # fmt: skip
    page = Paginator(images, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": "Choose images for the gallery" if mode == "multiple" else "Choose an image",
        "is_popup": True,
        "mode": mode,
        "query": query,
        "page": page,
        "choices": [(choice(image), json.dumps(choice(image))) for image in page],
        "uploaded": request.GET.get("uploaded", ""),
        "form": form or (ImageForm() if may_upload else None),
        "kept": kept,
        "kept_query": urlencode({**kept, "q": query}),
    }
    return render(request, "admin/blog/image/picker.html", context)
