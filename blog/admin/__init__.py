"""The blog's admin: where bloggers write, edit and publish, each within their role."""

from blog.admin import pages, posts, site_settings, taxonomy  # noqa: F401 (each registers its models)
