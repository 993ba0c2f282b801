from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/settings/", views.account_settings, name="settings"),
    path("accounts/settings/comments.json", views.export_comments, name="export"),
    path("accounts/settings/delete/", views.delete_account, name="delete"),
    path("people/<str:username>/", views.profile, name="profile"),
]
