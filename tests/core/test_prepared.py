"""Queries with their SQL built once per process (core/prepared.py): the time is bound at each run."""

import datetime

import pytest
from django.utils import timezone

from blog.models import Post
from core import prepared
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

built = []


def newest_titles(now):
    built.append(now)
    return Post.objects.published(now).values_list("title", "published_on", "published_at")


def test_the_query_is_built_once_and_each_run_sees_what_is_published_now():
    post = PostFactory(
        title="Soon", status=Post.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert prepared.rows(newest_titles) == []
    post.published_at = timezone.now() - datetime.timedelta(seconds=1)
    post.save()
    ((title, day, moment),) = prepared.rows(newest_titles)
    assert title == "Soon" and moment == post.published_at
    assert len(built) == 1 and built[0] == prepared.STAND_IN


def test_values_come_back_as_python_values_on_every_database():
    PostFactory(published_at=datetime.datetime(2011, 3, 28, 12, 30, tzinfo=datetime.UTC))
    ((_title, day, moment),) = prepared.rows(newest_titles)
    assert day == datetime.date(2011, 3, 28)
    assert moment == datetime.datetime(2011, 3, 28, 12, 30, tzinfo=datetime.UTC)
