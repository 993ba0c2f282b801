from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from blog import caching
        from blog.models import Category, GalleryItem, Image, Page, Post, SiteSettings, Tag

        # Whatever pages show: a change to any of them makes every cached page out of date.
        for model in (Post, Page, Category, Tag, SiteSettings, Image, GalleryItem):
            post_save.connect(caching.content_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}")
            post_delete.connect(caching.content_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}")
        for through in (Post.categories.through, Post.tags.through):
            m2m_changed.connect(caching.content_changed, sender=through, dispatch_uid=f"page-cache-{through.__name__}")
