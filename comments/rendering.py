"""A post's comment list as HTML, written in Python rather than in a template.

The template engine spends tens of microseconds on each value it prints (resolving, localising,
escaping): at 200 comments of some twenty values each, that was most of the post page's time. Here
each comment costs one format string; every value from a reader is escaped (format_html).
"""

from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext

from comments.models import Comment


class CommentDates:
    """A comment's date as `{{ date|date:"F j, Y \\a\\t g:i a" }}` prints it ("March 5, 2011 at 4:07 p.m."),
    and for machines, with the words translated once per page rather than once per comment."""

    def __init__(self):
        self.months = {number: str(name) for number, name in MONTHS.items()}
        self.halves = (gettext("a.m."), gettext("p.m."))

    def for_reader(self, moment):
        hour = moment.hour % 12 or 12
        return (
            f"{self.months[moment.month]} {moment.day}, {moment.year} at "
            f"{hour}:{moment.minute:02d} {self.halves[moment.hour >= 12]}"
        )

    @staticmethod
    def for_machine(moment):
        return moment.strftime("%Y-%m-%dT%H:%M:%S%z")


def comment_list(comments, still_open, post, accepts_comments, hue):
    """The nested <ol> of `comments` (marked up by comments.tree.thread); `hue(comment)` picks an avatar colour."""
    parts, dates = ['<ol class="comment-list">'], CommentDates()
    for n, comment in enumerate(comments):
        if comment.opens:
            parts.append('<ol class="children">')
        elif n:
            parts.append("</li>")
        parts.append("</ol></li>" * len(comment.closes))
        parts.append(_comment(comment, post, accepts_comments, hue(comment), dates))
    parts.append("</li>" + "</ol></li>" * len(still_open) + "</ol>")
    return mark_safe("\n".join(parts))  # noqa: S308 (every part is escaped above or is fixed markup)


def _comment(c, post, accepts_comments, hue, dates):
    name = c.display_name
    by_post_author = bool(c.user_id and c.user_id == post.author_id)
    pending = c.status == Comment.Status.PENDING
    created = localtime(c.created_at)
    classes = f"comment depth-{c.shown_depth + 1}" + (" bypostauthor" if by_post_author else "")
    classes += " pending" if pending else ""
    author = name
    if c.author_url:
        author = format_html('<a href="{}" rel="external nofollow ugc">{}</a>', c.author_url, name)
    return format_html(
        '<li id="comment-{pk}" class="{classes}">\n'
        '<article class="comment-body" id="div-comment-{pk}">\n'
        '<footer class="comment-meta">\n'
        '<span class="avatar hue-{hue}" aria-hidden="true">{initial}</span>\n'
        '<b class="fn">{author}</b>{badge}\n'
        '<span class="says">says:</span>\n'
        '<a class="comment-permalink" href="#comment-{pk}"><time datetime="{machine_date}">{date}</time></a>\n'
        "</footer>{awaiting}\n"
        '<div class="comment-content">{body}</div>{reply}\n'
        "</article>",
        pk=c.pk,
        classes=classes,
        hue=hue,
        initial=name[:1].upper(),
        author=author,
        badge=mark_safe('\n<span class="author-badge">Post author</span>') if by_post_author else "",
        machine_date=dates.for_machine(created),
        date=dates.for_reader(created),
        awaiting=mark_safe('\n<p class="comment-awaiting-moderation">Your comment is awaiting moderation.</p>')
        if pending
        else "",
        body=mark_safe(c.body_html),  # noqa: S308 (sanitised when the comment was saved)
        reply=format_html(
            '\n<p class="reply"><a class="comment-reply-link" rel="nofollow" href="?replytocom={pk}#respond" '
            'data-comment="{pk}" data-name="{name}" aria-label="Reply to {name}">Reply</a></p>',
            pk=c.pk,
            name=name,
        )
        if accepts_comments and c.status == Comment.Status.APPROVED
        else "",
    )
