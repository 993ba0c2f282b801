"""Old addresses of what a reader may not see answer 404, as its own address does: a redirect would give its
new address (and slug) away. Those who may see it are still sent there."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import EDITOR
from blog.models import LegacyURL, Post
from tests.factories import PageFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return UserFactory(username="writer")


@pytest.fixture
def hidden(author):
    return PostFactory(title="Salary talks", status=Post.Status.PRIVATE, author=author, wp_id=77)


def rename(post, slug="salary-talks-2"):
    """Give `post` a new slug; return its old address."""
    old = post.get_absolute_url()
    post.slug = slug
    post.save()
    return old


def with_a_wrong_date(post):
    """The post's address with the day before its date."""
    day = post.published_on - datetime.timedelta(days=1)
    return f"/{day:%Y/%m/%d}/{post.slug}/"


@pytest.fixture
def old_addresses(hidden):
    """Every old address that leads to the hidden post, by each way the site has of remembering one."""
    LegacyURL.objects.create(path="/archives/77", post=hidden)
    old_slug = rename(hidden)
    return {
        "imported permalink": "/archives/77",
        "imported permalink, with a slash": "/archives/77/",
        "WordPress ID": "/?p=77",
        "old slug": old_slug,
        "wrong date": with_a_wrong_date(hidden),
    }


def test_old_addresses_of_a_private_post_are_not_found_by_readers(client, hidden, old_addresses):
    for reader in (None, UserFactory()):
        if reader:
            client.force_login(reader)
        for name, address in old_addresses.items():
            response = client.get(address, follow=True)  # "/archives/77" goes to "/archives/77/" first
            assert response.status_code == 404, name
            new_address = hidden.get_absolute_url()
            assert new_address not in str(response.redirect_chain) and new_address.encode() not in response.content


@pytest.mark.parametrize("who", ["author", "editor"])
def test_old_addresses_of_a_private_post_still_lead_those_who_may_see_it_there(
    client, hidden, old_addresses, author, who
):
    reader = author if who == "author" else UserFactory()
    if who == "editor":
        reader.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(reader)
    for name, address in old_addresses.items():
        response = client.get(address, follow=True)
        assert response.status_code == 200, name
        assert response.redirect_chain[-1] == (hidden.get_absolute_url(), 301), name


@pytest.mark.parametrize("status", [Post.Status.DRAFT, Post.Status.PENDING, Post.Status.SCHEDULED])
def test_the_imported_permalink_of_an_unpublished_post_is_not_found(client, author, status):
    post = PostFactory(status=status, author=author, published_at=timezone.now() + datetime.timedelta(days=2))
    LegacyURL.objects.create(path="/archives/78/", post=post)
    assert client.get("/archives/78/").status_code == 404
    client.force_login(author)  # not readable at its own address either, before it is published
    assert client.get("/archives/78/").status_code == 404


def test_the_imported_permalink_of_a_private_page_is_not_found_by_readers(client, author):
    page = PageFactory(title="Team notes", status=Post.Status.PRIVATE, author=author, wp_id=79)
    LegacyURL.objects.create(path="/old-team-notes/", page=page)
    for address in ("/old-team-notes/", "/?page_id=79"):
        assert client.get(address).status_code == 404, address
    client.force_login(author)
    for address in ("/old-team-notes/", "/?page_id=79"):
        assert client.get(address)["Location"] == page.get_absolute_url(), address


def test_the_imported_permalink_of_a_published_post_redirects_everyone(client):
    post = PostFactory(title="Open day")
    LegacyURL.objects.create(path="/archives/80/", post=post)
    response = client.get("/archives/80/")
    assert (response.status_code, response["Location"]) == (301, post.get_absolute_url())
