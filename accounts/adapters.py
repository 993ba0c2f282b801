"""How django-allauth treats Candid's readers (settings ACCOUNT_ADAPTER and SOCIALACCOUNT_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter, _build_apps_from_settings
from allauth.socialaccount.models import SocialApp
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404

from accounts.providers import avatar_url
from blog.models import SiteSettings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Local sign-up follows the site's membership setting; closed, allauth shows signup_closed.html."""
        return SiteSettings.for_request(request).registration == SiteSettings.Registration.OPEN


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        """A new account through a provider: when anyone may register, or the site allows providers only."""
        registration = SiteSettings.for_request(request).registration
        return registration in (SiteSettings.Registration.OPEN, SiteSettings.Registration.SOCIAL)

    def list_apps(self, request, provider=None, client_id=None):
        """The login providers, from the environment only (README, Configuration).

        allauth would also look for apps in the database, a query on every page with a comment form;
        Candid keeps credentials out of the database.
        """
        # A private helper, but allauth 65 has no public way to read the apps from the settings alone; it is
        # what allauth's own list_apps() calls for them, so it follows allauth's settings format exactly.
        apps = _build_apps_from_settings(provider=provider, client_id=client_id)
        return [app for provider_apps in apps.values() for app in provider_apps]

    def get_app(self, request, provider, client_id=None):
        """A provider without credentials is simply not there (404), not a server error."""
        try:
            return super().get_app(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist:
            raise Http404(f"{provider} login is not configured on this site.") from None

    def can_authenticate_by_email(self, login, email):
        """Log in by an address the provider verified only to a reader's account that verified it here too.

        allauth calls this only for addresses the provider vouches for. Never a staff account: a provider
        account claiming an editor's address must not become the editor. And not through the demo
        provider, which vouches for whatever address is typed into it.
        """
        if not super().can_authenticate_by_email(login, email) or login.provider.id == "dummy":
            return False
        holders = get_user_model().objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
        confirmed = set(EmailAddress.objects.filter(email__iexact=email, verified=True).values_list("user", flat=True))
        # Every account holding the address must qualify, whichever of them allauth then picks.
        return all(user.pk in confirmed and not (user.is_staff or user.is_superuser) for user in holders.distinct())

    def populate_user(self, request, sociallogin, data):
        """A new reader from a provider: their display name and picture come along; no staff rights ever."""
        user = super().populate_user(request, sociallogin, data)
        full_name = " ".join(filter(None, [data.get("first_name"), data.get("last_name")]))
        user.display_name = (data.get("name") or full_name)[:150]
        user.avatar_url = avatar_url(sociallogin.account)
        user.is_staff = user.is_superuser = False
        return user
