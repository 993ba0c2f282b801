from django.urls import path, re_path

from comments import social, views

app_name = "comments"

urlpatterns = [
    path("comments/post/", views.post_comment, name="post"),
    path("comments/<int:pk>/edit/", views.edit_comment, name="edit"),
    path("comments/<int:pk>/delete/", views.delete_comment, name="delete"),
    path("comments/login/", social.login_to_comment, name="local-login"),
    path("comments/login/<str:provider_id>/", social.login_to_comment, name="login"),
    path("comments/notify/confirm/<str:token>/", views.confirm_notifications, name="confirm"),
    path("comments/notify/stop/<str:token>/", views.stop_notifications, name="stop"),
    re_path(r"^avatars/(?P<token>[0-9a-f]{20})\.svg$", views.identicon, name="identicon"),
]
