"""Search that stays cheap: a stored, indexed vector on PostgreSQL, and a time limit on every database."""

import shutil
import types

import pytest
from django.db import connection
from django.utils import timezone

from blog import search
from blog.models import Post
from tests.factories import PostFactory, UserFactory
from tests.html import main_html, parse_strict

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the stored vector is PostgreSQL's")


@pytest.fixture(autouse=True)
def forget_the_columns_configuration():
    """A test that rebuilds the column has it rolled back after: read its configuration afresh each test."""
    search._column_configs.clear()
    yield
    search._column_configs.clear()


def found(client, terms):
    return [post.title for post in client.get("/", {"s": terms}).context["posts"]]


def test_search_finds_posts_by_title_and_by_body(client):
    PostFactory(title="Compost heaps", body="Turn them.")
    PostFactory(title="Garden diary", body="The compost is warm.")
    PostFactory(title="Sharpening chisels", body="A fine stone.")
    assert sorted(found(client, "compost")) == ["Compost heaps", "Garden diary"]


@postgresql_only
def test_title_matches_rank_first(client):
    newer = PostFactory(title="Garden diary", body="Compost again, the compost heap is warm.")
    assert PostFactory(title="A note on compost", body="Turn the heap.").published_at < newer.published_at
    assert found(client, "compost") == ["A note on compost", "Garden diary"]


def test_protected_posts_are_found_by_their_title_only(client):
    PostFactory(title="Paprika stew", body="The secret is smoked.", password="stew")
    PostFactory(title="Locked notes", body="Smoked paprika, always.", password="stew")
    assert found(client, "paprika") == ["Paprika stew"]
    assert found(client, "smoked") == []


@postgresql_only
def test_the_vector_follows_each_edit_of_a_post(client):
    post = PostFactory(title="Beans", body="Runner beans.")
    post.body = "Broad beans and compost."
    post.save()
    assert found(client, "compost") == ["Beans"]
    post.password = "secret"
    post.save()
    assert found(client, "compost") == []


@postgresql_only
def test_postgres_stores_the_vector_in_a_generated_column_with_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT data_type, is_generated FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
            ["blog_post", "search_vector"],
        )
        assert cursor.fetchone() == ("tsvector", "ALWAYS")
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'blog_post' AND indexname = %s",
                       [search.VECTOR_INDEX])  # fmt: skip
        assert "USING gin (search_vector)" in cursor.fetchone()[0]


@postgresql_only
def test_postgres_search_reads_the_stored_vector_through_its_index():
    many_posts(300, body="Turn the heap.")
    PostFactory(title="Compost heaps", body="Turn them.")
    posts = search.search_posts(Post.objects.published().excerpts(), "compost")
    sql = str(posts.query)
    assert '("blog_post"."search_vector") @@ (websearch_to_tsquery(' in sql
    assert 'ts_rank(("blog_post"."search_vector"), ' in sql
    assert "to_tsvector" not in sql  # no vector computed per row
    assert ' "blog_post"."search_vector",' not in sql  # nor fetched
    with connection.cursor() as cursor:
        # The planner learns how few posts hold the word; the index's pending entries (from the whole test
        # run's rolled-back posts, which no vacuum has cleared yet) are merged, as autovacuum does; and, the
        # table being small, it is kept from reading the table whole.
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [search.VECTOR_INDEX])
        cursor.execute("ANALYZE blog_post")
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = posts.explain()
    assert f"Bitmap Index Scan on {search.VECTOR_INDEX}" in plan and "to_tsvector" not in plan
    assert [post.title for post in posts] == ["Compost heaps"]


@postgresql_only
def test_postgres_search_parses_terms_with_the_columns_configuration_until_it_is_rebuilt(client, settings):
    PostFactory(title="Nos jardins partagés", body="On y sème des haricots.")
    settings.LANGUAGE_CODE = "fr"
    assert search.column_config() == "english"  # built when the migrations ran, for the tests' en-us
    sql, params = search.search_posts(Post.objects.all(), "jardin").query.sql_with_params()
    assert "english" in params and "french" not in params

    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no ALTER TABLE with the test's checks still pending
    search.rebuild_search_column()
    assert search.column_config() == "french"
    assert search.search_posts(Post.objects.all(), "jardin").query.sql_with_params()[1].count("french") == 2
    assert found(client, "jardin") == ["Nos jardins partagés"]


@postgresql_only
def test_without_the_column_postgres_search_still_works_computing_the_vectors(client):
    PostFactory(title="Compost heaps", body="Turn them.")
    PostFactory(title="Garden diary", body="The compost is warm.")
    PostFactory(title="Paprika stew", body="Compost, smoked.", password="stew")
    search._column_configs[("default", connection.settings_dict["NAME"])] = None  # as if it were missing
    assert "to_tsvector" in str(search.search_posts(Post.objects.all(), "compost").query)
    assert found(client, "compost") == ["Compost heaps", "Garden diary"]


