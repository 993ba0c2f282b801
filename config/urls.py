from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from blog import feed_urls as blog_feeds
from blog.robots import robots_txt
from blog.sitemaps import sitemaps
from comments import feed_urls as comment_feeds
from config import views

handler500 = "config.views.server_error"

# The admin's login is allauth's: rate-limited, and asking for the second factor.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Candid"
admin.site.site_title = "Candid admin"
admin.site.index_title = "Your blog"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", views.favicon),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("admin/", admin.site.urls),
    path("", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    # Feeds first: blog's category and page patterns would take ".../feed/" for part of a path.
    path("", include("comments.urls")),
    path("", include((blog_feeds.urlpatterns + comment_feeds.urlpatterns, "feeds"))),
    path("", include("blog.media.urls")),
    path("", include("blog.urls")),
]
if settings.SERVE_MEDIA:
    urlpatterns.insert(0, re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", views.media, name="media"))
