"""A generated WordPress export (WXR) for the benchmarks: the same blog, of any size, every time.

    write(path)                                   the bench's corpus when the anchor's export is not there
    write(path, posts=4000, comments_per_post=10)   the large import of `make bench-import`

It follows the WordPress anchor's corpus (../shared/bench/wordpress/README.md), which lives outside the
checkout, closely enough that bench.py measures the same pages at the same addresses:
- 3 authors; 7 categories, Django a child of Python; 12 tags, one non-ASCII;
- posts spread over 2009-01 to 2013-12 (with 60 or more, every month has one), each ~600 words of
  classic-editor HTML split by <!--more--> after its first paragraph, in 1-2 categories and 0-3 tags;
  every 10th post has its comments closed;
- the newest post, /2013/12/27/bench-discussion/, with 200 approved comments threaded five deep (every
  20th by the post's author) and 3 held for moderation, which must not show;
- `comments_per_post` approved comments, threaded the same way, on each of the others; 2 pages.
A fixed seed and no clock: the same arguments write the same file.
"""

import datetime
import itertools
import random
import re

from tests.wordpress.wxr_builder import comment, item, wxr

AUTHORS = [
    {"id": 2, "login": "alice", "name": "Alice Martin", "email": "alice@example.com"},
    {"id": 3, "login": "bruno", "name": "Bruno Keller", "email": "bruno@example.com"},
    {"id": 4, "login": "chandra", "name": "Chandra Rao", "email": "chandra@example.com"},
]
CATEGORIES = [
    {"id": 1, "slug": "general", "name": "General"},
    {"id": 2, "slug": "python", "name": "Python"},
    {"id": 3, "slug": "django", "name": "Django", "parent": "python"},
    {"id": 4, "slug": "databases", "name": "Databases"},
    {"id": 5, "slug": "web-performance", "name": "Web Performance"},
    {"id": 6, "slug": "travel", "name": "Travel"},
    {"id": 7, "slug": "books", "name": "Books"},
]
TAGS = [
    {"id": 10 + n, "slug": slug, "name": name}
    for n, (slug, name) in enumerate([
        ("caching", "caching"), ("postgresql", "postgresql"), ("nginx", "nginx"), ("benchmarks", "benchmarks"),
        ("templates", "templates"), ("testing", "testing"), ("deployment", "deployment"), ("spam", "spam"),
        ("feeds", "feeds"), ("unicode", "unicode"), ("zurich", "Zürich"), ("trains", "trains"),
    ])
]  # fmt: skip
WORDS = [
    "cache", "query", "template", "server", "request", "comment", "thread", "reader", "page", "archive", "feed",
    "index", "table", "row", "migration", "release", "test", "deploy", "latency", "worker", "process", "memory",
    "socket", "header", "cookie", "session", "form", "widget", "theme", "model", "view", "router", "handler",
    "response", "status", "error", "log", "metric", "benchmark", "profile", "trace", "budget", "morning", "evening",
    "train", "station", "city", "river", "bridge", "mountain", "coffee", "book", "chapter", "story", "photo", "camera",
    "light", "shadow", "window", "garden", "quiet", "simple", "careful", "slow", "fast", "small", "large", "stable",
    "fragile", "honest", "clear", "strange", "useful", "broken", "patient", "plain", "write", "read", "measure",
    "compare", "explain", "notice", "remember", "build", "break", "fix", "ship", "wait", "learn", "travel", "return",
    "always", "rarely", "often", "never", "again", "slowly", "quickly", "almost", "the", "the", "the", "a", "a",
    "and", "and", "of", "of", "to", "to", "in", "in", "with", "for", "on", "at", "from", "that", "this", "it", "is",
    "was", "we", "you", "they", "but", "café", "naïve", "Zürich", "résumé", "jalapeño",
]  # fmt: skip
TITLES = ("Notes on {} {}", "On {} {}, again", "A week of {} {}", "Why {} {} matter", "{} {} & other stories")
ADJECTIVES = ("quiet", "careful", "slow", "fast", "small", "honest", "plain", "hidden", "strange", "useful", "broken")
NOUNS = ("caches", "queries", "templates", "servers", "comments", "threads", "archives", "feeds", "trains", "books")
GUESTS = (
    "Ana Souza", "Ben Carter", "Chloé Dubois", "Dmitri Ivanov", "Emma Wilson", "Farid Haddad", "Grace Lee",
    "Hiro Tanaka", "Inès García", "Jonas Berg", "Kofi Mensah", "Sam O'Brien", "Tomás Novák", "Łukasz Nowak",
)  # fmt: skip
DISCUSSION_COMMENTS, HELD_COMMENTS, MAX_DEPTH = 200, 3, 5
MONTHS = 60  # 2009-01 to 2013-12, as the anchor's posts
NEWEST = datetime.datetime(2013, 12, 27, 9, 30)  # the discussion's date: its address is the anchor's


