"""Links that keep working: renamed posts, WordPress IDs, page 1."""

import pytest

from tests.factories import CategoryFactory, PageFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_renamed_post_redirects_from_its_old_slug(client):
    post = PostFactory(title="Frist post")
    old_url = post.get_absolute_url()
    post.slug = "first-post"
    post.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url() == old_url.replace("frist-post", "first-post")


def test_redated_post_redirects_from_its_old_date(client):
    import datetime

    post = PostFactory(title="Moved")
    old_url = post.get_absolute_url()
    post.published_at -= datetime.timedelta(days=3)
    post.save()
    assert client.get(old_url)["Location"] == post.get_absolute_url()


def test_a_new_post_can_take_an_old_slug_back(client):
    post = PostFactory(title="Taken")
    old_url = post.get_absolute_url()
    post.slug = "renamed"
    post.save()
    newcomer = PostFactory(title="Taken", published_at=post.published_at)
    assert newcomer.get_absolute_url() == old_url
    assert client.get(old_url).status_code == 200


def test_unknown_slug_is_not_found(client):
    post = PostFactory()
    day = post.published_on
    assert client.get(f"/{day.year}/{day.month:02d}/{day.day:02d}/no-such-post/").status_code == 404


@pytest.mark.parametrize("parameter", ["p", "page_id", "cat"])
def test_wordpress_id_links_redirect_permanently(client, parameter):
    target = {"p": PostFactory, "page_id": PageFactory, "cat": CategoryFactory}[parameter](wp_id=4242)
    response = client.get("/", {parameter: "4242"})
    assert response.status_code == 301
    assert response["Location"] == target.get_absolute_url()


@pytest.mark.parametrize("value", ["999", "abc", "-1", "9" * 40, "１２"])
def test_unknown_or_malformed_wordpress_ids_are_not_found(client, value):
    PostFactory(wp_id=12)
    assert client.get("/", {"p": value}).status_code == 404


def test_wordpress_id_of_a_draft_is_not_found(client):
    PostFactory(wp_id=7, status="draft")
    assert client.get("/?p=7").status_code == 404


def test_page_one_redirects_to_the_list_itself(client):
    PostFactory()
    response = client.get("/page/1/")
    assert response.status_code == 301 and response["Location"] == "/"


def test_unicode_slugs_work(client):
    post = PostFactory(title="Café façade ünïcode")
    assert post.slug == "café-façade-ünïcode"
    assert "/caf%C3%A9-fa%C3%A7ade-%C3%BCn%C3%AFcode/" in post.get_absolute_url()
    assert client.get(post.get_absolute_url()).status_code == 200
