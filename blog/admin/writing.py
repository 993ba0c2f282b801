"""The writing desk in the post and page forms: the body's editor, switching formats, the live preview.

The body stays one <textarea>, which is what is saved: without JavaScript it is the whole editor. With it,
static/js/writing-desk.js shows an HTML text in the visual editor (django-prose-editor's, which writes the
textarea back as the writer types) and a Markdown text beside its live preview, and converts the text when
the format is switched, through the views below. Whatever the editor writes is a source like any other:
the one sanitiser cleans it when the entry is saved (blog/rendering/markup.py).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from blog.authoring import preview
from blog.media.library import refresh_alt_texts, shortcodes_as_figures, take_alt_texts
from blog.rendering import bounded
from blog.rendering.convert import convert, visual_editor_losses
from blog.rendering.markup import ContentFormat

# The admin's words for the formats, for writers rather than for the database.
FORMAT_LABELS = {
    ContentFormat.HTML: "Visual editor (HTML)",
    ContentFormat.MARKDOWN: "Markdown",
    ContentFormat.WORDPRESS: "WordPress (automatic paragraphs)",
}
PROSE_EDITOR_CSS = [
    "django_prose_editor/material-icons.css", "django_prose_editor/editor.css", "django_prose_editor/overrides.css",
]  # fmt: skip


class BodyWidget(forms.Textarea):
    """The body's textarea inside the writing desk, which the script turns into the editor for its format."""

    template_name = "admin/blog/writing/body.html"

    def __init__(self, urls, attrs=None):
        super().__init__({"rows": 24, "cols": 80, **(attrs or {})})
        self.urls = urls  # {"convert": …, "preview": …, "upload": …, "picker": …, "describe": …}

    @property
    def media(self):
        return forms.Media(
            css={"all": [*PROSE_EDITOR_CSS, "css/writing-desk.css"]},
            js=[forms.Script("js/writing-desk.js", type="module")],
        )

    def format_value(self, value):
        return refresh_alt_texts(super().format_value(value) or "")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["desk"] = {
            **self.urls,
            "editor_module": static("django_prose_editor/editor.js"),
            "kept_as_source": ", ".join(visual_editor_losses(context["widget"]["value"] or "")),
        }
        return context


class WritingDeskAdmin:
    """For a ModelAdmin of posts or pages (blog.models.Entry): the desk in its form, and the desk's views."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            kwargs["widget"] = BodyWidget(self.desk_urls())
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "format":
            field.choices = [(value, FORMAT_LABELS[value]) for value, _ in field.choices if value]
            field.help_text = "Switching converts the text, and says what a format cannot keep."
        return field

    def get_changeform_initial_data(self, request):
        return {"format": ContentFormat.HTML, **super().get_changeform_initial_data(request)}

    def desk_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return {
            "convert": reverse("admin:{}_{}_convert".format(*info)),
            "preview": reverse("admin:{}_{}_live_preview".format(*info)),
            "upload": reverse("admin:blog_image_upload"),
            "picker": reverse("admin:blog_image_picker"),
            "describe": reverse("admin:blog_image_describe", args=[0]),  # the script puts the image's id for 0
        }

    def save_model(self, request, obj, form, change):
        if obj.format == ContentFormat.HTML:
            take_alt_texts(obj.body, request.user)  # before rendering, which shows the library's alt texts
        super().save_model(request, obj, form, change)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path("convert/", self.admin_site.admin_view(require_POST(self.convert_view)),
                 name="{}_{}_convert".format(*info)),
            path("live-preview/", self.admin_site.admin_view(require_POST(self.live_preview_view)),
                 name="{}_{}_live_preview".format(*info)),
        ]  # fmt: skip
        return own + super().get_urls()

    def may_write(self, request):
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied

    def convert_view(self, request):
        """The form's text in another format: {"body", "lost": [what is not exact], "kept_as_source"}."""
        self.may_write(request)
        body, formats = request.POST.get("body", ""), (request.POST.get("from"), request.POST.get("to"))
        if not all(name in ContentFormat.values for name in formats):
            return JsonResponse({"error": "Choose one of the formats offered."}, status=400)
        too_long = bounded.too_long(body)
        if too_long:
            return JsonResponse({"error": too_long}, status=413)
        conversion = convert(body, *formats)
        text, lost, kept = conversion.text, conversion.lost, []
        if formats[1] == ContentFormat.HTML:
            text, changed = shortcodes_as_figures(text)  # the library's images, shown as pictures to write around
            lost, kept = lost + changed, visual_editor_losses(text)
        return JsonResponse({"body": text, "lost": lost, "kept_as_source": kept})

    def live_preview_view(self, request):
        """The form's text as readers would see it, for the preview beside the Markdown: {"html"} or {"error"}."""
        self.may_write(request)
        body = request.POST.get("body", "")
        content_format = request.POST.get("format")
        if content_format not in ContentFormat.values:
            return JsonResponse({"error": "Choose one of the formats offered."}, status=400)
        too_long = bounded.too_long(body)
        if too_long:
            return JsonResponse({"error": too_long}, status=413)
        draft = self.model(body=body, format=content_format, author=request.user)
        try:
            with preview.one_at_a_time(request.user):
                bounded.render_within(body, content_format)
                draft.render()  # the rendering just made is remembered, not made again
        except preview.Busy as busy:
            return JsonResponse({"error": str(busy)}, status=429)
        except bounded.TooComplex as refusal:
            return JsonResponse({"error": str(refusal)}, status=422)
        return JsonResponse({"html": draft.body_html})
