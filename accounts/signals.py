"""Keep a reader's picture up to date each time they log in through a provider; tell the page cache (and
the stored summaries of an author's posts) of changes to the names and pictures pages show."""

from allauth.socialaccount.signals import social_account_added, social_account_updated
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.providers import avatar_url
from blog import caching, summaries

# Saved at each login, shown on no page.
PRIVATE_FIELDS = {"last_login", "password"}
# What a post's summary shows of its author: their name, and their username in the link to their posts.
NAME_FIELDS = {"display_name", "first_name", "last_name", "username"}


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def user_saved(sender, instance, update_fields=None, **kwargs):
    if not update_fields or set(update_fields) & NAME_FIELDS:
        summaries.author_changed(instance)
    if not (update_fields and set(update_fields) <= PRIVATE_FIELDS):
        caching.content_changed()


@receiver(post_delete, sender=settings.AUTH_USER_MODEL)
def user_deleted(sender, instance, **kwargs):
    caching.content_changed()


@receiver(social_account_added)
@receiver(social_account_updated)
def remember_avatar(request, sociallogin, **kwargs):
    user = sociallogin.user
    avatar = avatar_url(sociallogin.account)
    if user.pk and avatar and avatar != user.avatar_url:
        user.avatar_url = avatar
        user.save(update_fields=["avatar_url"])
