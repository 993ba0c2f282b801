"""Media on S3-compatible storage (MEDIA_BUCKET), against a real S3 API on loopback: moto's server.

Uploads, their renditions and their removal go through django-storages to the bucket over HTTP, with
the storage settings config/env.py makes from the environment, as in production.
"""

import subprocess
import sys
import time

import pytest
from django.core.files.storage import default_storage

from blog.media.models import Image
from config.env import media_storage
from tests.media_factories import ImageFactory, image_upload
from tests.servers import answers, free_port

boto3 = pytest.importorskip("boto3", reason="S3 support is not installed: pip install '.[test]'")
pytest.importorskip("storages", reason="S3 support is not installed: pip install '.[test]'")
pytest.importorskip("moto.server", reason="moto's S3 server is not installed: pip install '.[test]'")

pytestmark = pytest.mark.django_db
BUCKET = "candid-media"
CREDENTIALS = {"MEDIA_ACCESS_KEY_ID": "candid-test", "MEDIA_SECRET_ACCESS_KEY": "candid-test-secret"}


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while not answers("127.0.0.1", port):
        assert server.poll() is None and time.monotonic() < deadline, "moto's S3 server did not start"
        time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """A fresh bucket, and the site's media going to it, configured from the environment."""
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["MEDIA_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["MEDIA_SECRET_ACCESS_KEY"],
    )  # fmt: skip
    client.create_bucket(Bucket=BUCKET)
    environment = {"MEDIA_BUCKET": BUCKET, "MEDIA_ENDPOINT_URL": s3_endpoint, "MEDIA_REGION": "us-east-1"}
    for name, value in {**environment, **CREDENTIALS}.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": media_storage()}
    yield client
    objects = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for stored in objects:
        client.delete_object(Bucket=BUCKET, Key=stored["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client):
    return {stored["Key"] for stored in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_an_upload_and_its_renditions_are_stored_in_the_bucket(bucket, s3_endpoint):
    image = ImageFactory(file=image_upload("JPEG", (1600, 1200), name="allotment.jpg"))
    assert type(default_storage._wrapped).__name__ == "S3Storage"
    assert set(image.stored_names()) <= keys(bucket)
    assert len(image.stored_names()) > 1  # the original and its renditions
    assert image.file.url.startswith(f"{s3_endpoint}/{BUCKET}/")
    body = bucket.get_object(Bucket=BUCKET, Key=image.file.name)["Body"].read()
    assert body[:3] == b"\xff\xd8\xff"  # a JPEG, as uploaded


def test_two_uploads_with_the_same_name_keep_both(bucket):
    first = ImageFactory(file=image_upload("JPEG", name="photo.jpg"))
    second = ImageFactory(file=image_upload("PNG", name="photo.jpg"))
    assert first.file.name != second.file.name
    assert {first.file.name, second.file.name} <= keys(bucket)


def test_deleting_an_image_removes_its_files_from_the_bucket(bucket, django_capture_on_commit_callbacks):
    image = ImageFactory()
    names = image.stored_names()
    assert set(names) <= keys(bucket)
    with django_capture_on_commit_callbacks(execute=True):  # files go once the deletion is committed
        image.delete()
    assert not set(names) & keys(bucket)
    assert not Image.objects.exists()
