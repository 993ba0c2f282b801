from django.apps import AppConfig

from core.pagecache import per_reader


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from comments.forms import timestamp_token  # here: the forms module imports models

        # A cached page's comment form gets a fresh "filled in from" time for each reader.
        per_reader.fill_per_request("issued", lambda request: timestamp_token())
