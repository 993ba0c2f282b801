"""Searching posts: `/?s=TERMS`.

On PostgreSQL, full-text search ranked by relevance (title words weigh more than
body words); elsewhere, posts holding every word, newest first. A protected
post is found by its title only, so a search cannot reveal its text.
"""

from django.conf import settings
from django.db import connection
from django.db.models import Case, F, Q, TextField, Value, When

MAX_TERMS_LENGTH = 200
MAX_WORDS = 10
# PostgreSQL's own text-search configurations, by the site's language (LANGUAGE_CODE): each knows its
# language's word forms and stop words. Other languages are searched word for word ("simple").
TEXT_SEARCH_CONFIGS = {
    "da": "danish", "de": "german", "en": "english", "es": "spanish", "fi": "finnish", "fr": "french",
    "hu": "hungarian", "it": "italian", "nb": "norwegian", "nl": "dutch", "nn": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sv": "swedish", "tr": "turkish",
}  # fmt: skip


def text_search_config():
    """The PostgreSQL text-search configuration for the site's language."""
    return TEXT_SEARCH_CONFIGS.get(settings.LANGUAGE_CODE.split("-")[0].lower(), "simple")


def terms_from(request):
    """Return the search terms of `?s=`, trimmed to a sane length, or None when not searching."""
    if "s" not in request.GET:
        return None
    return " ".join(request.GET["s"].split())[:MAX_TERMS_LENGTH]


def search_posts(posts, terms):
    words = terms.split()[:MAX_WORDS]
    if not words:
        return posts.none()
    if connection.vendor == "postgresql":
        return _full_text(posts, " ".join(words))
    return _every_word(posts, words)


def _full_text(posts, terms):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    config = text_search_config()
    readable_body = Case(When(password="", then=F("body")), default=Value(""), output_field=TextField())
    vector = SearchVector("title", weight="A", config=config) + SearchVector(readable_body, weight="B", config=config)
    query = SearchQuery(terms, search_type="websearch", config=config)
    return (
        posts.annotate(search=vector, rank=SearchRank(vector, query))
        .filter(search=query)
        .order_by("-rank", "-published_at", "-pk")
    )


def _every_word(posts, words):
    for word in words:
        posts = posts.filter(Q(title__icontains=word) | Q(password="", body__icontains=word))
    return posts.order_by("-published_at", "-pk")
