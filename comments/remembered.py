"""What a commenter is remembered by between requests: their held comments, and the details they asked to keep.

A held comment's id stays in the reader's session, so that they (and only they) see it awaiting moderation;
a guest's name, e-mail and website stay in an encrypted cookie (comments/author_cookie.py) if they ticked
the box. Either makes the page theirs: the page cache serves neither a copy (core/pagecache/).
"""

from comments import author_cookie

AUTHOR_COOKIE = "comment_author"
AUTHOR_COOKIE_AGE = 60 * 60 * 24 * 365
PENDING_SESSION_KEY = "pending_comments"
KEEP_PENDING = 20


def remember_pending(request, comment):
    """Let the reader see their own held comment (and only they) until a moderator decides."""
    pending = request.session.get(PENDING_SESSION_KEY, [])
    request.session[PENDING_SESSION_KEY] = [*pending, comment.pk][-KEEP_PENDING:]


def pending_for(request):
    return request.session.get(PENDING_SESSION_KEY, [])


def remember_author(request, response, form):
    """Keep a guest's name, e-mail and website for next time, only if they ticked the box."""
    if request.user.is_authenticated:
        return
    if form.cleaned_data.get("remember"):
        author = {key: form.cleaned_data[key] for key in ("name", "email", "url")}
        author_cookie.store(response, AUTHOR_COOKIE, author, max_age=AUTHOR_COOKIE_AGE, secure=request.is_secure())
    else:
        response.delete_cookie(AUTHOR_COOKIE)


def remembered_author(request):
    """The name, e-mail and website a guest asked to be remembered, or {}."""
    return author_cookie.load(request, AUTHOR_COOKIE, max_age=AUTHOR_COOKIE_AGE)
