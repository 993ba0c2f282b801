from allauth.account.models import EmailAddress
from allauth.socialaccount.providers.base import ProviderAccount
from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider

from accounts.providers import web_url
from accounts.providers.wordpress_com.views import WordPressComOAuth2Adapter


class WordPressComAccount(ProviderAccount):
    def get_avatar_url(self):
        return web_url(self.account.extra_data.get("avatar_URL"))

    def get_profile_url(self):
        return web_url(self.account.extra_data.get("profile_URL"))

    def to_str(self):
        # The WordPress.com username is what the reader signs in there with; unique, unlike a display name.
        data = self.account.extra_data
        return data.get("username") or data.get("display_name") or super().to_str()


class WordPressComProvider(OAuth2Provider):
    id = "wordpress_com"
    name = "WordPress.com"
    account_class = WordPressComAccount
    oauth2_adapter_class = WordPressComOAuth2Adapter

    def get_default_scope(self):
        # "auth" reads the /me profile and nothing else; "global" would open every blog of the user's.
        return ["auth"]

    def extract_uid(self, data):
        return str(data["ID"])

    def extract_common_fields(self, data):
        name = (data.get("display_name") or "").strip()
        first_name, _, last_name = name.partition(" ")
        return {
            "email": data.get("email"),
            "username": data.get("username"),
            "name": name,
            "first_name": first_name,
            "last_name": last_name.strip(),
        }

    def extract_email_addresses(self, data):
        email = data.get("email")
        if not email:
            return []
        # Trust the address only when WordPress.com says it confirmed it, and only a real boolean.
        return [EmailAddress(email=email, verified=data.get("email_verified") is True, primary=True)]


provider_classes = [WordPressComProvider]
