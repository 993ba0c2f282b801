from django import forms
from django.template.defaultfilters import filesizeformat

from blog.media.models import Image
from blog.media.validation import ACCEPTED, clean_upload, max_pixels, max_upload_bytes


class ImageUploadField(forms.FileField):
    """A file field that accepts only what clean_upload() accepts, and gives back the cleaned file.

    Django's own ImageField is not used: it answers every refusal (an SVG, a huge
    image, a truncated one) with the same vague message, before ours could run.
    """

    def to_python(self, data):
        upload = super().to_python(data)
        return clean_upload(upload) if upload else upload

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": "image/jpeg,image/png,image/gif,image/webp"}


def upload_help_text():
    return (
        f"{ACCEPTED}, up to {filesizeformat(max_upload_bytes())} and {max_pixels() / 1_000_000:g} megapixels. "
        "Camera details and GPS position are removed when it is saved."
    )


class ImageForm(forms.ModelForm):
    file = ImageUploadField(label="Image")

    class Meta:
        model = Image
        fields = ["file", "alt_text", "title", "caption"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_help_text()
