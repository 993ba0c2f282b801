from blog.models import SiteSettings


def site(request):
    """The site's identity for every template: `site.title`, `site.tagline`."""
    return {"site": SiteSettings.for_request(request)}
