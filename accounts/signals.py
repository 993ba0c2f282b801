"""Keep a reader's picture up to date each time they log in through a provider."""

from allauth.socialaccount.signals import social_account_added, social_account_updated
from django.dispatch import receiver


@receiver(social_account_added)
@receiver(social_account_updated)
def remember_avatar(request, sociallogin, **kwargs):
    user = sociallogin.user
    avatar = (sociallogin.account.get_avatar_url() or "")[:500]
    if user.pk and avatar and avatar != user.avatar_url:
        user.avatar_url = avatar
        user.save(update_fields=["avatar_url"])
