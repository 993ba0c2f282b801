from allauth.socialaccount.providers.base import ProviderAccount
from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider


class WordPressComAccount(ProviderAccount):
    pass


class WordPressComProvider(OAuth2Provider):
    id = "wordpress_com"
    name = "WordPress.com"
    account_class = WordPressComAccount

    def extract_uid(self, data):
        return str(data["ID"])


provider_classes = [WordPressComProvider]
