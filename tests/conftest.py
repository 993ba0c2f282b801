import pytest

from tests import recorded as recorded_answers


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploads never land in the project's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def configure(db):
    """Change the site settings for a test: `configure(hold_all_comments=True)`."""
    from blog.models import SiteSettings

    def change(**settings):
        SiteSettings.objects.update_or_create(pk=1, defaults=settings)
        return SiteSettings.load()

    return change


@pytest.fixture
def site(configure):
    """Site settings that let tests post comments freely: no flood delay, first comments not held."""
    return configure(comment_flood_seconds=0, hold_first_comments=False)


@pytest.fixture
def post(db):
    from tests.factories import PostFactory

    return PostFactory(title="Bean poles")


@pytest.fixture
def recorded():
    """Record other sites' answers for this test (tests/recorded.py); forgotten after it."""
    yield recorded_answers
    recorded_answers.ANSWERS.clear()
    recorded_answers.ASKED.clear()


@pytest.fixture
def as_user(client):
    """Log `client` in as the user given, and return it."""

    def log_in(user):
        client.force_login(user)
        return client

    return log_in
