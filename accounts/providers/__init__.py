"""Login providers: Candid's own (WordPress.com), and what Candid reads from any provider's account."""

from urllib.parse import urlsplit

# The length of User.avatar_url; a longer address cut short would only be a broken image.
MAX_AVATAR_URL = 500


def web_url(url):
    """Return `url` if it is an http(s) address, else None: templates put it in href and src."""
    if isinstance(url, str) and urlsplit(url).scheme in ("https", "http"):
        return url
    return None


def avatar_url(account):
    """The reader's picture at their provider (a SocialAccount), as a web address, or ""."""
    url = account.get_avatar_url()
    if url is None and account.provider == "facebook":
        # allauth's Facebook account offers no picture; Candid asks Facebook for one (SOCIALACCOUNT_PROVIDERS)
        # and skips the grey silhouette Facebook sends for people without a photo.
        picture = account.extra_data.get("picture")
        data = picture.get("data") if isinstance(picture, dict) else None
        if isinstance(data, dict) and not data.get("is_silhouette"):
            url = data.get("url")
    url = web_url(url)
    return url if url and len(url) <= MAX_AVATAR_URL else ""
