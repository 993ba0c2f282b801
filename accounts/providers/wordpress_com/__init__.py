"""Sign in with WordPress.com: a django-allauth OAuth2 provider (allauth ships none)."""
