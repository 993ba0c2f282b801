"""The comment feeds' URLs: the site's at `/comments/feed/`, a post's at `<post URL>feed/` (each also `…atom/`)."""

from blog.feed_urls import feed_pair
from comments import feeds

POST = r"(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/(?P<slug>[-\w]+)/"

urlpatterns = [
    *feed_pair("comments/", feeds.CommentFeed, feeds.CommentAtomFeed, "comments"),
    *feed_pair(POST, feeds.PostCommentFeed, feeds.PostCommentAtomFeed, "post_comments"),
]
