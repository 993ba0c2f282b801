"""How django-allauth treats Candid's readers (settings ACCOUNT_ADAPTER and SOCIALACCOUNT_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter, _build_apps_from_settings
from django.http import Http404


class AccountAdapter(DefaultAccountAdapter):
    pass


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None):
        """The login providers, from the environment only (README, Configuration).

        allauth would also look for apps in the database, a query on every page with a comment form;
        Candid keeps credentials out of the database.
        """
        apps = _build_apps_from_settings(provider=provider, client_id=client_id)
        return [app for provider_apps in apps.values() for app in provider_apps]

    def get_app(self, request, provider, client_id=None):
        """A provider without credentials is simply not there (404), not a server error."""
        from allauth.socialaccount.models import SocialApp

        try:
            return super().get_app(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist:
            raise Http404(f"{provider} login is not configured on this site.") from None

    def populate_user(self, request, sociallogin, data):
        """A new reader from a provider: their display name and picture come along; no staff rights ever."""
        user = super().populate_user(request, sociallogin, data)
        full_name = " ".join(filter(None, [data.get("first_name"), data.get("last_name")]))
        user.display_name = (data.get("name") or full_name)[:150]
        user.avatar_url = (sociallogin.account.get_avatar_url() or "")[:500]
        user.is_staff = user.is_superuser = False
        return user
