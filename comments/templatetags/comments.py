from django import template

from blog.models import Post
from comments.models import Comment
from comments.tree import thread

register = template.Library()


@register.inclusion_tag("comments/thread.html")
def comment_thread(post):
    """A post's approved discussion, fetched in one query and nested without recursion."""
    shown = list(post.comments.approved().select_related("user"))
    comments = [c for c in shown if c.kind == Comment.Kind.COMMENT]
    return {
        "post": post,
        "count": len(shown),
        "comments": comments,
        "still_open": thread(comments),
        "pings": [c for c in shown if c.kind != Comment.Kind.COMMENT],
    }


@register.inclusion_tag("comments/widgets/recent_comments.html")
def recent_comments(limit=5):
    latest = (
        Comment.objects.approved()
        .filter(kind=Comment.Kind.COMMENT, post__in=Post.objects.published().unprotected())
        .select_related("post", "user")
        .order_by("-created_at")[:limit]
    )
    return {"comments": latest}
