"""The Django, django-redis and allauth internals Candid relies on still have the shape it relies on.

Each is listed, with why, in ARCHITECTURE.md under "Django and allauth internals relied on". When one of
these fails after an upgrade, the code named in that table needs a look before anything else.
"""

import inspect

import pytest
from allauth.account import decorators as account_decorators
from allauth.mfa import utils as mfa_utils
from allauth.socialaccount import adapter as social_adapter
from django.core.files.base import ContentFile
from django.db import connection
from django.http import HttpResponse
from django.middleware import csrf
from django.middleware.gzip import GZipMiddleware
from django.test import RequestFactory
from django_redis import exceptions as redis_exceptions
from django_redis.cache import RedisCache

from blog.models import Image, Post
from config.cache import ResilientRedisCache

SEE = "Django or allauth changed an internal Candid relies on: see ARCHITECTURE.md, 'internals relied on'."


def test_csrf_secrets_and_the_request_keys_get_token_sets():
    assert isinstance(csrf.CSRF_ALLOWED_CHARS, str) and len(csrf.CSRF_ALLOWED_CHARS) == 62, SEE
    assert csrf.CSRF_SECRET_LENGTH == 32, SEE
    request = RequestFactory().get("/")
    token = csrf.get_token(request)
    assert len(request.META.get("CSRF_COOKIE", "")) == csrf.CSRF_SECRET_LENGTH, SEE
    assert request.META.get("CSRF_COOKIE_NEEDS_UPDATE") is True, SEE
    assert csrf._unmask_cipher_token(token) == request.META["CSRF_COOKIE"], SEE


@pytest.mark.django_db
def test_the_sql_compiler_parts_a_prepared_query_runs_on():
    query = Post.objects.values_list("published_on", "title").query
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.as_sql()
    assert isinstance(sql, str) and isinstance(params, tuple | list), SEE
    assert compiler.col_count == 2 and len(compiler.select) >= 2, SEE
    converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
    assert isinstance(converters, dict), SEE
    assert list(compiler.apply_converters([], converters)) == [], SEE
    assert callable(connection.ops.adapt_datetimefield_value), SEE


def test_the_database_feature_that_lets_neighbours_be_one_query():
    # SQLite cannot LIMIT each half of a UNION; PostgreSQL and MariaDB can (blog/reading.py, neighbours()).
    expected = connection.vendor != "sqlite"
    assert connection.features.supports_slicing_ordering_in_compound is expected, SEE


def test_gzip_makes_the_etag_of_what_it_compresses_weak():
    response = HttpResponse(b"a page " * 100)
    response["ETag"] = '"abc"'
    request = RequestFactory().get("/", headers={"accept-encoding": "gzip"})
    compressed = GZipMiddleware(lambda request: response)(request)
    assert compressed["Content-Encoding"] == "gzip" and compressed["ETag"] == 'W/"abc"', SEE


def test_a_field_file_says_whether_it_is_stored_yet():
    assert Image(file=ContentFile(b"not stored yet", name="new.jpg")).file._committed is False, SEE
    field = Image._meta.get_field("file")
    assert field.attr_class(Image(), field, "images/2011/03/stored.jpg")._committed is True, SEE


def test_every_cache_method_the_circuit_breaker_wraps_is_django_redis_own():
    wrapped = ["get", "get_many", "set", "set_many", "add", "touch", "delete", "delete_many", "has_key", "incr"]
    for name in [*wrapped, "decr", "clear"]:
        assert callable(getattr(RedisCache, name, None)), SEE
        assert getattr(ResilientRedisCache, name) is not getattr(RedisCache, name), f"{name} is not guarded"
    assert "IGNORE_EXCEPTIONS" in inspect.getsource(RedisCache), SEE
    assert issubclass(redis_exceptions.ConnectionInterrupted, Exception), SEE


def test_allauth_builds_login_apps_from_the_settings_alone(settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"facebook": {"APPS": [{"client_id": "id", "secret": "s"}]}}
    apps = social_adapter._build_apps_from_settings(provider="facebook", client_id=None)
    assert [app.client_id for app in apps["facebook"]] == ["id"], SEE


def test_allauth_two_factor_and_admin_login_helpers_are_there():
    assert list(inspect.signature(mfa_utils.is_mfa_enabled).parameters)[:1] == ["user"], SEE
    assert callable(account_decorators.secure_admin_login), SEE
