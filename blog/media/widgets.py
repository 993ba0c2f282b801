"""Choosing an image from the library in a form: a thumbnail and "Choose an image…", never a number to type.

The field stays a number box underneath, which is what is sent: without JavaScript it is all there is
(with the thumbnail beside it); static/js/image-choice.js hides it and opens the picker (blog/media/picker.py).
"""

from django import forms
from django.urls import reverse

from blog.media.library import choice
from blog.media.models import Image
from core.ids import as_id


class ImageChoiceWidget(forms.NumberInput):
    template_name = "admin/blog/writing/image_choice.html"

    def __init__(self, attrs=None, preview=True, noun="image"):
        super().__init__({"min": 1, **(attrs or {})})
        self.preview = preview  # False where the form shows the image already (the gallery's rows)
        self.noun = noun  # what the buttons say they choose: "Choose the featured image…"

    @property
    def media(self):
        return forms.Media(css={"all": ["css/writing-desk.css"]}, js=["js/image-choice.js"])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image_id = as_id(str(value)) if value not in (None, "") else None
        image = Image.objects.filter(pk=image_id).first() if self.preview and image_id else None
        context["choice"] = choice(image) if image else None
        context["preview"] = self.preview
        context["noun"] = self.noun
        context["picker_url"] = reverse("admin:blog_image_picker")
        return context
