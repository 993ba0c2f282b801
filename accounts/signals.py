"""Keep a reader's picture up to date each time they log in through a provider.

(What a change to a user's name does to cached pages and summaries is said in config/invalidation.py.)
"""

from allauth.socialaccount.signals import social_account_added, social_account_updated
from django.dispatch import receiver

from accounts.providers import avatar_url


@receiver(social_account_added)
@receiver(social_account_updated)
def remember_avatar(request, sociallogin, **kwargs):
    user = sociallogin.user
    avatar = avatar_url(sociallogin.account)
    if user.pk and avatar and avatar != user.avatar_url:
        user.avatar_url = avatar
        user.save(update_fields=["avatar_url"])
