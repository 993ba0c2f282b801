import pytest
from django.core import signing

from blog.models import SiteSettings
from comments.forms import SALT
from tests.factories import PostFactory


@pytest.fixture
def site(db):
    """Site settings that let tests post freely: no flood delay, first comments not held."""
    return SiteSettings.objects.create(comment_flood_seconds=0, hold_first_comments=False)


@pytest.fixture
def post(db):
    return PostFactory(title="Bean poles")


def form_data(post, **fields):
    """The comment form as a reader sends it, filled in a minute ago."""
    import time

    data = {
        "post": post.pk,
        "name": "Rosa",
        "email": "rosa@example.net",
        "url": "",
        "body": "Hazel rods work best.",
        "issued": signing.dumps(time.time() - 60, salt=SALT),
        "website2": "",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def send(client, post, **fields):
    return client.post("/comments/post/", form_data(post, **fields), REMOTE_ADDR=fields.pop("ip", "203.0.113.5"))
