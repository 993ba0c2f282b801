import pytest


@pytest.fixture(autouse=True)
def media_urls(settings):
    settings.ROOT_URLCONF = "tests.blog.media.urls"


@pytest.fixture
def stored_files(settings):
    """A function listing every file in the media storage, as paths relative to MEDIA_ROOT."""

    def listing():
        root = settings.MEDIA_ROOT
        return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())

    return listing
