"""Searching posts: `/?s=TERMS`.

On PostgreSQL, full-text search ranked by relevance (title words weigh more than
body words), over a stored, indexed vector; elsewhere, posts holding every word,
newest first. A protected post is found by its title only, so a search cannot
reveal its text.

Every search runs under a time limit (`time_limit()`): past it the database stops
the query and the reader is told search is busy (HTTP 503), so a few costly
searches cannot hold every worker.
"""

import contextlib
import logging
import re
import time

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import DEFAULT_DB_ALIAS, DatabaseError, OperationalError, connections, transaction
from django.db.models import Case, F, Q, TextField, Value, When
from django.db.models.expressions import RawSQL

logger = logging.getLogger(__name__)

MAX_TERMS_LENGTH = 200
MAX_WORDS = 10
# How long a search's queries may run, in milliseconds: each of them on PostgreSQL and MariaDB (a statement
# timeout), all of them together on SQLite (a deadline). settings.SEARCH_TIMEOUT_MS overrides it.
SEARCH_TIMEOUT_MS = 2000
# What the busy page's Retry-After asks: a moment, as the busy searches will have been stopped by then.
BUSY_RETRY_AFTER_SECONDS = 10
# PostgreSQL's own text-search configurations, by the site's language (LANGUAGE_CODE): each knows its
# language's word forms and stop words. Other languages are searched word for word ("simple").
TEXT_SEARCH_CONFIGS = {
    "da": "danish", "de": "german", "en": "english", "es": "spanish", "fi": "finnish", "fr": "french",
    "hu": "hungarian", "it": "italian", "nb": "norwegian", "nl": "dutch", "nn": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sv": "swedish", "tr": "turkish",
}  # fmt: skip
# The stored vector on PostgreSQL: a generated column of blog_post, kept by the database itself on every
# insert and update (no model field: Django never reads or writes it), with a GIN index.
VECTOR_TABLE = "blog_post"
VECTOR_COLUMN = "search_vector"
VECTOR_INDEX = "blog_post_search_vector_gin"


class SearchTimedOut(Exception):
    """A search ran past its time limit; the database stopped it."""


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
    if connections[posts.db].vendor == "postgresql":
        return _full_text(posts, " ".join(words))
    return _every_word(posts, words)


def _full_text(posts, terms):
    config = column_config(posts.db)
    if config is None:  # the column is missing (a database made without migrations): compute, slowly
        config = text_search_config()
        readable_body = Case(When(password="", then=F("body")), default=Value(""), output_field=TextField())
        vector = SearchVector("title", weight="A", config=config)
        vector += SearchVector(readable_body, weight="B", config=config)
    else:
        column = "{}.{}".format(*map(connections[posts.db].ops.quote_name, (VECTOR_TABLE, VECTOR_COLUMN)))
        vector = RawSQL(column, [], output_field=SearchVectorField())  # noqa: S611 (two constant names)
    query = SearchQuery(terms, search_type="websearch", config=config)
    return (
        # alias(), not annotate(): the vector serves the filter (through the index) and the rank, and is not fetched.
        posts.alias(search=vector)
        .annotate(rank=SearchRank(vector, query))
        .filter(search=query)
        .order_by("-rank", "-published_at", "-pk")
    )


def _every_word(posts, words):
    for word in words:
        posts = posts.filter(Q(title__icontains=word) | Q(password="", body__icontains=word))
    return posts.order_by("-published_at", "-pk")


# --- The stored vector (PostgreSQL) -------------------------------------------
#
# Why the query reads the configuration from the column rather than from LANGUAGE_CODE: words match only when
# the query is parsed with the configuration the vectors were built with ("jardins" is "jardin" in French,
# "jardins" in "simple"). The column is built with the site's language when the migration runs; if
# LANGUAGE_CODE changes later, searches keep using the column's configuration (and so keep finding what they
# found) and a warning says how to rebuild the column for the new language, once, at a quiet moment:
#
#     python manage.py shell -c "from blog import search; search.rebuild_search_column()"
#
# The configuration is read from the column's definition once per process, not on every search.

_column_configs = {}  # (alias, database name) → the column's configuration, or None when there is no column


def _vector_expression(config):
    if config not in TEXT_SEARCH_CONFIGS.values() and config != "simple":
        raise ValueError(f"Unknown text-search configuration {config!r}")
    readable_body = "CASE WHEN password = '' THEN body ELSE '' END"  # protected posts: found by title only
    return (
        f"setweight(to_tsvector('{config}'::regconfig, title), 'A') || "
        f"setweight(to_tsvector('{config}'::regconfig, {readable_body}), 'B')"
    )


