"""The feeds' URLs: `<archive URL>feed/` for RSS 2.0 and `…feed/atom/` for Atom (the comment feeds' are in
comments/feed_urls.py; config/urls.py puts both in the "feeds" namespace).

Included at the site's root before blog.urls, whose category and page patterns would
otherwise take `…/feed/` for part of a category or page path.
"""

from django.urls import re_path

from blog import feeds

DATE_ARCHIVE = r"(?P<year>[0-9]{4})/(?:(?P<month>[0-9]{2})/(?:(?P<day>[0-9]{2})/)?)?"


def feed_pair(prefix, rss_feed, atom_feed, name):
    """Route `prefix` + "feed/" to `rss_feed` as `name`, and + "feed/atom/" to `atom_feed` as `name`_atom."""
    return [
        re_path(rf"^{prefix}feed/$", rss_feed(), name=name),
        re_path(rf"^{prefix}feed/atom/$", atom_feed(), name=f"{name}_atom"),
    ]


urlpatterns = [
    *feed_pair("", feeds.PostFeed, feeds.PostAtomFeed, "posts"),
    *feed_pair(r"category/(?P<path>[-\w]+(?:/[-\w]+)*)/", feeds.CategoryFeed, feeds.CategoryAtomFeed, "category"),
    *feed_pair(DATE_ARCHIVE, feeds.DateArchiveFeed, feeds.DateArchiveAtomFeed, "date_archive"),
    *feed_pair(r"tag/(?P<slug>[-\w]+)/", feeds.TagFeed, feeds.TagAtomFeed, "tag"),
    *feed_pair(r"author/(?P<username>[\w.@+-]+)/", feeds.AuthorFeed, feeds.AuthorAtomFeed, "author"),
]
