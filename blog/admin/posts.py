"""The post admin: the Contributor / Author / Editor rules on every list, form, button and action."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from blog.admin.tagging import CategoryTreeWidget, TagNamesField, TagTokensWidget, tag_suggestions_view, tags_named
from blog.admin.writing import WritingDeskAdmin
from blog.authoring import permissions, preview, revisions, workflow
from blog.authoring.conflicts import GuardedForm
from blog.media.admin import GalleryItemInline
from blog.media.models import GalleryItem
from blog.media.widgets import ImageChoiceWidget
from blog.models import Category, Post, SiteSettings
from blog.rendering import bounded
from blog.rendering.markup import ContentFormat


class PostAdminForm(GuardedForm):
    request = None  # set per request by PostAdmin.get_form(), which also picks the fields

    def clean_body(self):
        body = self.cleaned_data["body"]
        message = bounded.too_long(body)
        if message:
            raise forms.ValidationError(message, code="too_long")  # the form shows the text again, whole
        return body

    def clean(self):
        cleaned = super().clean()
        # The names typed, saved after the post by PostAdmin.save_related(), which makes the new tags.
        self.tag_names = cleaned.pop("tags", None)
        button = workflow.pressed_button(self.data)
        status = cleaned.get("status", self.instance.status)
        cleaned["status"], cleaned["published_at"] = workflow.resolve_status(
            button, status, cleaned.get("published_at", self.instance.published_at)
        )
        self.check_rendering(cleaned)
        return cleaned

    def check_rendering(self, cleaned):
        """Saving renders the text: refuse, keeping it in the form, one that cannot be rendered in time."""
        if any(name in self.errors for name in ("body", "excerpt", "format")) or "body" not in cleaned:
            return
        content_format = cleaned.get("format", self.instance.format)
        try:
            bounded.render_within(cleaned["body"], content_format, cleaned.get("excerpt", self.instance.excerpt))
        except bounded.TooComplex as refusal:
            self.add_error("body", forms.ValidationError(str(refusal), code="too_complex"))


@admin.register(Post)
class PostAdmin(WritingDeskAdmin, admin.ModelAdmin):
    form = PostAdminForm
    list_display = ["title", "author", "status_label", "category_list", "comment_count", "published_at"]
    list_filter = ["status", "categories", "published_at"]
    list_select_related = ["author"]
    date_hierarchy = "published_at"
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    # Plain checkboxes: the admin's two-box selector is not usable with a screen reader.
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    raw_id_fields = ["featured_image", "tags"]  # their own widgets, without the admin's "+" link
    actions = ["publish_selected", "draft_selected"]
    change_form_template = "admin/blog/post/change_form.html"
    inlines = [GalleryItemInline]

    # --- Who sees and may change what ---------------------------------------

    def get_queryset(self, request):
        posts = super().get_queryset(request).prefetch_related("categories")
        posts = posts.annotate(comment_count=Count("comments", distinct=True))
        if not permissions.can_edit_others(request.user, Post):
            posts = posts.filter(author=request.user)
        return posts

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or permissions.can_edit(request.user, obj))

    def has_publish_permission(self, request):
        return permissions.can_publish(request.user, Post)

    def get_fieldsets(self, request, obj=None):
        user = request.user
        publishing = ["status"]
        if permissions.can_publish(user, Post):
            publishing += ["published_at", "sticky"]
        if permissions.can_edit_others(user, Post):
            publishing.append("author")
        publishing += ["password", "featured_image"]
        return [
            (None, {"fields": ["title", "format", "body", "edit_token"]}),
            ("Excerpt", {"fields": ["excerpt"], "classes": ["collapse"]}),
            ("Publishing", {"fields": publishing}),
            ("Categories and tags", {"fields": ["categories", "tags"]}),
            ("Discussion", {"fields": ["comment_status", "who_may_comment"]}),
            ("Search engines", {"fields": ["slug", "description"]}),
        ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        allowed = permissions.allowed_statuses(request.user, Post)
        if "status" in form.base_fields:
            form.base_fields["status"].choices = [c for c in Post.Status.choices if c[0] in allowed]
        form.request = request
        if "published_at" in form.base_fields:  # the date and time boxes have no <label> of their own
            date, time = form.base_fields["published_at"].widget.widgets
            date.attrs["aria-label"], time.attrs["aria-label"] = "Publication date", "Publication time"
        return form

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            widget = TagTokensWidget(reverse("admin:blog_post_tag_suggestions"))
            return TagNamesField(widget=widget, required=False, label="Tags")
        if db_field.name == "categories":
            kwargs |= {"widget": CategoryTreeWidget, "queryset": Category.objects.order_by("path")}
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "featured_image":
            kwargs["widget"] = ImageChoiceWidget(noun="featured image")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        site = SiteSettings.for_request(request)
        comment_status = Post.CommentStatus.OPEN if site.comments_open_by_default else Post.CommentStatus.CLOSED
        return {
            "author": request.user.pk,
            "comment_status": comment_status,
            **super().get_changeform_initial_data(request),
        }

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            self.refuse_forged_fields(request)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def refuse_forged_fields(self, request):
        """A POST setting what the form did not offer this user is a forgery: 403, not a form error."""
        user = request.user
        data = request.POST
        publishing = workflow.pressed_button(data) in workflow.PUBLISHING_BUTTONS
        publishing = publishing or "sticky" in data or "published_at_0" in data
        forged = (
            ("author" in data and data["author"] != str(user.pk) and not permissions.can_edit_others(user, Post))
            or ("status" in data and data["status"] not in permissions.allowed_statuses(user, Post))
            or (publishing and not permissions.can_publish(user, Post))
        )
        if forged:
            raise PermissionDenied("Your role does not allow this change.")

    def save_model(self, request, obj, form, change):
        if not permissions.can_edit_others(request.user, Post):
            obj.author = request.user
        if change:
            revisions.record(obj, request.user)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(form, "tag_names", None) is not None:
            form.instance.tags.set(tags_named(form.tag_names))
        if any(formset.model is GalleryItem and formset.has_changed() for formset in formsets):
            # The post was saved before its gallery rows: render [gallery] again with them.
            form.instance.render_again()

    def delete_queryset(self, request, queryset):
        if not all(permissions.can_edit(request.user, post) for post in queryset):
            raise PermissionDenied("Some of these posts are not yours to delete.")
        super().delete_queryset(request, queryset)

    # --- The list -----------------------------------------------------------

    @admin.display(description="Status", ordering="status")
    def status_label(self, post):
        if post.status == Post.Status.SCHEDULED and post.published_at <= timezone.now():
            return Post.Status.PUBLISHED.label  # its time came: readers see it, whatever the stored status says
        return post.get_status_display()

    @admin.display(description="Categories")
    def category_list(self, post):
        return ", ".join(category.name for category in post.categories.all())

    @admin.display(description="Comments", ordering="comment_count")
    def comment_count(self, post):
        return post.comment_count

    @admin.action(description="Publish the selected posts", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._set_status(request, queryset, Post.Status.PUBLISHED)

    @admin.action(description="Move the selected posts to drafts", permissions=["change"])
    def draft_selected(self, request, queryset):
        self._set_status(request, queryset, Post.Status.DRAFT)

    def _set_status(self, request, queryset, status):
        posts = list(queryset)
        if not all(permissions.can_edit(request.user, post) for post in posts):
            raise PermissionDenied("Some of these posts are not yours to change.")
        for post in posts:
            post.status, post.published_at = workflow.resolve_status(None, status, post.published_at)
            post.save()
        self.message_user(request, f"{len(posts)} post(s) now: {Post.Status(status).label}.", messages.SUCCESS)

    # --- Preview and revisions ----------------------------------------------

    def get_urls(self):
        def view(method, only_post=False):
            return self.admin_site.admin_view(require_POST(method) if only_post else method)

        own = [
            path("preview/", view(self.preview_view, only_post=True), name="blog_post_preview"),
            path("<int:pk>/revoke-preview/", view(self.revoke_preview_view, only_post=True),
                 name="blog_post_revoke_preview"),
            path("<int:pk>/revisions/", view(self.revisions_view), name="blog_post_revisions"),
            path("tag-suggestions/", view(self.tag_suggestions_view), name="blog_post_tag_suggestions"),
            path("<int:pk>/revisions/<int:revision_pk>/restore/", view(self.restore_view, only_post=True),
                 name="blog_post_restore"),
        ]  # fmt: skip
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        post = self.get_object(request, object_id)
        if post is not None:
            extra_context = {
                **(extra_context or {}),
                "preview_url": preview.preview_url(post),
                "revision_count": post.revisions.count(),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        user = request.user
        context.update(
            can_publish=permissions.can_publish(user, Post),
            workflow_buttons=workflow.BUTTONS,
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def tag_suggestions_view(self, request):
        self.may_write(request)
        return tag_suggestions_view(request)

    def preview_view(self, request):
        """Render the form's unsaved title and text in the theme, in a new tab; nothing is saved.

        Refused with a page saying why, never rendered at length: a text over the size limit (413), one that
        cannot be rendered within bounded.RENDER_SECONDS (422), and a second preview while the author's last one
        is still being made or has just taken long (429), so that no author holds more than part of one worker.
        """
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        draft = Post(
            title=request.POST.get("title", ""),
            body=request.POST.get("body", ""),
            excerpt=request.POST.get("excerpt", ""),
            format=request.POST.get("format") if request.POST.get("format") in ContentFormat.values else "markdown",
            author=request.user,
        )
        too_long = bounded.too_long(draft.body)
        if too_long:
            return preview.refusal(request, too_long, status=413)
        try:
            with preview.one_at_a_time(request.user):
                bounded.render_within(draft.body, draft.format, draft.excerpt)
                draft.render()  # the rendering just made is remembered, not made again
        except preview.Busy as busy:
            return preview.refusal(request, str(busy), status=429)
        except bounded.TooComplex as refusal:
            return preview.refusal(request, str(refusal), status=422)
        return preview.render_preview(request, draft)

    def editable_post(self, request, pk):
        post = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_change_permission(request, post):
            raise PermissionDenied
        return post

    def revoke_preview_view(self, request, pk):
        post = self.editable_post(request, pk)
        preview.revoke(post)
        self.message_user(request, "The old preview link no longer works; here is a new one.", messages.SUCCESS)
        return redirect("admin:blog_post_change", post.pk)

    def revisions_view(self, request, pk):
        post = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_or_change_permission(request, post):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "post": post,
            "title": f"Revisions of “{post.title}”",
            "revisions": [(r, revisions.compare(r, post)) for r in post.revisions.select_related("saved_by")],
            "can_restore": self.has_change_permission(request, post),
        }
        return render(request, "admin/blog/post/revisions.html", context)

    def restore_view(self, request, pk, revision_pk):
        post = self.editable_post(request, pk)
        revision = get_object_or_404(post.revisions, pk=revision_pk)
        revisions.restore(post, revision, request.user)
        self.message_user(request, "The revision was restored; the text it replaced is kept as a revision.")
        return redirect(reverse("admin:blog_post_change", args=[post.pk]))
