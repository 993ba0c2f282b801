"""Uploads served by Candid itself on local runs (`make run`, `make serve`: settings.SERVE_MEDIA)."""

import importlib

import pytest
from django.urls import clear_url_caches
from PIL import Image

import config.urls
from tests.config.test_startup import PRODUCTION, manage

pytestmark = pytest.mark.django_db


@pytest.fixture
def serving_media(settings):
    """The URL configuration as a local run builds it, with /media/ served."""
    settings.SERVE_MEDIA = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield settings.MEDIA_ROOT
    settings.SERVE_MEDIA = False
    importlib.reload(config.urls)
    clear_url_caches()


def stored(root, name, content=None):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        Image.new("RGB", (8, 8), "green").save(path)
    else:
        path.write_bytes(content)
    return path


def test_an_uploaded_image_is_shown(client, serving_media):
    stored(serving_media, "2026/12/beans.jpg")
    response = client.get("/media/2026/12/beans.jpg")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("inline") and response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


@pytest.mark.parametrize("name", ["2026/12/page.html", "2026/12/drawing.svg", "2026/12/notes.pdf"])
def test_other_files_are_only_downloaded_never_shown_as_a_page_of_the_site(client, serving_media, name):
    stored(serving_media, name, b"<html><script>alert(1)</script></html>")
    response = client.get(f"/media/{name}")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("address", ["/media/2026/12/missing.jpg", "/media/../config/settings.py",
                                     "/media/%2e%2e/config/settings.py", "/media/"])  # fmt: skip
def test_missing_files_and_paths_out_of_the_folder_are_refused(client, serving_media, address):
    stored(serving_media.parent, "config/settings.py", b"SECRET_KEY = 'x'")  # beside MEDIA_ROOT
    response = client.get(address)
    assert response.status_code in (400, 404) and b"SECRET_KEY" not in response.getvalue()


def test_without_it_media_addresses_are_not_served(client, settings):
    assert settings.SERVE_MEDIA is False  # the tests' own settings: as in production behind nginx
    stored(settings.MEDIA_ROOT, "2026/12/beans.jpg")
    assert client.get("/media/2026/12/beans.jpg").status_code == 404


@pytest.mark.parametrize("env, serves", [({"DEBUG": "1"}, "True"), (PRODUCTION, "False"),
                                         ({**PRODUCTION, "SERVE_MEDIA": "1"}, "True")])  # fmt: skip
def test_local_runs_serve_media_and_production_leaves_it_to_nginx(tmp_path, env, serves):
    code = "from django.conf import settings; print(settings.SERVE_MEDIA)"
    result = manage("shell", "-v", "0", "-c", code, env=env, var_dir=tmp_path)
    assert result.stdout.split() == [serves], result.stderr
