"""Starting Candid for real, in a separate process, with the environment a site owner would give it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-secret-that-is-long-and-random-enough-0123456789abcdef",
    "ALLOWED_HOSTS": "blog.example.com",
    "HTTPS": "1",
}


def manage(*args, env=None, var_dir):
    # Without the settings the test run itself uses (tests/settings.py turns the demo login on).
    ours = {"DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY", "DEMO_LOGIN"}
    clean = {k: v for k, v in os.environ.items() if k not in ours}
    clean.update({"VAR_DIR": str(var_dir), **(env or {})})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_check_is_clean_for_local_development(tmp_path):
    result = manage("check", env={"DEBUG": "1"}, var_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_has_no_warnings_with_production_settings(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, var_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_bad_database_url_stops_start_up_with_one_clear_line(tmp_path):
    result = manage("check", env={"DEBUG": "1", "DATABASE_URL": "postgress://candid@db/candid"}, var_dir=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Candid cannot start: DATABASE_URL=")
    assert "Write it like postgres://" in result.stderr


def test_production_without_secret_key_stops_start_up(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = manage("check", env=env, var_dir=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_wsgi_refuses_to_start_on_a_bad_setting(tmp_path):
    env = {**os.environ, "VAR_DIR": str(tmp_path), "DEBUG": "sometimes"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "DEBUG='sometimes' is not a yes/no value" in result.stderr


@pytest.mark.parametrize("closed_port_url", ["postgres://candid@127.0.0.1:9/candid"])
def test_health_is_503_when_the_database_does_not_answer(tmp_path, closed_port_url):
    script = "from django.test import Client; r = Client().get('/healthz'); print(r.status_code, r.content.decode())"
    env = {"DEBUG": "1", "ALLOWED_HOSTS": "testserver", "DATABASE_URL": closed_port_url}
    result = manage("shell", "-c", script, env=env, var_dir=tmp_path)
    assert result.stdout.strip().endswith("503 database unavailable"), result.stdout + result.stderr


def test_pages_answer_503_with_the_themed_page_when_the_database_is_down(tmp_path):
    script = (
        "from django.core.management import call_command;"
        "call_command('collectstatic', interactive=False, verbosity=0);"
        "from django.test import Client; r = Client(raise_request_exception=False).get('/');"
        "print(r.status_code, r['Retry-After'], 'Back in a moment' in r.content.decode())"
    )
    env = {"DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "testserver", "STAFF_2FA": "0",
           "DATABASE_URL": "postgres://candid@127.0.0.1:9/candid"}  # fmt: skip
    result = manage("shell", "-c", script, env=env, var_dir=tmp_path)
    assert result.stdout.strip().endswith("503 30 True"), result.stdout + result.stderr


def test_the_site_keeps_serving_when_redis_is_down(tmp_path):
    script = (
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from django.test import Client; c = Client(); r = c.get('/'); print(r.status_code, c.get('/healthz').content)"
    )
    env = {"DEBUG": "1", "ALLOWED_HOSTS": "testserver", "REDIS_URL": "redis://127.0.0.1:9/0",
           "DATABASE_URL": f"sqlite:///{tmp_path}/site.sqlite3"}  # fmt: skip
    result = manage("shell", "-c", script, env=env, var_dir=tmp_path)
    assert result.stdout.strip().endswith("200 b'ok'"), result.stdout + result.stderr


def test_upload_limits_come_from_the_environment(tmp_path):
    code = "from blog.media import validation as v; print(v.max_upload_bytes(), v.max_pixels())"
    limits = {"MAX_UPLOAD_MB": "5", "MAX_UPLOAD_MEGAPIXELS": "12"}
    result = manage("shell", "-v", "0", "-c", code, env={"DEBUG": "1", **limits}, var_dir=tmp_path)
    assert result.stdout.split() == [str(5 * 1024 * 1024), "12000000"], result.stderr


def test_gunicorn_refuses_a_bad_thread_count_with_one_clear_line():
    env = {**os.environ, "THREADS": "several", "PORT": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "Candid cannot start: THREADS='several' is not a whole number." in result.stderr


@pytest.mark.parametrize(("setting", "accesslog"), [(None, "None"), ("1", "-"), ("0", "None")])
def test_gunicorn_logs_each_request_only_when_asked(setting, accesslog):
    env = {key: value for key, value in os.environ.items() if key != "ACCESS_LOG"}
    if setting is not None:
        env["ACCESS_LOG"] = setting
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    printed = dict(map(str.strip, line.split("=", 1)) for line in result.stdout.splitlines() if "=" in line)
    assert printed["accesslog"] == accesslog


def test_gunicorn_refuses_an_access_log_setting_that_is_not_yes_or_no():
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT, env={**os.environ, "ACCESS_LOG": "maybe"}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "Candid cannot start: ACCESS_LOG='maybe' is not a yes/no value" in result.stderr
