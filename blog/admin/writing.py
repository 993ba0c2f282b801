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
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from blog.authoring import autosaves, preview
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
        self.urls = urls  # {"convert": …, "preview": …, "autosave": …, "upload": …, "picker": …, "describe": …}
        self.entry_id = ""  # set by WritingDeskAdmin.get_form(), as is the autosave to offer
        self.autosave = None

    @property
    def media(self):
        return forms.Media(
            css={"all": [*PROSE_EDITOR_CSS, "css/writing-desk.css"]},
            js=[forms.Script("js/writing-desk.js", type="module")],
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["desk"] = {
            **self.urls,
            "editor_module": static("django_prose_editor/editor.js"),
            "kept_as_source": ", ".join(visual_editor_losses(context["widget"]["value"] or "")),
            "entry": self.entry_id,
        }
        if self.autosave is not None:
            context["autosave"] = {name: getattr(self.autosave, name) for name in autosaves.FIELDS}
            context["autosaved_at"] = date_format(timezone.localtime(self.autosave.saved_at), "DATETIME_FORMAT")
        return context


class LibraryAltTexts:
    """A form opened on a saved text shows its library images' alt texts as the library has them now.

    Only when opened: a form sent back with an error keeps what the writer typed (saving makes it the library's).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.initial.get("body"):
            self.initial["body"] = refresh_alt_texts(self.initial["body"])


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

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "body" not in form.base_fields:
            return form
        form = type(form.__name__, (LibraryAltTexts, form), {})  # which makes its fields again: then set them
        widget = form.base_fields["body"].widget  # a new class per call: its widget is this request's
        widget.entry_id = obj.pk if obj else ""
        widget.autosave = autosaves.newer(request.user, self.opts.model_name, obj)
        return form

    def desk_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return {
            "convert": reverse("admin:{}_{}_convert".format(*info)),
            "preview": reverse("admin:{}_{}_live_preview".format(*info)),
            "autosave": reverse("admin:{}_{}_autosave".format(*info)),
            "upload": reverse("admin:blog_image_upload"),
            "picker": reverse("admin:blog_image_picker"),
            "describe": reverse("admin:blog_image_describe", args=[0]),  # the script puts the image's id for 0
        }

    def save_model(self, request, obj, form, change):
        if obj.format == ContentFormat.HTML:
            take_alt_texts(obj.body, request.user)  # before rendering, which shows the library's alt texts
        super().save_model(request, obj, form, change)
        autosaves.discard(request.user, self.opts.model_name, obj.pk, tab=request.POST.get("autosave_tab", ""))

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path("convert/", self.admin_site.admin_view(require_POST(self.convert_view)),
                 name="{}_{}_convert".format(*info)),
            path("live-preview/", self.admin_site.admin_view(require_POST(self.live_preview_view)),
                 name="{}_{}_live_preview".format(*info)),
            path("autosave/", self.admin_site.admin_view(require_POST(self.autosave_view)),
                 name="{}_{}_autosave".format(*info)),
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

    def autosave_view(self, request):
        """Keep the form's words as this tab's autosave: {"message"} or {"error"}; the entry itself is untouched."""
        data = request.POST
        entry_id = data.get("entry", "")
        if entry_id:
            entry = self.get_object(request, entry_id)
            if entry is None or not self.has_change_permission(request, entry):
                return JsonResponse({"error": "This entry is not yours to change, or no longer exists."}, status=403)
        elif not self.has_add_permission(request):
            return JsonResponse({"error": "Your role may not write these."}, status=403)
        if not autosaves.valid_tab(data.get("tab")) or data.get("format") not in ContentFormat.values:
            return JsonResponse({"error": "The autosave was not understood; reload the page."}, status=400)
        too_long = bounded.too_long(data.get("body", ""))
        if too_long:
            return JsonResponse({"error": too_long}, status=413)
        values = {name: data.get(name, "") for name in autosaves.FIELDS}
        values["title"] = values["title"][:200]
        entry_pk = entry.pk if entry_id else None
        autosave = autosaves.keep(request.user, self.opts.model_name, entry_pk, data["tab"], values)
        when = date_format(timezone.localtime(autosave.saved_at), "TIME_FORMAT")
        return JsonResponse({"message": f"Autosaved at {when}. Nothing is published until you save."})
