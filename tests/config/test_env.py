import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from config import env


@pytest.mark.parametrize("raw, expected", [("1", True), ("true", True), ("YES", True), ("on", True),
                                           ("0", False), ("false", False), ("no", False), ("", False)])  # fmt: skip
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env.env_bool("SOME_FLAG") is expected


def test_env_bool_uses_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("SOME_FLAG", raising=False)
    assert env.env_bool("SOME_FLAG", True) is True


def test_env_bool_refuses_anything_else_and_says_what_to_write(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match=r"SOME_FLAG='maybe' is not a yes/no value: use 1 or 0"):
        env.env_bool("SOME_FLAG")


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", " blog.example.com, ,www.example.com ")
    assert env.env_list("HOSTS") == ["blog.example.com", "www.example.com"]


def test_env_int_refuses_words(monkeypatch):
    monkeypatch.setenv("HSTS_SECONDS", "a year")
    with pytest.raises(ImproperlyConfigured, match="HSTS_SECONDS='a year' is not a whole number"):
        env.env_int("HSTS_SECONDS", 0)


@pytest.mark.parametrize(
    "url, engine",
    [
        ("postgres://candid:pw@db.internal:5432/candid", "django.db.backends.postgresql"),
        ("mysql://root@127.0.0.1:3306/candid", "django.db.backends.mysql"),
        ("mariadb://root@127.0.0.1:3306/candid", "django.db.backends.mysql"),
        ("sqlite:////srv/candid/candid.sqlite3", "django.db.backends.sqlite3"),
    ],
)
def test_database_url_is_understood(url, engine):
    config = env.database_from_url(url)
    assert config["ENGINE"] == engine
    assert config["CONN_HEALTH_CHECKS"] is True


def test_mysql_connections_speak_full_unicode():
    assert env.database_from_url("mariadb://root@localhost/candid")["OPTIONS"]["charset"] == "utf8mb4"


@pytest.mark.parametrize("url", ["postgress://u@h/db", "localhost:5432", "http://example.com/db"])
def test_bad_database_url_says_how_to_write_it(url):
    with pytest.raises(
        ImproperlyConfigured, match=r"is not a database URL Candid understands.*Write it like postgres://"
    ):
        env.database_from_url(url)


def test_database_url_without_a_database_name_is_refused():
    with pytest.raises(ImproperlyConfigured, match="names no database"):
        env.database_from_url("postgres://candid@db.internal:5432/")


def test_bad_database_url_error_hides_the_password():
    with pytest.raises(ImproperlyConfigured) as excinfo:
        env.database_from_url("postgress://candid:hunter2@db/candid")
    assert "hunter2" not in str(excinfo.value)
    assert "candid:***@db" in str(excinfo.value)


def test_production_without_secret_key_is_refused_with_guidance(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set.*DEBUG=1"):
        env.secret_key(debug=False, var_dir=tmp_path)
    assert not (tmp_path / "secret_key").exists()


def test_local_runs_generate_a_secret_key_once_and_keep_it(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = env.secret_key(debug=True, var_dir=tmp_path)
    assert len(first) >= 50
    assert env.secret_key(debug=True, var_dir=tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_secret_key_from_the_environment_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert env.secret_key(debug=True, var_dir=tmp_path) == "from-the-environment"


def test_env_choice_names_the_allowed_values(monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    with pytest.raises(ImproperlyConfigured, match="LOG_LEVEL='LOUD' is not one of DEBUG, INFO"):
        env.env_choice("LOG_LEVEL", ["DEBUG", "INFO"], "INFO")


def test_email_url_configures_smtp():
    config = env.email_from_url("smtp://blog%40example.com:p%40ss@smtp.example.com:587/?tls=1")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"]) == ("smtp.example.com", 587)
    assert (config["EMAIL_HOST_USER"], config["EMAIL_HOST_PASSWORD"]) == ("blog@example.com", "p@ss")
    assert config["EMAIL_USE_TLS"] and not config["EMAIL_USE_SSL"]
    assert env.email_from_url("smtps://u:p@mail.example.com")["EMAIL_PORT"] == 465


def test_no_email_url_prints_mail_to_the_console():
    assert env.email_from_url("")["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_bad_email_url_says_how_to_write_it():
    with pytest.raises(ImproperlyConfigured, match="is not an SMTP URL: write it like smtp://"):
        env.email_from_url("mailgun://key@example.com")


def test_media_bucket_without_s3_support_installed_says_what_to_install(monkeypatch):
    monkeypatch.setenv("MEDIA_BUCKET", "blog-media")
    try:
        import storages  # noqa: F401
    except ImportError:
        with pytest.raises(ImproperlyConfigured, match=r"pip install '\.\[s3\]'"):
            env.media_storage()
    else:
        assert env.media_storage()["OPTIONS"]["bucket_name"] == "blog-media"


def test_without_a_bucket_media_stays_on_disk(monkeypatch):
    monkeypatch.delenv("MEDIA_BUCKET", raising=False)
    assert env.media_storage()["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_postgresql_prepares_the_statements_it_runs_again_and_again():
    options = env.database_from_url("postgres://u@h/candid")["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_a_page_query_run_again_and_again_is_planned_once(client):
    """psycopg prepares a statement on its fifth run; the home page's queries then skip PostgreSQL's planner."""
    for _ in range(6):
        assert client.get("/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "blog_post"' in statement for statement in prepared)
