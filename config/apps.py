from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The project itself, as an app: the wiring between the apps, made once they are all loaded."""

    name = "config"
    label = "site"
    verbose_name = "Site"

    def ready(self):
        from config import invalidation  # here: it imports models, which exist only once every app is loaded

        invalidation.connect()
