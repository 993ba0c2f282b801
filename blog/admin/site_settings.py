from django import forms
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from blog.models import TIME_ZONE_CHOICES, SiteSettings


class SiteSettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=TIME_ZONE_CHOICES)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """The site owner's Settings page: one row, so the list goes straight to its form."""

    form = SiteSettingsForm
    fieldsets = [
        ("Site identity", {"fields": ["title", "tagline"]}),
        ("Dates", {"fields": ["time_zone", "date_format"]}),
        ("Reading", {"fields": ["posts_per_page", "feed_full_text"]}),
        ("Membership", {"fields": ["registration"]}),
        (
            "Discussion",
            {
                "fields": [
                    "comments_open_by_default",
                    "close_comments_after_days",
                    "comment_registration",
                    "require_name_email",
                    "comment_edit_minutes",
                    "thread_depth",
                    "comments_per_page",
                    "notify_authors",
                    "allow_reply_notifications",
                    "show_gravatars",
                ]
            },
        ),
        (
            "Comment moderation",
            {
                "fields": [
                    "hold_all_comments",
                    "hold_first_comments",
                    "hold_after_links",
                    "moderation_terms",
                    "disallowed_terms",
                    "comment_flood_seconds",
                    "spam_filter_threshold",
                ]
            },
        ),
    ]

    def changelist_view(self, request, extra_context=None):
        SiteSettings.load()
        return redirect(reverse("admin:blog_sitesettings_change", args=[1]))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
