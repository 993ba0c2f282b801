"""A post's comment list as HTML, written in Python rather than in a template.

The template engine spends tens of microseconds on each value it prints (resolving, localising,
escaping): at 200 comments of some twenty values each, that was most of the post page's time. Here
each comment costs one format string, and every value in it is escaped unless it is already safe HTML.
"""

import html

from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext

from comments.avatars import picture_for
from comments.models import Comment
from comments.threads import PAGE_PARAMETER


class CommentDates:
    """A comment's date as `{{ date|date:"F j, Y \\a\\t g:i a" }}` prints it ("March 5, 2011 at 4:07 p.m."),
    and for machines, with the words translated once per page rather than once per comment."""

    def __init__(self):
        self.months = {number: str(name) for number, name in MONTHS.items()}
        self.halves = (gettext("a.m."), gettext("p.m."))
        # Translators: a comment's date and time, "March 5, 2011 at 4:07 p.m."
        self.date_at_time = gettext("%(date)s at %(time)s")

    def for_reader(self, moment):
        hour = moment.hour % 12 or 12
        return self.date_at_time % {
            "date": f"{self.months[moment.month]} {moment.day}, {moment.year}",
            "time": f"{hour}:{moment.minute:02d} {self.halves[moment.hour >= 12]}",
        }

    @staticmethod
    def for_machine(moment):
        return moment.strftime("%Y-%m-%dT%H:%M:%S%z")


class CommentWords:
    """The list's fixed words, translated and escaped once per page rather than once per comment."""

    def __init__(self):
        self.says = conditional_escape(gettext("says:"))
        self.badge = format_html('\n<span class="author-badge">{}</span>', gettext("Post author"))
        self.awaiting = format_html(
            '\n<p class="comment-awaiting-moderation">{}</p>', gettext("Your comment is awaiting moderation.")
        )
        self.reply = conditional_escape(gettext("Reply"))
        self.reply_to = gettext("Reply to %(name)s")
        # Translators: beside the date of a comment its writer changed after posting it
        self.edited = format_html('\n<span class="comment-edited">{}</span>', gettext("edited"))
        self.edit = conditional_escape(gettext("Edit"))
        self.edit_label = conditional_escape(gettext("Edit or delete your comment"))


def _html(template, **values):
    """format_html(template, **values) as it prints, without its check of every value for a lazy string
    (a sixth of the comment list's time): each value escaped as conditional_escape() does."""
    escaped = {name: v.__html__() if hasattr(v, "__html__") else html.escape(str(v)) for name, v in values.items()}
    return SafeString(template.format(**escaped))


AVATAR = '<img class="avatar" src="{src}" alt="" width="32" height="32" loading="lazy" referrerpolicy="no-referrer">'


def comment_list(comments, still_open, post, accepts_comments, gravatars=False, page=1, changeable=frozenset()):
    """The nested <ol> of `comments` (marked up by comments.threads.thread), each with its writer's picture;
    those whose ids are in `changeable` with a link to edit them (comments/editing.py)."""
    parts, dates, words = ['<ol class="comment-list">'], CommentDates(), CommentWords()
    # A reply link opens the form on the same page of a paged discussion, with the comment it answers.
    reply_query = f"?{PAGE_PARAMETER}={page}&replytocom=" if page > 1 else "?replytocom="
    for n, comment in enumerate(comments):
        if comment.opens:
            parts.append('<ol class="children">')
        elif n:
            parts.append("</li>")
        parts.append("</ol></li>" * len(comment.closes))
        avatar = _html(AVATAR, src=picture_for(comment, gravatars))
        edit = _edit_link(comment.pk, words) if comment.pk in changeable else ""
        parts.append(_comment(comment, post, accepts_comments, avatar, dates, words, reply_query, edit))
    parts.append("</li>" + "</ol></li>" * len(still_open) + "</ol>")
    return mark_safe("\n".join(parts))  # noqa: S308 (every part is escaped above or is fixed markup)


def _edit_link(pk, words):
    return _html(
        '\n<a class="comment-edit-link" rel="nofollow" href="{url}" aria-label="{label}">{edit}</a>',
        url=reverse("comments:edit", args=[pk]),
        label=words.edit_label,
        edit=words.edit,
    )


def _comment(c, post, accepts_comments, avatar, dates, words, reply_query, edit):
    name = c.display_name
    by_post_author = bool(c.user_id and c.user_id == post.author_id)
    pending = c.status == Comment.Status.PENDING
    created = localtime(c.created_at)
    classes = f"comment depth-{c.shown_depth + 1}" + (" bypostauthor" if by_post_author else "")
    classes += " pending" if pending else ""
    author = name
    if c.author_url:
        author = _html('<a href="{url}" rel="external nofollow ugc">{name}</a>', url=c.author_url, name=name)
    return _html(
        '<li id="comment-{pk}" class="{classes}">\n'
        '<article class="comment-body" id="div-comment-{pk}">\n'
        '<footer class="comment-meta">\n'
        "{avatar}\n"
        '<b class="fn">{author}</b>{badge}\n'
        '<span class="says">{says}</span>\n'
        '<a class="comment-permalink" href="#comment-{pk}"><time datetime="{machine_date}">{date}</time></a>'
        "{edited}{edit}\n"
        "</footer>{awaiting}\n"
        '<div class="comment-content">{body}</div>{reply}\n'
        "</article>",
        pk=c.pk,
        classes=classes,
        avatar=avatar,
        author=author,
        says=words.says,
        badge=words.badge if by_post_author else "",
        machine_date=dates.for_machine(created),
        date=dates.for_reader(created),
        edited=words.edited if c.edited_at else "",
        edit=edit,
        awaiting=words.awaiting if pending else "",
        body=mark_safe(c.body_html),  # noqa: S308 (sanitised when the comment was saved)
        reply=_html(
            '\n<p class="reply"><a class="comment-reply-link" rel="nofollow" href="{query}{pk}#respond" '
            'data-comment="{pk}" data-name="{name}" aria-label="{label}">{reply}</a></p>',
            query=reply_query,
            pk=c.pk,
            name=name,
            label=words.reply_to % {"name": name},
            reply=words.reply,
        )
        if accepts_comments and c.status == Comment.Status.APPROVED
        else "",
    )
