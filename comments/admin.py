"""The moderation queue: editors see every comment, authors the discussions of their own posts."""

from django.contrib import admin, messages
from django.db import models
from django.utils.html import format_html
from django.utils.text import Truncator

from blog.authoring.conflicts import GuardedForm
from blog.authoring.permissions import can_edit_others
from blog.models import Post
from comments.editing import fingerprint
from comments.models import Comment, CommentRevision
from comments.moderation import moderate

# Where a comment hangs is fixed once it is posted, for everyone: its place in the tree (its path, and its
# replies' paths) follows from its post and parent.
PLACE = ["post", "parent"]
# Who wrote it and what it is (its IP address and user agent are read-only for everyone): an author
# moderating their own posts' discussion may not put words in someone else's name.
PROVENANCE = ["user", "author_name", "author_email", "author_url", "kind"]


class CommentAdminForm(GuardedForm):
    """A moderator's form never saves over a change made since it was opened: its writer's edit, or another
    moderator's decision."""

    def saved_token(self):
        return f"{fingerprint(self.instance.body)}:{self.instance.status}"

    def conflict_message(self):
        return (
            "This comment was changed after you opened it (by its writer, or another moderator), so your changes "
            "were not saved. Copy what you wrote, reload the page to see what it says now, and apply it again."
        )


class RevisionInline(admin.TabularInline):
    """What the comment said before its writer changed or deleted it (comments/editing.py): a record, read-only."""

    model = CommentRevision
    fields = readonly_fields = ["changed_at", "change", "status", "body"]
    extra = 0
    can_delete = False
    verbose_name = "earlier version"
    verbose_name_plural = "earlier versions, by its writer"

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("comments.view_comment") or request.user.has_perm("comments.change_comment")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentAdminForm
    list_display = ["display_name", "excerpt", "on_post", "status", "kind", "created_at", "spam_score"]
    list_filter = ["status", "kind", "created_at"]
    show_facets = admin.ShowFacets.ALWAYS  # counts per status beside each filter
    search_fields = ["author_name", "author_email", "author_url", "body", "ip_address"]
    list_select_related = ["post", "user"]
    raw_id_fields = ["post", "parent", "user"]
    readonly_fields = ["ip_address", "user_agent", "spam_score", "created_at", "edited_at"]
    fields = ["post", "parent", "user", "author_name", "author_email", "author_url", "body", "edit_token", "status",
              "kind", "created_at", "edited_at", "ip_address", "user_agent", "spam_score"]  # fmt: skip
    inlines = [RevisionInline]
    actions = ["approve", "unapprove", "mark_spam", "trash"]
    date_hierarchy = "created_at"
    # A website typed without its scheme is taken as https://, as on the comment form.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        comments = super().get_queryset(request)
        if not can_edit_others(request.user, Post):
            comments = comments.filter(post__author=request.user)
        return comments

    def get_readonly_fields(self, request, obj=None):
        """Editors may correct who wrote a comment; authors moderate and edit the text only; no one moves it."""
        readonly = [*super().get_readonly_fields(request, obj), *(PLACE if obj else [])]
        if can_edit_others(request.user, Post):
            return readonly
        return [*PROVENANCE, *readonly]

    @admin.display(description="Comment")
    def excerpt(self, comment):
        return Truncator(comment.body).words(20)

    @admin.display(description="On", ordering="post__title")
    def on_post(self, comment):
        return format_html('<a href="{}">{}</a>', comment.get_absolute_url(), comment.post.title)

    def save_model(self, request, obj, form, change):
        """A status changed in the form is a moderation decision, as from the list: it teaches the spam filter
        and may tell the commenter replied to."""
        decided = obj.status
        if change and "status" in form.changed_data:
            obj.status = form.initial["status"]
        super().save_model(request, obj, form, change)
        if obj.status != decided:
            moderate(request, [obj], decided)

    def _moderate(self, request, queryset, status, done):
        changed = moderate(request, queryset.select_related("parent", "post"), status)
        self.message_user(request, f"{changed} comment(s) {done}.", messages.SUCCESS)

    @admin.action(description="Approve (also teaches the filter: not spam)", permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.APPROVED, "approved")

    @admin.action(description="Unapprove (hold for moderation)", permissions=["change"])
    def unapprove(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.PENDING, "held for moderation")

    @admin.action(description="Mark as spam", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.SPAM, "marked as spam")

    @admin.action(description="Move to trash", permissions=["change"])
    def trash(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.TRASH, "moved to the trash")