def add_search_column(connection, config=None):
    """Add the stored vector and its index to blog_post, built with `config` (the site's language's by default).

    On PostgreSQL only: elsewhere this does nothing. Adding the column computes every post's vector once.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"ALTER TABLE {VECTOR_TABLE} ADD COLUMN {VECTOR_COLUMN} tsvector "
            f"GENERATED ALWAYS AS ({_vector_expression(config or text_search_config())}) STORED"
        )
        cursor.execute(f"CREATE INDEX {VECTOR_INDEX} ON {VECTOR_TABLE} USING gin ({VECTOR_COLUMN})")
    _column_configs.clear()


def drop_search_column(connection):
    """Remove the stored vector and its index (PostgreSQL only; elsewhere nothing)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {VECTOR_INDEX}")
        cursor.execute(f"ALTER TABLE {VECTOR_TABLE} DROP COLUMN IF EXISTS {VECTOR_COLUMN}")
    _column_configs.clear()


def rebuild_search_column(using=DEFAULT_DB_ALIAS, config=None):
    """Build the stored vector again with the site's language now (or `config`): after LANGUAGE_CODE changed.

    Other processes read the column's configuration when they start: restart them afterwards.
    """
    connection = connections[using]
    with transaction.atomic(using):
        drop_search_column(connection)
        add_search_column(connection, config)


def column_config(using=DEFAULT_DB_ALIAS):
    """The configuration the stored vector was built with, read from its definition; None if there is none."""
    connection = connections[using]
    key = (using, connection.settings_dict["NAME"])
    if key not in _column_configs:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a "
                "ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = %s::regclass AND a.attname = %s",
                [VECTOR_TABLE, VECTOR_COLUMN],
            )
            row = cursor.fetchone()
        found = row and re.search(r"to_tsvector\('(\w+)'::regconfig", row[0])
        config = found.group(1) if found else None
        if config is None:
            logger.warning("blog_post has no stored search vector: searches compute it for every post (slow).")
        elif config != text_search_config():
            logger.warning(
                "The search index was built for %r but the site's language asks for %r; searches use %r until it is "
                "rebuilt: python manage.py shell -c \"from blog import search; search.rebuild_search_column()\"",
                config, text_search_config(), config,
            )  # fmt: skip
        _column_configs[key] = config
    return _column_configs[key]


# --- The time limit -------------------------------------------------------------


def timeout_ms():
    return getattr(settings, "SEARCH_TIMEOUT_MS", SEARCH_TIMEOUT_MS)


@contextlib.contextmanager
def time_limit(using=DEFAULT_DB_ALIAS):
    """Have the database stop the queries run inside once past timeout_ms(); raise SearchTimedOut then.

    Every query of the search must run inside: querysets are lazy, so evaluate them here.
    """
    connection = connections[using]
    limit = {"postgresql": _postgresql_limit, "mysql": _mysql_limit, "sqlite": _sqlite_limit}.get(connection.vendor)
    if limit is None:
        yield
        return
    with limit(connection, timeout_ms()) as timed_out:
        try:
            yield
        except OperationalError as exc:
            if timed_out(exc):
                logger.warning("A search was stopped after %s ms.", timeout_ms())
                raise SearchTimedOut from exc
            raise


@contextlib.contextmanager
def _postgresql_limit(connection, ms):
    # SET LOCAL lasts until the transaction ends (or its savepoint is rolled back): so a transaction of its own.
    # set_config() rather than SET: SET takes no parameters, and the connection binds them on the server.
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(int(ms))])
        yield lambda exc: getattr(exc.__cause__, "sqlstate", getattr(exc.__cause__, "pgcode", None)) == "57014"


@contextlib.contextmanager
def _mysql_limit(connection, ms):
    # A session variable, set and reset: SET STATEMENT … FOR would need writing into each of the ORM's queries.
    # Connections are kept between requests (CONN_MAX_AGE), so the reset must happen, or the connection go.
    if connection.mysql_is_mariadb:
        variable, value, codes = "max_statement_time", ms / 1000, {1969}  # seconds; ER_STATEMENT_TIMEOUT
    else:
        variable, value, codes = "max_execution_time", int(ms), {3024}  # MySQL: milliseconds, SELECTs only
    with connection.cursor() as cursor:
        cursor.execute(f"SET SESSION {variable} = %s", [value])
    try:
        yield lambda exc: (getattr(exc.__cause__, "args", None) or (None,))[0] in codes
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"SET SESSION {variable} = DEFAULT")
        except DatabaseError:
            connection.close()


@contextlib.contextmanager
def _sqlite_limit(connection, ms):
    # SQLite has no statement timeout: a progress handler, called every thousand virtual-machine steps, asks it
    # to stop past the deadline (the query then fails with "interrupted").
    deadline = time.monotonic() + ms / 1000
    fired = []

    def past_deadline():
        if time.monotonic() > deadline:
            fired.append(True)
            return 1
        return 0

    connection.ensure_connection()
    connection.connection.set_progress_handler(past_deadline, 1000)
    try:
        yield lambda exc: bool(fired)
    finally:
        connection.connection.set_progress_handler(None, 0)
