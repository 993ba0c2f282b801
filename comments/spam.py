"""The layered rules that decide what happens to a new comment, each one a site setting.

`refusal()` answers the comments a reader must be told about at once (duplicates,
flooding); `verdict()` decides the status of the rest: spam, held, or approved.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from comments import bayes
from comments.models import Comment
from core import claims

LINK = re.compile(r"https?://|www\.", re.IGNORECASE)

DUPLICATE = _("Duplicate comment detected; it looks as though you’ve already said that!")
TOO_FAST = _("You are posting comments too quickly. Slow down.")


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str


# How long the claim on a comment's text keeps a copy out: long enough for simultaneous sends to meet it;
# after it, the stored comment itself refuses a copy.
DUPLICATE_CLAIM_SECONDS = 30


def refusal(comment, site):
    """The message refusing `comment` outright, or None.

    When None, the comment holds the claims that refuse its copies, and other comments from the same
    reader within the flood delay, however simultaneously they arrive (core/claims.py).
    """
    duplicate = claims.key_for("duplicate", comment.post_id, _author_key(comment), comment.body)
    if not claims.take(duplicate, DUPLICATE_CLAIM_SECONDS) or _stored_copy(comment):
        return DUPLICATE
    if site.comment_flood_seconds:
        taken = []
        for source in _sources(comment):
            if not claims.take(claims.key_for("flood", source), site.comment_flood_seconds):
                claims.give_back(duplicate, *taken)  # refused: the reader may send the same words later
                return TOO_FAST
            taken.append(claims.key_for("flood", source))
    return None


def _stored_copy(comment):
    mine = _same_author(Comment.objects.all(), comment)
    return mine.filter(post=comment.post, body=comment.body).exclude(status=Comment.Status.TRASH).exists()


def _author_key(comment):
    """Who wrote `comment`, as _same_author tells authors apart."""
    if comment.user_id:
        return f"user:{comment.user_id}"
    if comment.author_email:
        return f"email:{comment.author_email.lower()}"
    return f"guest:{comment.author_name}:{comment.ip_address}"


def _sources(comment):
    """Where a comment comes from, for the flood delay: the reader's address, and their account if any."""
    return [source for source in (comment.ip_address and f"ip:{comment.ip_address}",
                                  comment.user_id and f"user:{comment.user_id}") if source]  # fmt: skip


def verdict(comment, site, *, honeypot_filled=False, too_fast=False):
    """Decide the status of an acceptable comment, and why."""
    if honeypot_filled:
        return Verdict(Comment.Status.SPAM, "filled in the field only robots see")
    if term := _matching_term(comment, site.disallowed_terms):
        return Verdict(Comment.Status.TRASH, f"it matches the disallowed list (“{term}”)")
    comment.spam_score = bayes.score(comment)
    if comment.spam_score >= site.spam_filter_threshold:
        return Verdict(Comment.Status.PENDING, f"the spam filter rates it {comment.spam_score:.0%} likely spam")
    if too_fast:
        return Verdict(Comment.Status.PENDING, "the form was sent faster than a person types")
    if site.hold_all_comments:
        return Verdict(Comment.Status.PENDING, "every comment is held for approval")
    if len(LINK.findall(comment.body)) > site.hold_after_links:
        return Verdict(Comment.Status.PENDING, f"it has more than {site.hold_after_links} links")
    if term := _matching_term(comment, site.moderation_terms):
        return Verdict(Comment.Status.PENDING, f"it matches the moderation list (“{term}”)")
    if site.hold_first_comments and not _has_approved_before(comment):
        return Verdict(Comment.Status.PENDING, "a first comment is held for approval")
    return Verdict(Comment.Status.APPROVED, "")


def _same_author(comments, comment):
    if comment.user_id:
        return comments.filter(user=comment.user)
    if comment.author_email:
        return comments.filter(user=None, author_email__iexact=comment.author_email)
    return comments.filter(user=None, author_email="", author_name=comment.author_name, ip_address=comment.ip_address)


def _has_approved_before(comment):
    if comment.user_id and comment.user.has_perm("blog.publish_posts"):
        return True  # the blog's own authors and editors
    if not (comment.user_id or comment.author_email):
        return False
    return _same_author(Comment.objects.approved(), comment).exists()


def _matching_term(comment, terms):
    """The first line of `terms` found in the comment or its author's details, or equal to its address."""
    haystack = " ".join([comment.body, comment.author_name, comment.author_email, comment.author_url]).lower()
    for term in (line.strip().lower() for line in terms.splitlines()):
        if term and (term in haystack or term == (comment.ip_address or "")):
            return term
    return None
