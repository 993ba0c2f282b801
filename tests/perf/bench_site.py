"""The benchmark's work inside Candid, run with the bench site's environment (see tests/perf/bench.py).

python tests/perf/bench_site.py prepare         posts with 10 and 2,000 comments; no flood delay
python tests/perf/bench_site.py queries PATH…   SQL queries per page, cache off and on (JSON)
python tests/perf/bench_site.py comments SLUG   approved/pending/spam comments on a post (JSON)
"""

import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCALE_COUNTS = (10, 2000)  # with the corpus's own 200-comment post: 10 → 200 → 2,000
MAX_DEPTH = 5


def scale_slug(count):
    return f"bench-scale-{count}-comments"


def scale_date(count):
    import datetime

    return datetime.datetime(2014, 1, count % 28 + 1, 12, tzinfo=datetime.UTC)


def scale_path(count):
    return f"/{scale_date(count):%Y/%m/%d}/{scale_slug(count)}/"


def prepare():
    """Posts whose comment counts bracket the corpus's 200, threaded like it (five deep); no flood delay.

    The comment-posting run sends every comment from 127.0.0.1: the site's flood delay (one comment
    per IP every N seconds) would refuse all but the first, so it is set to 0; every other check runs.
    Comments are shown all on one page, as the anchor does (`page_comments=0`), so that the post with
    2,000 comments shows all 2,000.
    """
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from blog.models import Post, SiteSettings

    site = SiteSettings.objects.get_or_create(pk=1)[0]
    site.comment_flood_seconds, site.comments_per_page = 0, 0
    site.save()
    author = get_user_model().objects.filter(posts__isnull=False).order_by("pk").first()
    for count in SCALE_COUNTS:
        if Post.objects.filter(slug=scale_slug(count)).exists():
            continue
        with transaction.atomic():
            post = Post.objects.create(
                title=f"Scale: {count} comments", slug=scale_slug(count), author=author, format="html",
                body="<p>A post whose discussion grows, to see how its page's time grows with it.</p>",
                status=Post.Status.PUBLISHED, published_at=scale_date(count),
            )  # fmt: skip
            thread(post, count)


def thread(post, count):
    """`count` approved comments on `post`: a quarter start threads, the rest answer an earlier one."""
    from comments.models import Comment

    rng = random.Random(count)
    comments, depth = [], {}
    for n in range(count):
        parents = [c for c in comments[-50:] if depth[c.pk] < MAX_DEPTH]
        parent = rng.choice(parents) if parents and n % 4 else None
        comment = Comment.objects.create(
            post=post, parent=parent, status=Comment.Status.APPROVED, author_name=f"Reader {n}",
            author_email=f"reader{n}@example.org", body=f"Comment {n}: a few words on the matter, and a reply.",
        )  # fmt: skip
        depth[comment.pk] = depth[parent.pk] + 1 if parent else 1
        comments.append(comment)


def queries(paths):
    """SQL queries for an anonymous request of each path: with the page cache off, and repeats with it on.

    The fewest of three requests in a row: besides the page's own queries, a process compares the content
    generation with the database at most once a second (README, Performance), and whichever request
    happens to fall after that second pays for it.
    """
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def count(client, path):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return len(captured)

    counts = {}
    for path in paths:
        client = Client(HTTP_HOST="127.0.0.1")
        result = {}
        for state, seconds in (("off", 0), ("on", 600)):
            settings.PAGE_CACHE_SECONDS = seconds
            client.get(path)  # warm: the first request of a process loads settings and templates
            result[state] = min(count(client, path) for _ in range(3))
        counts[path] = result
    return counts


def comment_counts(slug):
    from comments.models import Comment

    statuses = Comment.objects.filter(post__slug=slug).values_list("status", flat=True)
    return {status: list(statuses).count(status) for status in set(statuses)}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    command, *arguments = sys.argv[1:]
    if command == "prepare":
        prepare()
    elif command == "queries":
        print(json.dumps(queries(arguments)))
    elif command == "comments":
        print(json.dumps(comment_counts(arguments[0])))
