import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploads never land in the project's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
