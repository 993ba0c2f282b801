"""Reading Candid's configuration from environment variables, with clear errors.

Every error raised here is an ImproperlyConfigured whose message names the
variable, what it holds and what to write instead; manage.py and wsgi.py print
it as one line at start-up instead of a traceback.
"""

import os
import secrets
from pathlib import Path

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
            import pymysql
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
