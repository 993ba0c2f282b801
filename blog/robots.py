from django.http import HttpResponse
from django.urls import reverse


def robots_txt(request):
    """Keep crawlers out of the admin and the account pages, and point them to the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
