from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = DjangoUserAdmin.fieldsets + (("Public profile", {"fields": ("display_name", "bio")}),)
    list_display = ("username", "display_name", "email", "is_staff", "is_superuser")
    search_fields = ("username", "display_name", "first_name", "last_name", "email")