def test_the_migration_adds_and_removes_the_column_on_postgresql_only_and_does_nothing_elsewhere():
    from importlib import import_module

    migration = import_module("blog.migrations.0014_post_search_vector")
    schema_editor = types.SimpleNamespace(connection=connection)

    def columns():
        with connection.cursor() as cursor:
            return [column.name for column in connection.introspection.get_table_description(cursor, "blog_post")]

    before = columns()
    assert ("search_vector" in before) == (connection.vendor == "postgresql")
    migration.drop_search_column(None, schema_editor)
    assert "search_vector" not in columns()
    assert columns() == [name for name in before if name != "search_vector"]
    migration.add_search_column(None, schema_editor)
    assert sorted(columns()) == sorted(before)  # re-added last, after columns later migrations added


def slow_to_search(count=300, words=1000):
    """Posts long enough that searching them takes far more than a millisecond on every database."""
    many_posts(count, body=" ".join(f"w{n}x" for n in range(words)) + " compost")  # last: LIKE reads it all


def many_posts(count, body):
    """`count` published posts with `body`, inserted at once, without save() (so with empty excerpts)."""
    author = UserFactory()
    now = timezone.now()
    Post.objects.bulk_create(
        Post(title=f"Heap {n}", slug=f"heap-{n}", author=author, body=body, status=Post.Status.PUBLISHED,
             published_at=now, published_on=now.date())
        for n in range(count)
    )  # fmt: skip


def test_a_search_past_its_time_limit_says_search_is_busy_and_the_next_request_is_served(client, settings):
    slow_to_search()
    assert client.get("/", {"s": "compost"}).context["paginator"].count == 300  # within the usual limit
    settings.SEARCH_TIMEOUT_MS = 1

    response = client.get("/", {"s": "compost"})
    assert response.status_code == 503
    assert response["Retry-After"] == str(search.BUSY_RETRY_AFTER_SECONDS)
    tree = parse_strict(response.content)  # a whole, well-formed page of the site's theme
    assert tree.find("head/title").text.startswith("Search is busy")
    html = main_html(response)
    assert "Search is busy right now. Please try again in a moment." in html
    assert 'name="s" value="compost"' in html  # the form, with the reader's words, to try again
    assert "Heap 1" not in html
    assert 'name="robots" content="noindex, follow"' in response.content.decode()

    # The connection was not left stopped, aborted or limited: the next requests are served in full.
    assert client.get("/").status_code == 200
    settings.SEARCH_TIMEOUT_MS = search.SEARCH_TIMEOUT_MS
    assert client.get("/", {"s": "compost"}).context["paginator"].count == 300


def test_the_time_limit_is_lifted_after_the_search(client, settings):
    PostFactory(title="Compost heaps")
    settings.SEARCH_TIMEOUT_MS = 1234
    assert client.get("/", {"s": "compost"}).status_code == 200
    with connection.cursor() as cursor:
        if connection.vendor == "mysql":
            cursor.execute("SELECT @@session.max_statement_time = @@global.max_statement_time")
            assert cursor.fetchone() == (1,)
        elif connection.vendor == "postgresql":
            # SET LOCAL ends with the search's own transaction; here the test's transaction holds it, so look
            # only at what it was set to.
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] in {"1234ms", "0"}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # a handler left behind would still stop this at once
            settings.SEARCH_TIMEOUT_MS = 1
            cursor.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
                           "SELECT count(*) FROM n")  # fmt: skip
            assert cursor.fetchone() == (200000,)


def test_a_search_costs_the_same_few_queries_however_many_posts_it_finds(client, settings, django_assert_num_queries):
    from blog.models import SiteSettings

    SiteSettings.objects.create(posts_per_page=5)
    PostFactory(title="Compost heaps")
    client.get("/", {"s": "compost"})  # reads what a process reads once (the site settings, the column's config)
    # The site settings, the paginator's count, the page, its posts' categories, the menu and four widgets;
    # and the time limit's own: none on SQLite, set and reset on MariaDB, set in a savepoint on PostgreSQL.
    counts = {"sqlite": 9, "mysql": 11, "postgresql": 12}
    with django_assert_num_queries(counts[connection.vendor]):
        assert len(client.get("/", {"s": "compost"}).context["posts"]) == 1
    PostFactory.create_batch(11, title="Compost again")
    with django_assert_num_queries(counts[connection.vendor]):
        response = client.get("/", {"s": "compost"})
        assert len(response.context["posts"]) == 5 and response.context["paginator"].count == 12


@pytest.mark.skipif(not shutil.which("java"), reason="the Nu HTML Checker needs Java")
def test_the_busy_page_is_valid_html(rf, tmp_path):
    from django.contrib.auth.models import AnonymousUser

    from blog.views import search_busy
    from tests.quality.test_html_validity import vnu_errors

    request = rf.get("/", {"s": "compost & “quotes”"})
    request.user = AnonymousUser()
    page = tmp_path / "search-busy.html"
    page.write_bytes(search_busy(request, "compost & “quotes”").content)
    assert vnu_errors([page]) == []
