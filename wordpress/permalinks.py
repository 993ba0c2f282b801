"""The old blog's permalink structure (`--permalinks '/%year%/%monthnum%/%postname%/'`), to map old post URLs."""

import re

from django.utils import timezone

from blog.models import SiteSettings

TAGS = {
    "%year%": lambda post, local: f"{local:%Y}",
    "%monthnum%": lambda post, local: f"{local:%m}",
    "%day%": lambda post, local: f"{local:%d}",
    "%hour%": lambda post, local: f"{local:%H}",
    "%minute%": lambda post, local: f"{local:%M}",
    "%second%": lambda post, local: f"{local:%S}",
    "%postname%": lambda post, local: post.slug,
    "%post_id%": lambda post, local: str(post.wp_id or post.pk),
    "%category%": lambda post, local: (post.categories.order_by("pk").first() or _uncategorized).path,
    "%author%": lambda post, local: post.author.username,
}
TAG = re.compile(r"%[a-z_]+%")


class _Uncategorized:
    path = "uncategorized"


_uncategorized = _Uncategorized()


class PermalinkStructure:
    def __init__(self, structure):
        unknown = set(TAG.findall(structure)) - set(TAGS)
        if unknown:
            raise ValueError(f"unknown permalink tags {', '.join(sorted(unknown))}; known: {', '.join(TAGS)}")
        if not structure.startswith("/"):
            raise ValueError("a permalink structure starts with /, like /%year%/%monthnum%/%postname%/")
        self.structure = structure

    def path_for(self, post):
        """The post's address under the old structure."""
        moment = post.published_at or timezone.now()
        local = timezone.localtime(moment, SiteSettings.load().tzinfo)
        return TAG.sub(lambda m: TAGS[m.group(0)](post, local), self.structure)
