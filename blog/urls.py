from django.urls import path, re_path

from blog import views
from blog.authoring import preview

app_name = "blog"

PAGED = r"(?:page/(?P<page>[0-9]+)/)?$"
YEAR, MONTH, DAY = r"(?P<year>[0-9]{4})/", r"(?P<month>[0-9]{2})/", r"(?P<day>[0-9]{2})/"

urlpatterns = [
    path("preview/<int:pk>/<str:token>/", preview.saved_post_preview, name="preview"),
    re_path(r"^" + PAGED, views.HomeView.as_view(), name="home"),
    path("<int:year>/<int:month>/<int:day>/<str:slug>/", views.post_detail, name="post_detail"),
    path("<int:year>/<int:month>/<int:day>/<str:slug>/<int:page>/", views.post_detail, name="post_page"),
    re_path("^" + YEAR + MONTH + DAY + PAGED, views.DayArchiveView.as_view(), name="archive_day"),
    re_path("^" + YEAR + MONTH + PAGED, views.MonthArchiveView.as_view(), name="archive_month"),
    re_path("^" + YEAR + PAGED, views.YearArchiveView.as_view(), name="archive_year"),
    re_path(r"^category/(?P<path>[-\w]+(?:/[-\w]+)*?)/" + PAGED, views.CategoryArchiveView.as_view(), name="category"),
    re_path(r"^tag/(?P<slug>[-\w]+)/" + PAGED, views.TagArchiveView.as_view(), name="tag"),
    re_path(r"^author/(?P<username>[\w.@+-]+)/" + PAGED, views.AuthorArchiveView.as_view(), name="author"),
    re_path(r"^(?P<path>[-\w]+(?:/[-\w]+)*)/$", views.page_detail, name="page"),
]  # fmt: skip
