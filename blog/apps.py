from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from blog import caching, summaries
        from blog.models import Category, GalleryItem, Image, Page, Post, SiteSettings, Tag

        # Whatever pages show: a change to any of them makes every cached page out of date.
        for model in (Post, Page, Category, Tag, SiteSettings, Image, GalleryItem):
            post_save.connect(caching.content_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}")
            post_delete.connect(caching.content_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}")
        for through in (Post.categories.through, Post.tags.through):
            m2m_changed.connect(caching.content_changed, sender=through, dispatch_uid=f"page-cache-{through.__name__}")
        # What post summaries show besides the post itself (blog/summaries.py; authors: accounts/signals.py).
        post_save.connect(summaries.category_changed, sender=Category, dispatch_uid="summaries-category")
        post_delete.connect(summaries.category_changed, sender=Category, dispatch_uid="summaries-category")
        m2m_changed.connect(summaries.categories_filed, sender=Post.categories.through, dispatch_uid="summaries-filed")
        post_save.connect(summaries.featured_image_changed, sender=Image, dispatch_uid="summaries-image")
        # Before the image's posts lose it (SET_NULL): afterwards they can no longer be found.
        pre_delete.connect(summaries.featured_image_changed, sender=Image, dispatch_uid="summaries-image")
