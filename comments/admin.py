from django.contrib import admin

from comments.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["display_name", "post", "status", "kind", "created_at"]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["author_name", "author_email", "body"]
    list_select_related = ["post", "user"]
    raw_id_fields = ["post", "parent", "user"]
    readonly_fields = ["ip_address", "user_agent"]
