"""Who sees what: drafts, scheduled, private and password-protected posts."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from blog.models import Post
from tests.factories import CommentFactory, PostFactory, UserFactory
from tests.html import main_html

pytestmark = pytest.mark.django_db

SECRET_BODY = "The secret ingredient is smoked paprika."


@pytest.mark.parametrize("status", [Post.Status.DRAFT, Post.Status.PENDING])
def test_unpublished_posts_are_not_found(client, status):
    post = PostFactory(status=status, published_at=timezone.now() - datetime.timedelta(days=1))
    assert client.get(post.get_absolute_url()).status_code == 404


def test_scheduled_post_is_hidden_until_its_time(client):
    post = PostFactory(status=Post.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(hours=2))
    assert client.get(post.get_absolute_url()).status_code == 404
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(post.get_absolute_url()).status_code == 200


def test_private_post_is_seen_by_its_author_and_editors_only(client):
    author = UserFactory()
    post = PostFactory(status=Post.Status.PRIVATE, author=author, title="Budget")
    assert client.get(post.get_absolute_url()).status_code == 404

    client.force_login(UserFactory())
    assert client.get(post.get_absolute_url()).status_code == 404

    client.force_login(author)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert "Private: Budget" in response.content.decode()

    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="edit_others_posts"))
    client.force_login(editor)
    assert client.get(post.get_absolute_url()).status_code == 200


def test_private_post_stays_out_of_lists(client):
    PostFactory(status=Post.Status.PRIVATE, title="Budget")
    assert "Budget" not in client.get("/").content.decode()


@pytest.fixture
def protected():
    post = PostFactory(title="Grandma's stew", body=f"Intro.\n\n<!--more-->\n\n{SECRET_BODY}", password="stew")
    CommentFactory(post=post, body="I tried the paprika.")
    return post


def test_protected_post_asks_for_its_password(client, protected):
    html = client.get(protected.get_absolute_url()).content.decode()
    assert "Protected: Grandma&#x27;s stew" in html
    assert 'type="password"' in html and "csrfmiddlewaretoken" in html
    assert SECRET_BODY not in html and "Intro." not in html
    assert "I tried the paprika." not in html


def test_wrong_password_says_so_and_reveals_nothing(client, protected):
    response = client.post(protected.get_absolute_url(), {"password": "soup"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "That password is not the right one for this post." in html
    assert SECRET_BODY not in html


def test_right_password_unlocks_the_post_and_its_comments(client, protected):
    response = client.post(protected.get_absolute_url(), {"password": "stew"})
    assert response.status_code == 302
    html = client.get(protected.get_absolute_url()).content.decode()
    assert SECRET_BODY in html
    assert "I tried the paprika." in html


def test_changing_the_password_locks_readers_out_again(client, protected):
    client.post(protected.get_absolute_url(), {"password": "stew"})
    assert SECRET_BODY in client.get(protected.get_absolute_url()).content.decode()
    protected.password = "new-stew"
    protected.save()
    html = client.get(protected.get_absolute_url()).content.decode()
    assert SECRET_BODY not in html
    assert 'class="post-password-form"' in html


def test_password_form_is_csrf_protected(protected):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(protected.get_absolute_url(), {"password": "stew"})
    assert response.status_code == 403


def test_protected_post_never_leaks_into_lists_or_search(client, protected):
    home = main_html(client.get("/"))
    assert "There is no excerpt because this is a protected post." in home
    assert "Intro." not in home
    assert "Grandma&#x27;s stew" in home
    found = main_html(client.get("/", {"s": "paprika"}))
    assert "Grandma" not in found
    assert "I tried the paprika." not in client.get("/").content.decode()  # not in recent comments either


def test_protected_post_meta_description_does_not_leak(client, protected):
    html = client.get(protected.get_absolute_url()).content.decode()
    head = html[: html.index("</head>")]
    assert "Intro" not in head and "paprika" not in head


def test_protected_posts_comments_stay_out_of_recent_comments(client, protected):
    CommentFactory(post=protected, author_name="Careful Carla")
    CommentFactory(post=PostFactory(), author_name="Open Olga")
    html = client.get("/").content.decode()
    assert "Careful Carla" not in html
    assert "Open Olga" in html  # the widget does list comments on open posts


class TestProtectedPage:
    @pytest.fixture
    def page(self, site):
        from blog.models import Page

        return Page.objects.create(
            title="Members", body="The door code is 4321.", author=UserFactory(), status="published", password="key"
        )

    def test_it_asks_for_its_password_and_keeps_its_text_out_of_the_head_and_the_sitemap(self, client, page):
        html = client.get("/members/").content.decode()
        assert "This content is password protected." in html and "4321" not in html
        assert page.get_absolute_url() not in client.get("/sitemap.xml").content.decode()

    def test_a_wrong_password_says_so(self, client, page):
        html = client.post("/members/", {"password": "door"}).content.decode()
        assert "That password is not the right one for this page." in html and "4321" not in html

    def test_the_right_password_opens_it_and_only_it(self, client, page):
        same_id = PostFactory(pk=page.pk, password="other", body="Post secret.")
        assert client.post("/members/", {"password": "key"}).status_code == 302
        assert "The door code is 4321." in client.get("/members/").content.decode()
        assert "Post secret." not in client.get(same_id.get_absolute_url()).content.decode()

    def test_a_new_password_locks_it_again(self, client, page):
        client.post("/members/", {"password": "key"})
        assert "The door code is 4321." in client.get("/members/").content.decode()
        page.password = "new key"
        page.save()
        html = client.get("/members/").content.decode()
        assert "4321" not in html
        assert 'class="post-password-form"' in html
