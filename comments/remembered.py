"""What a commenter is remembered by between requests: the comments they wrote, and the details they asked to keep.

The ids of the comments written in a browser stay in its session, so that the writer (and only they) sees
their comment while it awaits moderation, and may change it for the minutes the site allows
(comments/editing.py); a guest's name, e-mail and website stay in an encrypted cookie
(comments/author_cookie.py) if they ticked the box. Either makes the page theirs: the page cache serves
neither a copy (core/pagecache/).
"""

import time

from comments import author_cookie

AUTHOR_COOKIE = "comment_author"
AUTHOR_COOKIE_AGE = 60 * 60 * 24 * 365
WRITTEN_SESSION_KEY = "comments_written"
KEEP_WRITTEN = 20


def remember_written(request, comment, until=None):
    """Remember that this browser wrote `comment` until the moment `until` (None: for as long as the session
    lasts, as a held comment needs): its writer sees it while it is held, and may change it meanwhile."""
    written = [entry for entry in _entries(request) if entry[0] != comment.pk]
    request.session[WRITTEN_SESSION_KEY] = [*written, [comment.pk, until and until.timestamp()]][-KEEP_WRITTEN:]


def written_by(request):
    """The ids of the comments this browser wrote and is still remembered for (the latest ones)."""
    return [pk for pk, _ in _entries(request)]


def _entries(request):
    """The session's [id, until] entries, those past their end forgotten: once none is left, the session
    (and its cookie) may go, and the reader gets shared cached pages again."""
    entries = request.session.get(WRITTEN_SESSION_KEY)
    if not entries:
        return []
    now = time.time()
    kept = [entry for entry in entries if entry[1] is None or entry[1] >= now]
    if len(kept) < len(entries):
        if kept:
            request.session[WRITTEN_SESSION_KEY] = kept
        else:
            del request.session[WRITTEN_SESSION_KEY]
            if not request.session.keys():
                request.session.flush()  # nothing else in it (no login): its cookie goes too
    return kept


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
