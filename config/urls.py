from django.contrib import admin
from django.urls import include, path

from config import views

handler500 = "config.views.server_error"

admin.site.site_header = "Candid"
admin.site.site_title = "Candid admin"
admin.site.index_title = "Your blog"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("blog.urls")),
]
