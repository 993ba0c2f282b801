"""Revisions: each save of a post in the admin keeps its previous title, excerpt and body."""

import difflib

from blog.models import Post, Revision

TRACKED = ("title", "excerpt", "body")


def record(post, user):
    """Keep `post` as it is stored now, if the unsaved `post` changes any tracked field."""
    before = Post.objects.filter(pk=post.pk).values(*TRACKED).first()
    if before and any(before[field] != getattr(post, field) for field in TRACKED):
        Revision.objects.create(post=post, saved_by=user, **before)


def restore(post, revision, user):
    """Put `revision`'s text back into `post`, keeping the current text as a revision of its own."""
    for field in TRACKED:
        setattr(post, field, getattr(revision, field))
    record(post, user)
    post.save()


def diff(old, new):
    """Line-by-line differences from `old` to `new`: a list of ("added" | "removed" | "same", line)."""
    kinds = {"+": "added", "-": "removed", " ": "same"}
    lines = difflib.ndiff(old.splitlines(), new.splitlines())
    return [(kinds[line[0]], line[2:]) for line in lines if line[0] in kinds]


def compare(revision, post):
    """The differences from `revision` to the current `post`, field by field."""
    return [(field, diff(getattr(revision, field), getattr(post, field))) for field in TRACKED]
