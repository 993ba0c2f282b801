import pytest
from django.contrib.auth.models import Group
from django.forms.models import model_to_dict

from accounts.roles import AUTHOR, CONTRIBUTOR, EDITOR
from blog.models import Post
from tests.factories import UserFactory


def with_role(role):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def contributor():
    return with_role(CONTRIBUTOR)


@pytest.fixture
def author():
    return with_role(AUTHOR)


@pytest.fixture
def editor():
    return with_role(EDITOR)


ADD_URL = "/admin/blog/post/add/"


def change_url(post):
    return f"/admin/blog/post/{post.pk}/change/"


def post_form(post=None, **changes):
    """The post form's fields as the admin posts them: a new post, or `post` as stored, with `changes`."""
    data = {
        "title": "A new post",
        "format": "markdown",
        "body": "Some text.",
        "comment_status": "open",
        "status": "draft",
    }
    if post is not None:
        stored = model_to_dict(post, fields=["title", "slug", "format", "body", "excerpt", "status", "comment_status",
                                             "password", "description"])  # fmt: skip
        data = {**stored, "author": post.author_id, "edit_token": post.updated_at.isoformat()}
    # The gallery inline's management form, as the admin page sends it.
    data.update({"gallery_items-TOTAL_FORMS": 0, "gallery_items-INITIAL_FORMS": 0})
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def saved(post):
    return Post.objects.get(pk=post.pk)
