from django.urls import re_path

from blog.media import views

app_name = "media"

# Bounded digits: a date or id too long for the database (or for datetime) is simply not a match.
GALLERY_IMAGE = (
    r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{1,2})/(?P<day>[0-9]{1,2})/(?P<slug>[^/]+)/gallery/(?P<image_id>[0-9]{1,18})/$"
)

urlpatterns = [
    re_path(GALLERY_IMAGE, views.gallery_image, name="gallery_image"),
]
