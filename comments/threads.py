"""A post's discussion as its page shows it: one query, split into pings and pages of threads, nested from one
flat, path-ordered list (no query and no template include per comment)."""

from django.db.models import Q
from django.db.models.functions import Substr

from comments.models import PATH_DIGITS, Comment

PAGE_PARAMETER = "cpage"


def discussion(post, site, *, pending_ids=(), page=1):
    """What the post page shows: the heading's count, one page of threads, the pingbacks."""
    shown = Q(status=Comment.Status.APPROVED) | Q(status=Comment.Status.PENDING, pk__in=list(pending_ids))
    comments = list(post.comments.filter(shown).select_related("user"))
    talk = [c for c in comments if c.kind == Comment.Kind.COMMENT]
    pages = _pages_of_threads(talk, site.comments_per_page)
    page = min(max(page, 1), len(pages))
    on_page = pages[page - 1]
    return {
        "count": sum(1 for c in comments if c.status == Comment.Status.APPROVED),
        "comments": on_page,
        "still_open": thread(on_page, site.thread_depth),
        "pings": [c for c in comments if c.kind != Comment.Kind.COMMENT and c.status == Comment.Status.APPROVED],
        "page": page,
        "page_count": len(pages),
    }


def _pages_of_threads(comments, per_page):
    """Split path-ordered comments into pages of `per_page` top-level threads (all on one page if 0)."""
    threads = []
    for comment in comments:
        root = comment.path.split("/", 1)[0]
        if not threads or threads[-1][0] != root:
            threads.append((root, []))
        threads[-1][1].append(comment)
    per_page = per_page or len(threads) or 1
    pages = [threads[i : i + per_page] for i in range(0, len(threads), per_page)] or [[]]
    return [[c for _, thread_comments in page for c in thread_comments] for page in pages]


def page_of(comment, per_page):
    """The page of the discussion on which `comment` appears."""
    if not per_page:
        return 1
    root_path = comment.path[:PATH_DIGITS]
    earlier = Comment.objects.approved().filter(post=comment.post_id, kind=Comment.Kind.COMMENT, path__lt=root_path)
    earlier_threads = earlier.annotate(root=Substr("path", 1, PATH_DIGITS)).values("root").distinct().count()
    return earlier_threads // per_page + 1


def page_query(comment, site):
    """The query string of the discussion page `comment` is on ("" for the first)."""
    page = page_of(comment, site.comments_per_page)
    return f"?{PAGE_PARAMETER}={page}" if page > 1 else ""


def comment_url(comment, site):
    return f"{comment.post.get_absolute_url()}{page_query(comment, site)}#comment-{comment.pk}"


def thread(comments, levels=None):
    """Mark each comment of a path-ordered list with how to nest it in <ol>/<li> markup.

    Sets `opens` (True when it starts a list of replies under the previous
    comment) and `closes` (how many reply lists end before it), and returns how
    many lists are still open after the last one. A reply whose parent is not
    shown (held, spam) nests under its nearest shown ancestor; one deeper than
    `levels` (an imported discussion, say) is shown at the deepest level, after
    its parent, as WordPress shows it.
    """
    stack = []  # paths of the shown ancestors of the current comment
    for comment in comments:
        shown_before = len(stack)
        while stack and not comment.path.startswith(stack[-1] + "/"):
            stack.pop()
        if levels:
            del stack[levels - 1 :]
        depth = len(stack)
        comment.opens = depth > 0 and depth == shown_before
        comment.closes = range(0 if comment.opens else max(0, shown_before - 1 - depth))
        comment.shown_depth = depth
        stack.append(comment.path)
    return range(max(0, len(stack) - 1))
