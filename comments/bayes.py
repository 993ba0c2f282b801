"""A local, learning spam filter (Paul Graham's "A Plan for Spam"): no cloud service involved.

Moderators teach it: marking a comment spam counts its words as spam, approving
it counts them as ham. A new comment's score is the combined probability of its
most telling words.
"""

import math
import re

from django.db.models import F

from comments.models import SpamToken

TOKEN = re.compile(r"[a-z0-9$'@.-]{2,40}")
MOST_TELLING = 15
UNKNOWN = 0.4  # a word never seen leans slightly to ham, as in Graham's filter


def tokens(comment):
    """The distinct words of a comment, its author's name, e-mail domain and link hosts included."""
    text = " ".join([comment.body, comment.author_name, comment.author_email.rpartition("@")[2], comment.author_url])
    return {token.strip(".-'") for token in TOKEN.findall(text.lower())} - {""}


def score(comment):
    """The probability, from 0 to 1, that `comment` is spam; 0.5 when the filter knows nothing yet."""
    words = tokens(comment)
    counts = {t.token: t for t in SpamToken.objects.filter(token__in=words)}
    totals = _totals()
    if not all(totals):
        return 0.5
    probabilities = [_word_probability(counts.get(word), *totals) for word in words]
    telling = sorted(probabilities, key=lambda p: abs(p - 0.5), reverse=True)[:MOST_TELLING]
    if not telling:
        return 0.5
    # Combine in log space so many small probabilities do not underflow.
    spam = sum(math.log(p) for p in telling)
    ham = sum(math.log(1 - p) for p in telling)
    return 1 / (1 + math.exp(ham - spam))


def train(comment, is_spam, *, undo=False):
    """Count the comment's words as spam or ham (or take a previous lesson back with `undo`)."""
    field = "spam" if is_spam else "ham"
    step = -1 if undo else 1
    for word in tokens(comment) | {TOTAL}:
        token, _ = SpamToken.objects.get_or_create(token=word)
        if step > 0 or getattr(token, field) > 0:
            SpamToken.objects.filter(pk=token.pk).update(**{field: F(field) + step})


TOTAL = "__comments__"  # a row counting the comments learnt, not a word


def _totals():
    row = SpamToken.objects.filter(token=TOTAL).first()
    return (row.spam, row.ham) if row else (0, 0)


def _word_probability(token, spam_total, ham_total):
    if token is None or token.spam + 2 * token.ham < 3:
        return UNKNOWN
    in_spam = min(1.0, token.spam / spam_total)
    in_ham = min(1.0, 2 * token.ham / ham_total)  # ham counts double: a false positive costs more
    return max(0.01, min(0.99, in_spam / (in_spam + in_ham)))
