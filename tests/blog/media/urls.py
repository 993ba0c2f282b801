"""The site's URLs with the media library's, until config/urls.py includes them itself."""

from django.contrib import admin
from django.urls import include, path

import blog.media.admin  # noqa: F401 (registers ImageAdmin, until blog/admin imports it)
from config.urls import handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns

included = any(getattr(pattern, "namespace", None) == "media" for pattern in site_urlpatterns)

urlpatterns = [
    # Rebuilt here, so that the admin's URLs include ImageAdmin's whatever the import order.
    path("admin/", admin.site.urls),
    *([] if included else [path("", include("blog.media.urls"))]),
    *site_urlpatterns,
]
