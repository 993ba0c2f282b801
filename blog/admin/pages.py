from django.contrib import admin

from blog.admin.writing import WritingDeskAdmin
from blog.authoring.conflicts import GuardedForm
from blog.models import Page


@admin.register(Page)
class PageAdmin(WritingDeskAdmin, admin.ModelAdmin):
    """Static pages: editors' and site owners' work (the Editor role holds the page permissions)."""

    form = GuardedForm
    list_display = ["title", "path", "status", "menu_order", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = [
        "title", "slug", "parent", "menu_order", "format", "body", "edit_token", "status", "published_at", "password",
        "author",
    ]  # fmt: skip
    raw_id_fields = ["parent"]

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}
