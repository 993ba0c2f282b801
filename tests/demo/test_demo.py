import pytest
from django.core.management import call_command

from accounts.models import User
from blog.models import Category, Page, Post, Tag
from comments.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def counts():
    return {m.__name__: m.objects.count() for m in (User, Category, Tag, Post, Page, Comment)}


def test_demo_loads_a_lived_in_blog(var_dir, capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "Demo content loaded: 30 posts." in out

    posts = Post.objects.published()
    assert posts.count() == 30
    assert len({(p.published_on.year, p.published_on.month) for p in posts}) >= 4
    assert posts.filter(has_more=True).count() >= 25
    assert posts.filter(sticky=True).count() == 1
    assert posts.filter(comment_status=Post.CommentStatus.CLOSED).count() == 1
    assert Post.objects.filter(body__contains="<!--nextpage-->").exists()
    assert User.objects.filter(is_superuser=False).count() == 3
    assert Category.objects.filter(parent__isnull=False).exists()

    deepest = max(c.depth for c in Comment.objects.all())
    assert deepest >= 3
    assert Page.objects.filter(path="about").exists()


def test_demo_admin_credentials_are_printed_and_work(var_dir, capsys, client):
    call_command("demo", base_url="http://127.0.0.1:8123")
    out = capsys.readouterr().out
    password = (var_dir / "demo-admin-password").read_text()
    assert f"http://127.0.0.1:8123/admin/  user 'admin'  password '{password}'" in out
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200


def test_demo_runs_again_without_duplicating_or_overwriting(var_dir, capsys):
    call_command("demo")
    before = counts()
    edited = Post.objects.first()
    edited.title = "Edited by the owner"
    edited.save()

    call_command("demo")
    assert counts() == before
    assert Post.objects.get(pk=edited.pk).title == "Edited by the owner"
    out = capsys.readouterr().out
    assert "nothing changed" in out
    assert out.count((var_dir / "demo-admin-password").read_text()) == 2


def test_demo_pages_render(var_dir, client):
    call_command("demo")
    discussion = Post.objects.filter(comments__parent__isnull=False, comment_status="open").distinct().get()
    response = client.get(discussion.get_absolute_url())
    assert response.status_code == 200
    assert 'class="children"' in response.content.decode()
