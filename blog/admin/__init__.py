"""The blog's admin: where bloggers write, edit and publish, each within their role."""

from blog.admin import pages, posts, site_settings, taxonomy  # noqa: F401 (each registers its models)
from blog.media import admin as media_admin  # noqa: F401 (the image library)
