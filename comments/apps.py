from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from blog import caching
        from comments.forms import timestamp_token
        from comments.models import Comment

        post_save.connect(comment_saved, sender=Comment, dispatch_uid="page-cache-comment")
        post_delete.connect(caching.content_changed, sender=Comment, dispatch_uid="page-cache-comment")
        # A cached page's comment form gets a fresh "filled in from" time for each reader.
        caching.fill_per_request("issued", lambda request: timestamp_token())


def comment_saved(sender, instance, created, **kwargs):
    """A new comment held or caught as spam changes no page; one approved, or any decision on one, does."""
    from blog import caching

    if not created or instance.status == instance.Status.APPROVED:
        caching.content_changed()
