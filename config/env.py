"""Reading Candid's configuration from environment variables, with clear errors.

Every error raised here is an ImproperlyConfigured whose message names the
variable, what it holds and what to write instead; manage.py and wsgi.py print
it as one line at start-up instead of a traceback.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}

# MariaDB is a first-class target; let DATABASE_URL say so by name.
dj_database_url.register("mariadb", "django.db.backends.mysql")(lambda config: None)

DATABASE_URL_EXAMPLES = (
    "postgres://USER:PASSWORD@HOST:5432/NAME, "
    "mysql://USER:PASSWORD@HOST:3306/NAME (or mariadb://…) or sqlite:///ABSOLUTE/PATH.db"
)


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value: use 1 or 0 (also true/false, yes/no, on/off).")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_choice(name, choices, default):
    value = env_str(name) or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} is not one of {', '.join(choices)}.")
    return value


def env_list(name, default=()):
    """Return a comma-separated variable as a list, dropping empty items."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(url):
    """Return Django's DATABASES entry for DATABASE_URL, or explain what is wrong with it."""
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, dj_database_url.UnknownSchemeError) as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL={_without_password(url)!r} is not a database URL Candid understands ({exc}). "
            f"Write it like {DATABASE_URL_EXAMPLES}."
        ) from None
    if not config.get("NAME"):
        raise ImproperlyConfigured(
            f"DATABASE_URL={_without_password(url)!r} names no database. Write it like {DATABASE_URL_EXAMPLES}."
        )
    if config["ENGINE"] == "django.db.backends.postgresql":
        # Parameters sent apart from the SQL, so that psycopg prepares a statement the fifth time it runs: a
        # page's queries are then planned once per connection, not once per request (planning a widget's
        # query costs PostgreSQL up to a millisecond; uncached pages got ~10% faster). Django leaves this off
        # for connection poolers: PgBouncer in transaction mode needs 1.21+ with max_prepared_statements set.
        config["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5, **config.get("OPTIONS", {})}
    if config["ENGINE"] == "django.db.backends.mysql":
        _use_pymysql()
        config["OPTIONS"] = {"charset": "utf8mb4", "init_command": "SET sql_mode='STRICT_TRANS_TABLES'"}
        config["TEST"] = {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"}
    return config


def _use_pymysql():
    """Let Django's MySQL backend run on PyMySQL, which needs no C headers to install."""
    try:
        import MySQLdb  # noqa: F401  (mysqlclient, when the host has it, is preferred)
    except ImportError:
        try:
            import pymysql  # the fallback driver, installed with '.[mysql]'
        except ImportError:
            raise ImproperlyConfigured(
                "DATABASE_URL points at MySQL/MariaDB but no driver is installed: pip install '.[mysql]'."
            ) from None
        pymysql.install_as_MySQLdb()


def _without_password(url):
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else url


def secret_key(debug, var_dir):
    """Return SECRET_KEY from the environment; in DEBUG, a generated key kept under var/."""
    key = env_str("SECRET_KEY")
    if key:
        return key
    if not debug:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. In production set it to a long random value, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`; "
            "for local development set DEBUG=1 and Candid keeps a generated key in var/secret_key."
        )
    path = Path(var_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def email_from_url(url):
    """Django's e-mail settings for EMAIL_URL (smtp://USER:PASSWORD@HOST:PORT/?tls=1), console mail without it."""
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ImproperlyConfigured(
            f"EMAIL_URL={_without_password(url)!r} is not an SMTP URL: write it like "
            "smtp://USER:PASSWORD@smtp.example.com:587/?tls=1 (or smtps://… for implicit TLS)."
        )
    options = parse_qs(parts.query)
    ssl = parts.scheme == "smtps" or options.get("ssl") == ["1"]
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": parts.port or (465 if ssl else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": ssl,
        "EMAIL_USE_TLS": not ssl and options.get("tls", ["1"]) == ["1"],
        "EMAIL_TIMEOUT": 10,
    }


def media_storage():
    """Where uploads go: S3-compatible storage when MEDIA_BUCKET is set, else MEDIA_ROOT on disk."""
    bucket = env_str("MEDIA_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    try:
        import storages  # noqa: F401  (django-storages, an optional dependency: '.[s3]')
    except ImportError:
        message = "MEDIA_BUCKET is set but S3 support is not installed: pip install '.[s3]'."
        raise ImproperlyConfigured(message) from None
    options = {
        "bucket_name": bucket,
        "endpoint_url": env_str("MEDIA_ENDPOINT_URL") or None,
        "region_name": env_str("MEDIA_REGION") or None,
        "access_key": env_str("MEDIA_ACCESS_KEY_ID") or None,
        "secret_key": env_str("MEDIA_SECRET_ACCESS_KEY") or None,
        "custom_domain": env_str("MEDIA_CUSTOM_DOMAIN") or None,
        # Two "photo.jpg" uploads in one month must not replace each other.
        "file_overwrite": False,
        "querystring_auth": False,
        "default_acl": None,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