def sentence(rng):
    """6-17 words, now and then with what a blog's HTML has: emphasis, a link, a quote, a dash."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 17))]
    extra = rng.randrange(10)
    if extra == 0:
        words[2] = f"<em>{words[2]}</em>"
    elif extra == 1:
        words[1] = f'<a href="https://example.com/{words[1]}/">{words[1]}</a>'
    elif extra == 2:
        words[-1] = f"&#8220;{words[-1]}&#8221;"
    elif extra == 3:
        words[3] += " --"
    text = " ".join(words)
    return text[0].upper() + text[1:] + ("?" if rng.randrange(15) == 0 else ".")


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def post_body(rng, n):
    """~600 words: a teaser, <!--more-->, paragraphs with a heading, a quote in every 4th post, a list in every 5th."""
    blocks, words, k = [paragraph(rng, 4), "<!--more-->"], 0, 0
    while words < 560:
        if k == 1:
            blocks.append(f"<h2>{rng.choice(WORDS).capitalize()} and {rng.choice(WORDS)}</h2>")
        elif k == 2 and n % 4 == 0:
            blocks.append(f"<blockquote>{paragraph(rng, 2)}</blockquote>")
        elif k == 3 and n % 5 == 0:
            items = "".join(f"<li>{rng.choice(WORDS)} {rng.choice(WORDS)}</li>\n" for _ in range(4))
            blocks.append(f"<ul>\n{items}</ul>")
        text = paragraph(rng, rng.randint(4, 7))
        words += len(text.split())
        blocks.append(text)
        k += 1
    return "\n\n".join(blocks)  # blank lines between paragraphs, as WordPress's wpautop expects


def thread(rng, ids, count, start, author, approved="1"):
    """`count` comments from `start` on: a quarter start threads, the rest answer a recent one, at most five deep.

    Comment ids come from the shared counter `ids`: unique across the export, as WordPress's are.
    """
    comments, depth = [], {}
    for n in range(count):
        parents = [wp_id for wp_id in list(depth)[-50:] if depth[wp_id] < MAX_DEPTH]
        parent = rng.choice(parents) if parents and n % 4 else 0
        wp_id = next(ids)
        depth[wp_id] = depth[parent] + 1 if parent else 1
        guest = GUESTS[(wp_id * 7) % len(GUESTS)]
        by_author = approved == "1" and n % 20 == 19  # as on the anchor's: themes mark the author's replies
        name, email = (author["name"], author["email"]) if by_author else (guest, f"guest{wp_id}@example.org")
        comments.append(comment(
            wp_id, parent=parent, author=name, email=email, user_id=author["id"] if by_author else 0,
            url="" if by_author or wp_id % 3 == 0 else f"https://guest{wp_id}.example.com/",
            date=f"{start + datetime.timedelta(minutes=7 * n + 5):%Y-%m-%d %H:%M:%S}", approved=approved,
            content="\n\n".join(paragraph(rng, rng.randint(1, 3)) for _ in range(rng.randint(1, 3))),
        ))  # fmt: skip
    return comments


def slug_of(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def post(rng, ids, n, date, comments):
    """Post `n`: its categories rotate so every one has posts (the bench measures /category/python/)."""
    author = AUTHORS[n % len(AUTHORS)]
    title = rng.choice(TITLES).format(rng.choice(ADJECTIVES), rng.choice(NOUNS)).capitalize()
    categories = [CATEGORIES[n % len(CATEGORIES)]] + ([rng.choice(CATEGORIES)] if n % 3 == 0 else [])
    return item(
        n, title=title, slug=f"{slug_of(title)}-{n}", creator=author["login"], date=f"{date:%Y-%m-%d %H:%M:%S}",
        content=post_body(rng, n), comment_status="closed" if n % 10 == 0 else "open",
        categories=list(dict.fromkeys((c["slug"], c["name"]) for c in categories)),
        tags=[(t["slug"], t["name"]) for t in rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2, 3)))],
        comments=thread(rng, ids, comments, date, author),
    )  # fmt: skip


def write(path, posts=60, comments_per_post=3):
    """Write the export of `posts` posts (the discussion among them) to `path`."""
    rng, ids, items = random.Random(2013), itertools.count(1), []
    for n in range(1, posts):  # oldest first, evenly over the months, on days before the discussion's 27th
        month = (n - 1) * MONTHS // (posts - 1)
        date = datetime.datetime(2009 + month // 12, month % 12 + 1, 1 + n % 26, 7 + n % 14, n % 60)
        items.append(post(rng, ids, n, date, comments_per_post))
    bruno = AUTHORS[1]
    discussion = thread(rng, ids, DISCUSSION_COMMENTS, NEWEST, bruno)
    discussion += thread(rng, ids, HELD_COMMENTS, NEWEST, bruno, approved="0")
    items.append(item(
        posts, title="Bench discussion: two hundred comments, five levels deep", slug="bench-discussion",
        creator=bruno["login"], date=f"{NEWEST:%Y-%m-%d %H:%M:%S}", content=post_body(rng, posts),
        categories=[("python", "Python"), ("web-performance", "Web Performance")], tags=[("caching", "caching")],
        comments=discussion,
    ))  # fmt: skip
    for n, title in enumerate(("About", "Colophon"), start=posts + 1):
        items.append(item(n, title=title, slug=slug_of(title), post_type="page", creator="alice",
                          date="2009-01-01 09:00:00", content="\n\n".join(paragraph(rng, 5) for _ in range(3)),
                          comment_status="closed", link=f"https://old.example.com/{slug_of(title)}/"))  # fmt: skip
    path.write_text(wxr(authors=AUTHORS, categories=CATEGORIES, tags=TAGS, items=items), encoding="utf-8")
