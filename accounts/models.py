from django.contrib.auth.models import AbstractUser
from django.db import models

from core.links import link


class User(AbstractUser):
    """A blogger, editor, site owner or reader with an account."""

    display_name = models.CharField(
        max_length=150, blank=True, help_text="How the name appears on posts and comments; the username if empty."
    )
    bio = models.TextField(blank=True)
    # The picture from the reader's social account, kept at login so pages need no lookup.
    avatar_url = models.URLField(max_length=500, blank=True)

    def __str__(self):
        return self.public_name

    @property
    def public_name(self):
        return self.name_from(self.display_name, self.first_name, self.last_name, self.username)

    @staticmethod
    def name_from(display_name, first_name, last_name, username):
        """How a user's name appears on pages: their display name, else their full name, else their username."""
        return display_name or f"{first_name} {last_name}".strip() or username

    def get_absolute_url(self):
        return link("blog:author", self.username)
