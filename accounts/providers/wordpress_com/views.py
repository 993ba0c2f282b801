from http import HTTPStatus

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter, OAuth2CallbackView, OAuth2LoginView


class WordPressComOAuth2Adapter(OAuth2Adapter):
    provider_id = "wordpress_com"
    access_token_url = "https://public-api.wordpress.com/oauth2/token"  # noqa: S105 (a URL, not a secret)
    authorize_url = "https://public-api.wordpress.com/oauth2/authorize"
    profile_url = "https://public-api.wordpress.com/rest/v1.1/me"

    def complete_login(self, request, app, token, **kwargs):
        """Fetch the WordPress.com profile the token belongs to and return an unsaved SocialLogin."""
        headers = {"Authorization": f"Bearer {token.token}"}
        with get_adapter().get_requests_session() as session:
            response = session.get(self.profile_url, headers=headers)
        if response.status_code != HTTPStatus.OK:
            raise OAuth2Error(
                f"WordPress.com refused the profile request ({self.profile_url}): HTTP {response.status_code}"
            )
        profile = response.json()
        if not isinstance(profile, dict) or not profile.get("ID"):
            raise OAuth2Error("WordPress.com returned a profile without a user ID.")
        return self.get_provider().sociallogin_from_response(request, profile)


oauth2_login = OAuth2LoginView.adapter_view(WordPressComOAuth2Adapter)
oauth2_callback = OAuth2CallbackView.adapter_view(WordPressComOAuth2Adapter)
