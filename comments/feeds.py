"""RSS 2.0 and Atom feeds of approved comments, pingbacks and trackbacks: the site's and one post's.

A password-protected post's discussion is as private as its text: it is in no comment feed.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from blog.feeds import AtomWithContent, SiteFeed
from blog.models import Post
from blog.reading import date_or_404
from comments.models import Comment


def readable_posts():
    """Published posts without a password: the ones whose comments anyone may read."""
    return Post.objects.published().unprotected()


class CommentFeed(SiteFeed):
    """The newest approved comments on the site's readable posts."""

    limit = 20

    def items(self):
        comments = Comment.objects.approved().filter(post__in=readable_posts()).select_related("post", "user")
        return comments.order_by("-created_at", "-pk")[: self.limit]

    def title(self):
        return f"Comments for {self.site.title}"

    def link(self):
        return reverse("blog:home")

    def item_title(self, comment):
        return f"Comment on {comment.post.title} by {comment.display_name}"

    def item_description(self, comment):
        return comment.body_html

    def item_author_name(self, comment):
        return comment.display_name

    def item_pubdate(self, comment):
        return comment.created_at


class CommentAtomFeed(CommentFeed):
    feed_type = AtomWithContent


class PostCommentFeed(CommentFeed):
    """One readable post's newest approved comments; the post is found as its page finds it."""

    def get_object(self, request, year, month, day, slug):
        return get_object_or_404(readable_posts(), published_on=date_or_404(year, month, day), slug=slug)

    def items(self, post):
        # Comments fetched through `post.comments` come with `comment.post` already set.
        return post.comments.approved().select_related("user").order_by("-created_at", "-pk")[: self.limit]

    def title(self, post):
        return f"Comments on: {post.title}"

    def link(self, post):
        return post.get_absolute_url()

    def item_title(self, comment):
        return f"By: {comment.display_name}"


class PostCommentAtomFeed(PostCommentFeed):
    feed_type = AtomWithContent
